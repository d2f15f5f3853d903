// Marketing paid on the revenue it sources: a share of closed revenue from the channels a
// marketer runs, optionally capped, on top of a salary. The plan that ties marketing's
// pay to what sales closes rather than to lead counts.
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <string>

namespace {
using namespace tandem;

class RevenueBonus final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("revenue_bonus",
                  "A salary plus a share of the closed revenue a marketer's channels sourced.")
        .param<Money>("salary", Money::from_cents(9'000'000),
                      "Salary, prorated over each pay period.",
                      at_least(Money{}).with_unit("per year"))
        .param<double>("rate", 0.02, "Share of sourced closed revenue paid as a bonus.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<Money>("cap", Money::unlimited(), "Most bonus paid in one pay period.",
                      at_least(Money{}).with_unit("per pay period"));
  }

  explicit RevenueBonus(const Params& p)
      : salary_(p.get<Money>("salary")), rate_(p.get<double>("rate")), cap_(p.get<Money>("cap")) {}

  // Pure: same credits, same cents.
  Statement pay(const Credits& c, const PayPeriod& period) const override {
    Statement s;
    if (salary_ > Money{}) s.add_prorated("salary", salary_, period);
    s.add_capped(
        "revenue bonus", c.sourced_revenue.times(rate_), cap_,
        decimal(rate_ * 100.0) + "% of " + c.sourced_revenue.str() + " sourced revenue closed");
    return s;
  }

 private:
  Money salary_;
  double rate_;
  Money cap_;
};

}  // namespace

TANDEM_PLUGIN(RevenueBonus, "1.0.0")
