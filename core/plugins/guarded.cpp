// The boundary between the engine and plugin code. Whatever a plugin does wrong — throws,
// or answers something impossible — comes out of here as a PluginFault that names the
// plugin and its file, so the run stops cleanly and says whose fault it was.
#include "plugins/registry.hpp"

#include "plugins/exception_text.hpp"
#include "plugins/fault_guard.hpp"

#include <string>

namespace tandem {

namespace {

[[noreturn]] void raise_fault(const LoadedPlugin& plugin, const std::string& message) {
  throw PluginFault(plugin.name(), plugin.path().string(), message);
}

}  // namespace

Statement GuardedPayPlan::pay(const Credits& credits, const PayPeriod& period,
                              std::string_view who) const {
  Statement statement;
  try {
    const PluginCall inside(*plugin_, "pay", who);
    statement = plan_->pay(credits, period);
  } catch (...) {
    raise_fault(*plugin_, "pay() threw: " + current_exception_text());
  }
  // Money cannot hold NaN (Money::from_units throws inside the plugin, caught above), so
  // the impossible answers left are a negative component and an unbounded one.
  for (const auto& line : statement.lines()) {
    if (line.amount < Money{})
      raise_fault(*plugin_, "pay() returned a negative amount " + line.amount.str() +
                                " for component '" + line.component + "'");
    if (line.amount.is_unlimited())
      raise_fault(*plugin_,
                  "pay() returned an unlimited amount for component '" + line.component + "'");
  }
  return statement;
}

bool GuardedLeadPolicy::is_mql(const LeadView& lead) {
  try {
    const PluginCall inside(*plugin_, "is_mql", lead.id);
    return policy_->is_mql(lead);
  } catch (...) {
    fault("is_mql");
  }
}

bool GuardedLeadPolicy::accepts(const LeadView& lead) {
  try {
    const PluginCall inside(*plugin_, "accepts", lead.id);
    return policy_->accepts(lead);
  } catch (...) {
    fault("accepts");
  }
}

ServiceLevel GuardedLeadPolicy::service_level() const {
  ServiceLevel level;
  try {
    const PluginCall inside(*plugin_, "service_level");
    level = policy_->service_level();
  } catch (...) {
    fault("service_level");
  }
  if (!(level.first_touch_hours > 0) || level.recycle_after_periods < 1 || level.max_touches < 1)
    raise_fault(*plugin_, "service_level() returned an impossible service level (first touch " +
                              std::to_string(level.first_touch_hours) + " hours, recycle after " +
                              std::to_string(level.recycle_after_periods) + " periods, " +
                              std::to_string(level.max_touches) +
                              " touches); each must be above 0");
  if (static_cast<int>(level.on_breach) < 0 ||
      static_cast<int>(level.on_breach) > static_cast<int>(BreachAction::recycle))
    raise_fault(*plugin_, "service_level() returned an unknown breach action (" +
                              std::to_string(static_cast<int>(level.on_breach)) + ")");
  return level;
}

double GuardedLeadPolicy::score(const LeadView& lead) const {
  double s = 0;
  try {
    const PluginCall inside(*plugin_, "score", lead.id);
    s = policy_->score(lead);
  } catch (...) {
    fault("score");
  }
  if (!(s >= 0 && s <= 100))
    raise_fault(*plugin_, "score() returned " + std::to_string(s) + " for lead " +
                              std::to_string(lead.id) + "; a score is from 0 to 100");
  return s;
}

int GuardedLeadPolicy::route(const LeadView& lead, std::span<const RepView> reps) {
  int r = 0;
  try {
    const PluginCall inside(*plugin_, "route", lead.id);
    r = policy_->route(lead, reps);
  } catch (...) {
    fault("route");
  }
  if (r < 0 || r >= static_cast<int>(reps.size()))
    raise_fault(*plugin_, "route() sent lead " + std::to_string(lead.id) + " to rep " +
                              std::to_string(r) + ", but there are " + std::to_string(reps.size()) +
                              " (0 to " + std::to_string(reps.size() - 1) + ")");
  return r;
}

bool GuardedLeadPolicy::works_accounts() const {
  try {
    const PluginCall inside(*plugin_, "works_accounts");
    return policy_->works_accounts();
  } catch (...) {
    fault("works_accounts");
  }
}

void GuardedLeadPolicy::on_outcome(const LeadView& lead, Outcome outcome) {
  try {
    const PluginCall inside(*plugin_, "on_outcome", lead.id);
    policy_->on_outcome(lead, outcome);
  } catch (...) {
    fault("on_outcome");
  }
}

// Called inside a catch block: names the call that threw and what it threw.
void GuardedLeadPolicy::fault(const char* call) const {
  raise_fault(*plugin_, std::string(call) + "() threw: " + current_exception_text());
}

}  // namespace tandem
