// Helpers the plugin tests share: parameters from a schema's defaults, pay periods, and
// a scoped TANDEM_PLUGIN_PATH.
#pragma once

#include "plugins/registry.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tandem::test {

inline const std::filesystem::path kShippedDir = TANDEM_PLUGIN_DIR;
inline const std::filesystem::path kFixtureDir = TANDEM_FIXTURE_PLUGIN_DIR;

// Every declared parameter at its default, then the overrides (as the validator would).
inline Params params_for(const LoadedPlugin& plugin, const std::map<std::string, Value>& set = {}) {
  Params params = plugin.schema().defaults();
  for (const auto& [name, value] : set) params.set(name, value);
  return params;
}

inline PayPeriod month() {
  return {0, PeriodKind::month, 0, 3, 1.0 / 12.0};
}
inline PayPeriod quarter() {
  return {0, PeriodKind::quarter, 0, 12, 0.25};
}
inline PayPeriod year() {
  return {0, PeriodKind::year, 0, 51, 1.0};
}

inline Money money(const char* text) {
  return *Money::parse(text);
}

// Credits with only bookings.
inline Credits booked(const char* amount) {
  Credits c;
  c.bookings = money(amount);
  return c;
}

// A plugin's declared parameter `name` (the test stops if there is none).
inline const ParamSpec& spec(const LoadedPlugin& plugin, const char* name) {
  const ParamSpec* s = plugin.schema().find(name);
  REQUIRE(s != nullptr);
  return *s;
}

// A deal won by the person credited with all of it.
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

// Credits for `deals` (bookings and their count); they point into the vector, which must
// outlive them.
inline Credits with_deals(const std::vector<CreditedDeal>& deals) {
  Credits c;
  for (const auto& d : deals) c.bookings += d.value;
  c.deals_won = static_cast<std::int64_t>(deals.size());
  c.deals = deals;
  return c;
}

// The amount and the reason of a statement's line `component` (0 and "" if it has none).
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

inline GuardedPayPlan make_plan(const LoadedPlugin& plugin,
                                const std::map<std::string, Value>& set = {}) {
  Stream stream(1, 0, 0);
  return GuardedPayPlan(plugin, plugin.make_pay_plan(params_for(plugin, set), stream));
}

inline GuardedLeadPolicy make_policy(const LoadedPlugin& plugin,
                                     const std::map<std::string, Value>& set = {}) {
  Stream stream(1, 0, 0);
  return GuardedLeadPolicy(plugin, plugin.make_lead_policy(params_for(plugin, set), stream));
}

// Sets (or clears) TANDEM_PLUGIN_PATH for one test, and puts the old value back.
class ScopedPluginPath {
 public:
  explicit ScopedPluginPath(const std::optional<std::string>& value) {
    if (const char* old = std::getenv("TANDEM_PLUGIN_PATH")) old_ = old;
    if (value)
      ::setenv("TANDEM_PLUGIN_PATH", value->c_str(), 1);
    else
      ::unsetenv("TANDEM_PLUGIN_PATH");
  }
  ~ScopedPluginPath() {
    if (old_)
      ::setenv("TANDEM_PLUGIN_PATH", old_->c_str(), 1);
    else
      ::unsetenv("TANDEM_PLUGIN_PATH");
  }
  ScopedPluginPath(const ScopedPluginPath&) = delete;
  ScopedPluginPath& operator=(const ScopedPluginPath&) = delete;

 private:
  std::optional<std::string> old_;
};

}  // namespace tandem::test
