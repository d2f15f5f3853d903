// A fixed share of each booking, optionally capped, on top of an optional base salary.
// The baseline sales plan: every other plan is compared against it.
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <cstdio>
#include <string>

namespace {
using namespace tandem;

// A number for a reason line: at least one decimal, at most four, no trailing zeros.
std::string decimal(double x) {
  char text[64];
  std::snprintf(text, sizeof text, "%.4f", x);
  std::string s = text;
  while (s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
  return s;
}

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
    if (base_salary_ > Money{})
      s.add("base salary", base_salary_.times(period.years),  // one rounding rule
            base_salary_.str() + " a year, prorated for a " + to_string(period.kind) + " (" +
                decimal(period.years) + " of a year)");
    const Money earned = c.bookings.times(rate_);
    std::string reason = decimal(rate_ * 100.0) + "% of " + c.bookings.str() + " booked";
    if (earned > cap_)
      s.add("commission", cap_,
            reason + " = " + earned.str() + ", capped at " + cap_.str() + " per pay period");
    else
      s.add("commission", earned, std::move(reason));
    return s;
  }

 private:
  double rate_;
  Money base_salary_;
  Money cap_;
};

}  // namespace

TANDEM_PLUGIN(FlatCommission, "1.0.0")
