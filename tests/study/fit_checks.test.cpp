// What a fit is worth, on figures worked out by hand: a run recorded as an export would
// have seen it, the keys' standard errors from the figures' slopes, and the held-out
// months' prediction with its interval.
#include "study/fit_checks.hpp"
#include "study/recorded_figures.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace tandem;
using namespace tandem::study;

TEST_CASE("a run's days to close as an export would have recorded them", "[study]") {
  // Half the won deals close on the day of the MQL, half the day after.
  const CloseDays close(std::vector<std::int64_t>{2, 2});
  CHECK(close.within(0) == Approx(0));
  CHECK(close.within(0.5) == Approx(0.25));
  CHECK(close.within(1) == Approx(0.5));
  CHECK(close.within(1.5) == Approx(0.75));
  CHECK(close.within(10) == Approx(1));
  // A lead seen for half a day and one seen for ten: a quarter and all of its chance.
  CHECK(recorded_share(close, {0.5, 10}) == Approx(0.625));

  // Deals spread evenly over four days: seen in full, the quantiles are the plain ones;
  // seen for two days, only the first two days' deals are recorded.
  const CloseDays even(std::vector<std::int64_t>{1, 1, 1, 1});
  CHECK(even.recorded_quantile({100}, 0.5) == Approx(2.0));
  CHECK(even.recorded_quantile({100}, 0.9) == Approx(3.6));
  CHECK(even.recorded_quantile({2}, 0.5) == Approx(1.0));
  const std::vector<double> cumulative = even.recorded_cumulative({100}, 5);
  CHECK(cumulative == std::vector<double>{0, 0.25, 0.5, 0.75, 1, 1});
  CHECK(CloseDays(std::vector<std::int64_t>{}).empty());
}

namespace {

Fit two_keys() {
  Fit fit;
  fit.keys = {{"a", 0, 1, {}}, {"b", 0, 1, {}}, {"c", 0, 1, {}}};
  FitTarget x, y;
  x.se = 0.5;
  y.se = 2.0;
  fit.targets = {x, y};
  fit.trace.push_back({{0.5, 0.5, 0.5}, {0, 0}, 0});
  return fit;
}

}  // namespace

TEST_CASE("a key's standard error comes from how the figures move with it", "[study]") {
  // Figure x moves 2 per unit of a, figure y 4 per unit of b; nothing moves with c.
  const Fit fit = two_keys();
  Neighbourhood n;
  n.slope = {{2, 0}, {0, 4}, {0, 0}};
  const KeyUncertainty u = key_uncertainty(fit, n, 4);
  REQUIRE(u.se.size() == 3);
  // (JᵀWJ)⁻¹ with J in standard errors: a moves x by 2 / 0.5 = 4 SEs, b moves y by 4 / 2 = 2.
  REQUIRE(u.se[0].has_value());
  REQUIRE(u.se[1].has_value());
  CHECK(*u.se[0] == Approx(std::sqrt(1.25 / 16)));
  CHECK(*u.se[1] == Approx(std::sqrt(1.25 / 4)));
  CHECK_FALSE(u.se[2].has_value());
  // A prediction moving 3 per unit of a and 1 per unit of b carries both variances.
  CHECK(variance_along({3, 1, 0}, u) == Approx(9 * 1.25 / 16 + 1.25 / 4));
}

TEST_CASE("the held-out months' won deals are predicted lead by lead, with an interval",
          "[study]") {
  // Held out: two months; month 0 has 100 leads of channel "web" seen for 10 days, month 1
  // has 100 seen for half a day. Every won deal closes within its first day.
  ObservedFunnel held_out;
  held_out.channels = {"web"};
  held_out.by_month = {{"2018-03", 100, 0}, {"2018-04", 100, 0}};
  held_out.end = 17800;
  for (int m = 0; m < 2; ++m)
    for (int i = 0; i < 100; ++i)
      held_out.leads.push_back({0, m, m == 0 ? 10.0 : 0.5, i < (m == 0 ? 20 : 2)});
  Scenario scenario;
  scenario.channels.resize(1);
  scenario.channels[0].name = "web";
  const HoldoutPrediction prediction(held_out, scenario);
  // Two replications winning 18% and 22% of web's MQLs.
  RunResult run;
  for (const double share : {0.18, 0.22}) {
    ReplicationResult r;
    r.headlines = {{"channel_mql_to_won.web", "share", share}, {"mql_to_won_rate", "share", 0.1}};
    r.days_to_close = {10};
    run.replications.push_back(r);
  }
  const std::vector<double> expected = prediction.expected(run);
  REQUIRE(expected.size() == 3);
  CHECK(expected[0] == Approx(20));  // 100 × 0.2 × 1
  CHECK(expected[1] == Approx(10));  // 100 × 0.2 × 0.5
  CHECK(expected[2] == Approx(30));

  Neighbourhood n;
  n.best = run;  // no keys: no uncertainty from them
  const HoldoutCheck check = prediction.check(n, 0, KeyUncertainty{}, "2018-03-01");
  REQUIRE(check.months.size() == 2);
  CHECK(check.months[0].observed == 20);
  CHECK(check.months[0].predicted == Approx(20));
  // Bernoulli: 100 × 0.2 × 0.8 = 16; replications: the two give 18 and 22, variance 8 / 2.
  CHECK(check.months[0].high - check.months[0].predicted == Approx(1.96 * std::sqrt(16 + 4)));
  CHECK(check.months[1].observed == 2);
  // 100 × (0.1 − 0.01) = 9; replications: 9 and 11, variance 2 / 2.
  CHECK(check.months[1].high - check.months[1].predicted == Approx(1.96 * std::sqrt(9 + 1)));
  CHECK(check.total.mqls == 200);
  CHECK(check.total.observed == 22);
  CHECK(check.total.predicted == Approx(30));
  CHECK(check.months[0].inside());
  CHECK_FALSE(check.months[1].inside());  // 2 against 10 ± 6.2
  CHECK_FALSE(check.passed());
  CHECK(check.from == "2018-03-01");
  CHECK(check.until == "2018-09-26");
}
