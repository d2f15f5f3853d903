// What a plugin's own unit tests need, without the engine or a scenario: parameters from
// the schema's defaults checked as Tandem checks them, the plugin's check of combinations,
// an instance made as Tandem makes it, and the views a plan or a policy is called with.
// Header-only and test-framework-free: use it with Catch2, GoogleTest or plain asserts.
//
//   #include "my_plan.cpp"            // or link the plugin's sources into the test
//   #include <tandem/testing.hpp>
//   using namespace tandem::testing;
//
//   const MyPlan plan = make<MyPlan>({{"rate", 0.1}});
//   const Statement s = plan.pay(booked("1000.00"), month());
//   assert(line(s, "commission") == money("100.00"));
//   assert(problems<MyPlan>(params<MyPlan>({{"rate", 0.0}})).size() == 1);
#pragma once

#include <tandem/errors.hpp>
#include <tandem/lead_policy.hpp>
#include <tandem/money.hpp>
#include <tandem/params.hpp>
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>
#include <tandem/random.hpp>
#include <tandem/views.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tandem {
inline namespace v4 {
namespace testing {

// --- Parameters ------------------------------------------------------------------------

// The parameters Tandem would hand the plugin for a scenario that gives `set`: every
// declared parameter at its default, then `set` over them. Throws tandem::Error, as
// `tandem validate` would refuse the scenario, when a key of `set` is not declared, a value
// is of another type (an integer for a number is read as that number, as in a scenario),
// out of its range or not one of its choices, or a required parameter is not given.
// A `name_in` list is not checked: there is no scenario to look names up in.
inline Params params(const Schema& schema, const std::map<std::string, Value>& set = {}) {
  Params out = schema.defaults();
  for (auto [name, value] : set) {
    const ParamSpec* spec = schema.find(name);
    if (!spec) throw Error("'" + schema.name() + "' declares no parameter '" + name + "'");
    if (spec->type == ParamType::real && std::holds_alternative<std::int64_t>(value))
      value = static_cast<double>(std::get<std::int64_t>(value));
    // Value's alternatives are in ParamType's order, so a value's index is its type.
    const auto given = static_cast<ParamType>(value.index());
    if (given != spec->type)
      throw Error("parameter '" + name + "' of '" + schema.name() + "' is of type " +
                  type_name(spec->type) + ", got a value of type " + type_name(given));
    if (!spec->allowed.allows(value))
      throw Error("parameter '" + name + "' of '" + schema.name() +
                  "' is outside what its schema allows");
    out.set(name, std::move(value));
  }
  for (const auto& spec : schema.params())
    if (!out.has(spec.name))
      throw Error("'" + schema.name() + "' requires parameter '" + spec.name + "'");
  return out;
}

// The same for a plugin class: params<MyPlan>({{"rate", 0.2}}).
template <class Plugin>
Params params(const std::map<std::string, Value>& set = {}) {
  return params(Plugin::schema(), set);
}

// What the plugin's own check says of `p`: the problems Tandem would report, located at
// their keys, before anything runs. None when it accepts them or declares no check.
template <class Plugin>
std::vector<ParamProblem> problems(const Params& p) {
  (void)::tandem::detail::check_of<Plugin>();  // a `check` of the wrong shape does not compile
  if constexpr (::tandem::detail::has_check<Plugin>)
    return Plugin::check(p);
  else
    return {};
}

// Throws tandem::Error, with each problem's key and message, if the plugin's check finds
// any in `p`: what Tandem would refuse the scenario for.
template <class Plugin>
void require_accepted(const Params& p) {
  const std::vector<ParamProblem> found = problems<Plugin>(p);
  if (found.empty()) return;
  std::string text;
  for (const auto& problem : found) text += (text.empty() ? "" : "; ") + problem.str();
  throw Error("'" + Plugin::schema().name() + "' refuses these parameters: " + text);
}

// An instance made as Tandem makes one: the parameters checked by params(), then the
// plugin's check (require_accepted), then its constructor. A plugin that draws random
// numbers is given `stream`.
template <class Plugin>
Plugin make(const std::map<std::string, Value>& set = {}) {
  const Params p = params<Plugin>(set);
  require_accepted<Plugin>(p);
  return Plugin(p);
}
template <class Plugin>
Plugin make(const std::map<std::string, Value>& set, Stream& stream) {
  const Params p = params<Plugin>(set);
  require_accepted<Plugin>(p);
  return Plugin(p, stream);
}

// --- Pay periods, money, credits -------------------------------------------------------

// The first pay period of each kind, as a 52-week simulation has them.
inline PayPeriod month() {
  return {0, PeriodKind::month, 0, 3, 1.0 / 12.0};
}
inline PayPeriod quarter() {
  return {0, PeriodKind::quarter, 0, 12, 0.25};
}
inline PayPeriod year() {
  return {0, PeriodKind::year, 0, 51, 1.0};
}

// An amount as a scenario writes it ("1234.50", "unlimited"); throws on anything else.
inline Money money(const char* text) {
  if (const auto m = Money::parse(text)) return *m;
  throw Error(std::string("not an amount of money: '") + text + "'");
}

// Credits with only bookings.
inline Credits booked(Money amount) {
  Credits c;
  c.bookings = amount;
  return c;
}
inline Credits booked(const char* amount) {
  return booked(money(amount));
}

// A deal won in simulation period `period` by the person credited with all of it.
inline CreditedDeal won(std::uint64_t id, Money value, int period) {
  CreditedDeal d;
  d.id = id;
  d.value = d.deal_value = value;
  d.period = period;
  return d;
}
inline CreditedDeal won(std::uint64_t id, const char* amount, int period) {
  return won(id, money(amount), period);
}

// Credits for `deals` (bookings and their count). They point into `deals`, which must
// outlive them.
inline Credits with_deals(const std::vector<CreditedDeal>& deals) {
  Credits c;
  for (const auto& d : deals) c.bookings += d.value;
  c.deals_won = static_cast<std::int64_t>(deals.size());
  c.deals = deals;
  return c;
}

// The amount of a statement's line `component`, and its reason (0 and "" if it has none).
inline Money line(const Statement& s, const std::string& component) {
  for (const auto& l : s.lines())
    if (l.component == component) return l.amount;
  return Money{};
}
inline std::string reason(const Statement& s, const std::string& component) {
  for (const auto& l : s.lines())
    if (l.component == component) return l.reason;
  return {};
}

// --- Leads and reps --------------------------------------------------------------------

// An inquiry with contact details, of this lead score, fit and engagement (touches).
inline LeadView lead(double score, double fit = 0.5, int engagement = 0) {
  LeadView l;
  l.score = score;
  l.fit = fit;
  l.engagement = engagement;
  return l;
}

// `n` reps with empty queues and `hours_per_period` selling hours each, for route().
inline std::vector<RepView> reps(int n, double hours_per_period = 30) {
  std::vector<RepView> out(static_cast<std::size_t>(n));
  for (auto& r : out) r.hours_per_period = hours_per_period;
  return out;
}

}  // namespace testing
}  // namespace v4
}  // namespace tandem
