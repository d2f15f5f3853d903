// The boundary between the engine and plugin code. Whatever a plugin does wrong — throws,
// or answers something impossible — comes out of here as a PluginFault that names the
// plugin and its file, so the run stops cleanly and says whose fault it was.
#include "plugins/registry.hpp"

#include "plugins/exception_text.hpp"

#include <string>

namespace tandem {

namespace {

[[noreturn]] void raise_fault(const LoadedPlugin& plugin, const std::string& message) {
  throw PluginFault(plugin.name(), plugin.path().string(), message);
}

}  // namespace

Statement GuardedPayPlan::pay(const Credits& credits, const PayPeriod& period) const {
  Statement statement;
  try {
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
    return policy_->is_mql(lead);
  } catch (...) {
    fault("is_mql");
  }
}

bool GuardedLeadPolicy::accepts(const LeadView& lead) {
  try {
    return policy_->accepts(lead);
  } catch (...) {
    fault("accepts");
  }
}

ServiceLevel GuardedLeadPolicy::service_level() const {
  ServiceLevel level;
  try {
    level = policy_->service_level();
  } catch (...) {
    fault("service_level");
  }
  if (level.follow_up_periods < 0 || level.recycle_after_periods < 0)
    raise_fault(*plugin_, "service_level() returned a negative number of periods (follow-up " +
                              std::to_string(level.follow_up_periods) + ", recycle after " +
                              std::to_string(level.recycle_after_periods) + ")");
  return level;
}

void GuardedLeadPolicy::on_outcome(const LeadView& lead, Outcome outcome) {
  try {
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
