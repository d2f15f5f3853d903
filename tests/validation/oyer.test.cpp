// Validation: Oyer (1998), "Fiscal year ends and nonlinear incentive contracts: the effect
// on business seasonality" (QJE 113(1)): sales bunch at the end of the period a nonlinear
// plan (a quota with an accelerator) is measured over; a linear plan gives no reason to.
//
// Run: the pay-study company (validation.hpp: scenarios/quarter_end.yaml, speed to lead
// held off) (adaptive reps, 104 weeks of 4-4-5 quarters, warm-up 13
// weeks), seed 20260101, 100 replications per plan, the same market for each (common
// random numbers). Figure: quarter_end_month_revenue_share, the share of revenue booked in
// a quarter's last month; the calendar's neutral share is 5 of 13 weeks (0.385).
// Tolerances: "clearly above" is 3 standard errors and 2 pp; "within" is the issue's
// 2 pp (linear) and 1 pp (salary only) on the mean, whose standard error is printed.
#include "validation.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::validation;

namespace {
constexpr double kNeutral = 5.0 / 13.0;
const std::string kReplications = "replications=100";
}  // namespace

TEST_CASE(
    "Oyer 1998: a quota with an accelerator bunches revenue at quarter end, linear pay "
    "and salary do not",
    "[validation][statistical]") {
  const RunResult quota = run_pay_study({kReplications});
  const RunResult linear_quarterly =
      run_pay_study({kReplications, "sales.pay.params.tier_multipliers=[1,1,1]"});
  const RunResult linear_monthly = run_pay_study(
      {kReplications, "sales.pay.period=month", "sales.pay.params.tier_multipliers=[1,1,1]"});
  const RunResult salary = run_pay_study({kReplications, "sales.pay.params.rate=0"});

  const std::string share = "quarter_end_month_revenue_share";
  const MeanSe q = headline(quota, share), lq = headline(linear_quarterly, share),
               lm = headline(linear_monthly, share), sa = headline(salary, share);
  INFO("last-month share: quota+accelerator "
       << q.mean << " (se " << q.se << "), linear quarterly " << lq.mean << " (se " << lq.se
       << "), linear monthly " << lm.mean << " (se " << lm.se << "), salary only " << sa.mean
       << " (se " << sa.se << ")");
  CHECK(q.mean - kNeutral > std::max(0.02, 3 * q.se));
  CHECK(std::abs(lq.mean - kNeutral) < 0.02);
  CHECK(std::abs(lm.mean - kNeutral) < 0.02);
  CHECK(std::abs(sa.mean - kNeutral) < 0.01);

  // Pulls follow the plan: many under the quota, almost none where they only buy earlier
  // pay at a discount, and next to none on a salary (under 1% of deals won).
  const MeanSe pulls_quota = headline(quota, "deals_pulled"),
               pulls_salary = headline(salary, "deals_pulled"),
               pulls_monthly = headline(linear_monthly, "deals_pulled"),
               won_salary = headline(salary, "won_deals");
  INFO("deals pulled per replication: quota "
       << pulls_quota.mean << ", linear monthly " << pulls_monthly.mean << ", salary "
       << pulls_salary.mean << " of " << won_salary.mean << " won");
  CHECK(pulls_quota.mean > 5 * pulls_monthly.mean + 3 * pulls_quota.se);
  CHECK(pulls_salary.mean < 0.01 * won_salary.mean);
  CHECK(headline(salary, "discounts_given").mean < 0.002 * headline(salary, "revenue").mean);
}
