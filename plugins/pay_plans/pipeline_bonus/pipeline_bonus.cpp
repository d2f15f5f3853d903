// Marketing paid on the pipeline it sources: a share of the value of opportunities opened
// from the channels a marketer runs, optionally capped, on top of a salary. Paid when the
// opportunity opens, long before it closes (or does not).
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <string>

namespace {
using namespace tandem;

class PipelineBonus final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("pipeline_bonus",
                  "A salary plus a share of the pipeline a marketer's channels sourced.")
        .param<Money>("salary", Money::from_cents(9'000'000),
                      "Salary, prorated over each pay period.",
                      at_least(Money{}).with_unit("per year"))
        .param<double>("rate", 0.005, "Share of sourced pipeline paid as a bonus.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<Money>("cap", Money::unlimited(), "Most bonus paid in one pay period.",
                      at_least(Money{}).with_unit("per pay period"));
  }

  explicit PipelineBonus(const Params& p)
      : salary_(p.get<Money>("salary")), rate_(p.get<double>("rate")), cap_(p.get<Money>("cap")) {}

  // Pure: same credits, same cents.
  Statement pay(const Credits& c, const PayPeriod& period) const override {
    Statement s;
    if (salary_ > Money{}) s.add_prorated("salary", salary_, period);
    s.add_capped("pipeline bonus", c.pipeline.times(rate_), cap_,
                 decimal(rate_ * 100.0) + "% of " + c.pipeline.str() + " sourced pipeline");
    return s;
  }

 private:
  Money salary_;
  double rate_;
  Money cap_;
};

}  // namespace

TANDEM_PLUGIN(PipelineBonus, "1.0.0")
