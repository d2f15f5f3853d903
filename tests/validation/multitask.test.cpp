// Validation: Holmstrom & Milgrom (1991), "Multitask principal-agent analyses" (JLEO 7):
// paying for the measured task (MQLs) draws effort from the unmeasured one (their
// quality). Marketers paid per MQL produce more MQLs of lower quality; reps ignore more of
// them; revenue does not rise.
//
// Run: the pay-study company (validation.hpp: scenarios/quarter_end.yaml, speed to lead
// held off) (adaptive marketers and reps), seed 20260101, 100
// replications, marketers on salary only (bonus_per_mql 0) and on salary plus 40 per MQL:
// same market (common random numbers). Tolerance: 3 standard errors of each paired
// difference; "does not rise": revenue's paired difference is not 2 standard errors above 0.
#include "validation.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::validation;

TEST_CASE("Holmstrom & Milgrom 1991: pay per MQL buys MQLs, not revenue",
          "[validation][statistical]") {
  const RunResult salary =
      run_pay_study({"replications=100", "marketing.pay.params.bonus_per_mql=0"});
  const RunResult per_mql =
      run_pay_study({"replications=100", "marketing.pay.params.bonus_per_mql=40"});
  const MeanSe mqls = paired_relative(salary, per_mql, "mqls");
  const MeanSe quality = paired(salary, per_mql, "mql_mean_quality");
  const MeanSe ignored = paired(salary, per_mql, "mqls_ignored_share");
  const MeanSe revenue = paired_relative(salary, per_mql, "revenue");
  INFO("per MQL vs salary: MQLs " << 100 * mqls.mean << "% (se " << 100 * mqls.se
                                  << " pp), mean MQL quality " << quality.mean << " (se "
                                  << quality.se << "), share of MQLs ignored " << ignored.mean
                                  << " (se " << ignored.se << "), revenue " << 100 * revenue.mean
                                  << "% (se " << 100 * revenue.se << " pp)");
  CHECK(mqls.mean > 3 * mqls.se);
  CHECK(quality.mean < -3 * quality.se);
  CHECK(ignored.mean > 3 * ignored.se);
  CHECK(revenue.mean < 2 * revenue.se);
}
