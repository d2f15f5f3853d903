// The shipped lead policies on one small market: what each does to volume and quality,
// measured against the latent need the policies never see. Statistical checks compare
// means over 40 replications (paired where both runs share the seed) and require the
// difference to clear several standard errors.
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::test;

namespace {

// Precision of the MQLs decided in periods [from, to), summed over every replication.
double precision_between(const RunResult& r, int from, int to) {
  double real = 0, all = 0;
  for (const auto& rep : r.replications)
    for (const auto& m : rep.metrics) {
      if (m.agent != -1 || m.period < from || m.period >= to) continue;
      const std::string& name = r.metric_specs[m.metric].name;
      if (name == "mqls_real_need") real += m.value;
      if (name == "mqls") all += m.value;
    }
  return all > 0 ? real / all : 0.0;
}

// Per replication: precision in the last `late` periods minus in the first `early`.
Stats precision_gain(const RunResult& r, int periods, int early, int late) {
  std::vector<double> gains;
  for (const auto& rep : r.replications) {
    RunResult one;
    one.metric_specs = r.metric_specs;
    one.replications = {rep};
    gains.push_back(precision_between(one, periods - late, periods) -
                    precision_between(one, 0, early));
  }
  return mean_se(gains);
}

}  // namespace

TEST_CASE("a warm body floods sales: more MQLs and a lower MQL to won rate than a strict score",
          "[engine][statistical]") {
  EngineFixture f;
  f.use(f.scenario.lead_policy, "warm_body");
  const RunResult warm = f.run(2);
  f.use(f.scenario.lead_policy, "score_threshold");
  f.scenario.lead_policy.params.set("threshold", 70.0);
  const RunResult strict = f.run(2);
  const Stats mqls = paired(strict, warm, "mqls");
  const Stats won_rate = paired(strict, warm, "mql_to_won_rate");
  const Stats precision = paired(strict, warm, "mql_precision");
  INFO("warm - strict: MQLs " << mqls.mean << " (SE " << mqls.se << "), MQL to won "
                              << won_rate.mean << " (SE " << won_rate.se << ")");
  CHECK(mqls.mean - 4 * mqls.se > 0);
  CHECK(won_rate.mean + 4 * won_rate.se < 0);
  CHECK(precision.mean + 4 * precision.se < 0);
  // Every inquiry with contact details is an MQL: recall is all but complete.
  CHECK(stats(warm, "mql_recall").mean > 0.9);
}

TEST_CASE("raising the score threshold lowers MQL volume and raises precision",
          "[engine][statistical]") {
  EngineFixture f;
  f.scenario.lead_policy.params.set("threshold", 40.0);
  const RunResult low = f.run(2);
  f.scenario.lead_policy.params.set("threshold", 65.0);
  const RunResult high = f.run(2);
  const Stats mqls = paired(low, high, "mqls");
  const Stats precision = paired(low, high, "mql_precision");
  INFO("65 - 40: MQLs " << mqls.mean << " (SE " << mqls.se << "), precision " << precision.mean
                        << " (SE " << precision.se << ")");
  CHECK(mqls.mean + 4 * mqls.se < 0);
  CHECK(precision.mean - 4 * precision.se > 0);
  // The score separates good leads from bad better than a coin.
  CHECK(stats(low, "policy_score_auc").mean > 0.6);
}

TEST_CASE("BANT with a need-heavy weighting separates better than with budget alone",
          "[engine][statistical]") {
  EngineFixture f;
  f.use(f.scenario.lead_policy, "bant");
  f.scenario.scoring.bant_noise = 0.3;
  const auto weights = [&](double b, double a, double n, double t) {
    f.scenario.lead_policy.params.set("budget_weight", b);
    f.scenario.lead_policy.params.set("authority_weight", a);
    f.scenario.lead_policy.params.set("need_weight", n);
    f.scenario.lead_policy.params.set("timing_weight", t);
    return f.run(2);
  };
  const RunResult need = weights(0.1, 0.1, 0.7, 0.1);
  const RunResult budget = weights(1.0, 0.0, 0.0, 0.0);
  const Stats auc = paired(budget, need, "policy_score_auc");
  INFO("AUC need-heavy - budget only: " << auc.mean << " (SE " << auc.se << ")");
  CHECK(auc.mean - 4 * auc.se > 0);
}

TEST_CASE("the feedback policy learns when sales feedback is informative and not from noise",
          "[engine][statistical]") {
  EngineFixture f;
  f.scenario.horizon.periods = 104;
  f.use(f.scenario.lead_policy, "sales_accepted_feedback");
  f.scenario.lead_policy.params.set("learning_rate", 0.05);
  f.scenario.funnel.sales_read_accuracy = 1.0;  // sales reads every need right
  const RunResult informative = f.run(2);
  f.scenario.funnel.sales_read_accuracy = 0.5;  // a coin toss: feedback is noise
  const RunResult noise = f.run(2);
  const Stats gain = precision_gain(informative, 104, 8, 26);
  const Stats noise_gain = precision_gain(noise, 104, 8, 26);
  INFO("precision gain, last half-year over the first 8 weeks: informative "
       << gain.mean << " (SE " << gain.se << "), noise " << noise_gain.mean << " (SE "
       << noise_gain.se << ")");
  CHECK(gain.mean - 4 * gain.se > 0);
  CHECK(gain.mean - noise_gain.mean > 4 * std::hypot(gain.se, noise_gain.se));
}

TEST_CASE("account-based qualifies accounts: their leads join the lead in play",
          "[engine][statistical]") {
  EngineFixture f;
  f.scenario.replications = 10;
  f.use(f.scenario.lead_policy, "account_based");
  f.scenario.lead_policy.params.set("min_engaged", std::int64_t{1});
  f.scenario.lead_policy.params.set("min_fit", 0.0);
  const RunResult accounts = f.run(2);
  f.use(f.scenario.lead_policy, "warm_body");
  const RunResult leads = f.run(2);
  for (std::size_t i = 0; i < accounts.replications.size(); ++i) {
    const auto& a = accounts.replications[i];
    CHECK(headline(a, "leads_merged_into_accounts") > 0);
    CHECK(headline(leads.replications[i], "leads_merged_into_accounts") == 0);
    // Fewer MQLs per account qualified than when every lead is worked on its own.
    CHECK(headline(a, "mqls") / headline(a, "mql_accounts") <
          headline(leads.replications[i], "mqls") /
              headline(leads.replications[i], "mql_accounts"));
  }
}

TEST_CASE("breaches of the first-touch time are counted", "[engine][statistical]") {
  EngineFixture f;
  f.scenario.replications = 10;
  f.scenario.lead_policy.params.set("first_touch_hours", 0.5);
  const RunResult tight = f.run(2);
  f.scenario.lead_policy.params.set("first_touch_hours", 5000.0);
  const RunResult loose = f.run(2);
  // Half an hour: only leads that arrive while their rep still has hours that period are
  // touched in time; every lead that waits into a later period breaches. 5000 hours: every
  // touch is in time, and a lead recycled unworked after 4 weeks has not reached its
  // deadline.
  const Stats t = stats(tight, "sla_breach_share");
  INFO("breach share at half an hour: " << t.mean << " (SE " << t.se << ")");
  CHECK(t.mean - 4 * t.se > 0.25);
  CHECK(stats(loose, "sla_breach_share").mean == 0.0);
}
