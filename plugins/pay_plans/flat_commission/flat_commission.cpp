// A fixed share of each booking, optionally capped, on top of an optional base salary.
// The baseline sales plan: every other plan is compared against it.
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <string>

namespace {
using namespace tandem;

class FlatCommission final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("flat_commission",
                  "A fixed share of every booking, optionally capped, plus an optional base "
                  "salary.")
        .param<double>("rate", 0.10, "Share of booked revenue paid as commission.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<Money>("base_salary", Money{}, "Base salary, prorated over each pay period.",
                      at_least(Money{}).with_unit("per year"))
        .param<Money>("cap", Money::unlimited(), "Most commission paid in one pay period.",
                      at_least(Money{}).with_unit("per pay period"));
  }

  explicit FlatCommission(const Params& p)
      : rate_(p.get<double>("rate")),
        base_salary_(p.get<Money>("base_salary")),
        cap_(p.get<Money>("cap")) {}

  // Pure: same credits, same cents. Agents call it many times per period.
  Statement pay(const Credits& c, const PayPeriod& period) const override {
    Statement s;
    if (base_salary_ > Money{}) s.add_prorated("base salary", base_salary_, period);
    s.add_capped("commission", c.bookings.times(rate_), cap_,  // one rounding rule
                 decimal(rate_ * 100.0) + "% of " + c.bookings.str() + " booked");
    return s;
  }

 private:
  double rate_;
  Money base_salary_;
  Money cap_;
};

}  // namespace

TANDEM_PLUGIN(FlatCommission, "1.0.0")
