#include "model/scenario_words.hpp"

#include <array>
#include <utility>

namespace tandem {

namespace {

template <class E, std::size_t N>
using Names = std::array<std::pair<E, const char*>, N>;

constexpr Names<SimPeriod, 2> kSimPeriods{{{SimPeriod::week, "week"}, {SimPeriod::month, "month"}}};
constexpr Names<PeriodKind, 3> kPayPeriods{
    {{PeriodKind::month, "month"}, {PeriodKind::quarter, "quarter"}, {PeriodKind::year, "year"}}};
constexpr Names<LeadOrder, 3> kLeadOrders{{{LeadOrder::oldest_first, "oldest_first"},
                                           {LeadOrder::newest_first, "newest_first"},
                                           {LeadOrder::highest_score, "highest_score"}}};
constexpr Names<BehaviourMode, 2> kBehaviourModes{
    {{BehaviourMode::fixed, "fixed"}, {BehaviourMode::adaptive, "adaptive"}}};

template <class E, std::size_t N>
std::string name_of(const Names<E, N>& names, E e) {
  for (const auto& [value, name] : names)
    if (value == e) return name;
  return "?";
}

template <class E, std::size_t N>
E value_of(const Names<E, N>& names, std::string_view word, const char* what) {
  for (const auto& [value, name] : names)
    if (word == name) return value;
  throw Error("'" + std::string(word) + "' is not a " + what);
}

template <class E, std::size_t N>
std::vector<std::string> words_of(const Names<E, N>& names) {
  std::vector<std::string> words;
  for (const auto& entry : names) words.push_back(entry.second);
  return words;
}

}  // namespace

std::vector<std::string> sim_period_words() {
  return words_of(kSimPeriods);
}
std::vector<std::string> pay_period_words() {
  return words_of(kPayPeriods);
}
std::vector<std::string> lead_order_words() {
  return words_of(kLeadOrders);
}
std::vector<std::string> behaviour_mode_words() {
  return words_of(kBehaviourModes);
}

std::string to_text(SimPeriod p) {
  return name_of(kSimPeriods, p);
}
std::string to_text(PeriodKind p) {
  return name_of(kPayPeriods, p);
}
std::string to_text(LeadOrder o) {
  return name_of(kLeadOrders, o);
}
std::string to_text(BehaviourMode m) {
  return name_of(kBehaviourModes, m);
}

SimPeriod sim_period_from(std::string_view word) {
  return value_of(kSimPeriods, word, "simulation period");
}
PeriodKind pay_period_from(std::string_view word) {
  return value_of(kPayPeriods, word, "pay period");
}
LeadOrder lead_order_from(std::string_view word) {
  return value_of(kLeadOrders, word, "lead order");
}
BehaviourMode behaviour_mode_from(std::string_view word) {
  return value_of(kBehaviourModes, word, "behaviour mode");
}

}  // namespace tandem
