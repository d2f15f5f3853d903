// A pay plan that misbehaves in one way, chosen by the file that includes
// this: each hostile plugin is this class with its own `misbehave()`.
#pragma once

#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

void misbehave();  // defined by each plugin's file

namespace hostile {
template <const char* Name>
class Plan final : public tandem::PayPlan {
 public:
  static tandem::Schema schema() { return tandem::Schema(Name, "Misbehaves inside pay()."); }
  explicit Plan(const tandem::Params&) {}
  // From the second pay period on: a scenario's validation, which pays a sample person
  // for a first period, passes, and the fault comes in the run, for a real person.
  tandem::Statement pay(const tandem::Credits&, const tandem::PayPeriod& period) const override {
    if (period.index >= 1) misbehave();
    return {};
  }
};
}  // namespace hostile
