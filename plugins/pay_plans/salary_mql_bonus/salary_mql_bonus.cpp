// A marketer's plan: a salary plus a bonus for every MQL above a threshold, optionally
// capped. Paying on MQL count is what pushes marketing toward volume over quality.
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <algorithm>
#include <cstdint>
#include <string>

namespace {
using namespace tandem;

std::string mqls(std::int64_t n) {
  return std::to_string(n) + (n == 1 ? " MQL" : " MQLs");
}

class SalaryMqlBonus final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("salary_mql_bonus",
                  "A salary plus a bonus for each MQL above a threshold, optionally capped.")
        .param<Money>("salary", Money::from_cents(9'000'000),
                      "Salary, prorated over each pay period.",
                      at_least(Money{}).with_unit("per year"))
        .param<Money>("bonus_per_mql", Money::from_cents(4'000),
                      "Bonus paid for each MQL above the threshold.",
                      at_least(Money{}).with_unit("per MQL"))
        .param<std::int64_t>("mql_threshold", 0,
                             "MQLs in a pay period before the bonus starts; the bonus is paid "
                             "on MQLs above it.",
                             at_least(0.0).with_unit("MQLs per pay period"))
        .param<Money>("bonus_cap", Money::unlimited(), "Most bonus paid in one pay period.",
                      at_least(Money{}).with_unit("per pay period"));
  }

  explicit SalaryMqlBonus(const Params& p)
      : salary_(p.get<Money>("salary")),
        bonus_per_mql_(p.get<Money>("bonus_per_mql")),
        threshold_(p.get<std::int64_t>("mql_threshold")),
        bonus_cap_(p.get<Money>("bonus_cap")) {}

  // Pure: same credits, same cents.
  Statement pay(const Credits& c, const PayPeriod& period) const override {
    Statement s;
    s.add_prorated("salary", salary_, period);

    const std::int64_t counted = std::max<std::int64_t>(0, c.mqls - threshold_);
    // Exact: a whole number of MQLs times a cent amount needs no rounding.
    const Money earned = bonus_per_mql_.times(static_cast<double>(counted));
    std::string reason = bonus_per_mql_.str() + " x " + mqls(counted);
    if (threshold_ > 0)
      reason += counted > 0 ? " above the threshold of " + std::to_string(threshold_) + " (" +
                                  mqls(c.mqls) + ")"
                            : " (" + mqls(c.mqls) + ", none above the threshold of " +
                                  std::to_string(threshold_) + ")";
    s.add_capped("mql bonus", earned, bonus_cap_, std::move(reason));
    return s;
  }

 private:
  Money salary_;
  Money bonus_per_mql_;
  std::int64_t threshold_;
  Money bonus_cap_;
};

}  // namespace

TANDEM_PLUGIN(SalaryMqlBonus, "1.0.0")
