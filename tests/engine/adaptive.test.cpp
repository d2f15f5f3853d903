// Adaptive agents choose by calling their own pay plans: behaviour that must come out of
// what the plans pay, never out of code about any plan. Seed 12345, 40 replications of
// 52 weeks (four 4-4-5 quarters) unless a test says otherwise; differences must clear 4
// standard errors.
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <set>

using namespace tandem;
using namespace tandem::test;

namespace {

// The share of a metric's total that falls in the last month of each quarter (weeks 9-12
// of every 13), summed over replications.
double quarter_end_share(const RunResult& r, const std::string& metric) {
  double end = 0, all = 0;
  for (const auto& rep : r.replications)
    for (const auto& m : rep.metrics)
      if (m.agent == -1 && r.metric_specs[m.metric].name == metric) {
        all += m.value;
        if (m.period % 13 >= 8) end += m.value;
      }
  return all > 0 ? end / all : 0.0;
}

// The engine fixture with adaptive reps.
struct AdaptiveFixture : EngineFixture {
  AdaptiveFixture() { scenario.behaviour.mode = BehaviourMode::adaptive; }
};

}  // namespace

TEST_CASE("fixed rules never move a deal nor ignore a lead", "[engine]") {
  EngineFixture f;
  f.scenario.replications = 4;
  for (const auto& rep : f.run(2).replications) {
    CHECK(headline(rep, "deals_pulled") == 0);
    CHECK(headline(rep, "deals_pushed") == 0);
    CHECK(headline(rep, "discounts_given") == 0);
    CHECK(headline(rep, "mqls_ignored_share") == 0);
  }
}

TEST_CASE("a quarterly quota with an accelerator pulls deals into the quarter's last month",
          "[engine][statistical]") {
  AdaptiveFixture f;
  f.scenario.replications = 200;  // the share moves by a few points: SE about 0.8 pp
  // Deals are what a quota times: speed to lead is held off so enough of them are decided.
  f.scenario.funnel.speed_to_lead.floor = 1.0;
  f.scenario.sales.pay.params.set("rate", 0.08);
  const RunResult flat = f.run(2);
  // Quota: what a rep books in a quarter under the flat plan, so both plans cost about
  // the same at the same results.
  const double quarter = stats(flat, "revenue").mean / f.scenario.sales.people / 4.0;
  f.use(f.scenario.sales.pay, "quota_tiers");
  f.scenario.sales.pay.period = PeriodKind::quarter;
  f.scenario.sales.pay.params.set("quota", Money::from_units(quarter));
  f.scenario.sales.pay.params.set("rate", 0.08);
  const RunResult quota = f.run(2);
  const Stats d = paired(flat, quota, "quarter_end_month_revenue_share");
  INFO("last month's share of quarterly revenue, quota - flat: " << d.mean << " (SE " << d.se
                                                                 << ")");
  CHECK(d.mean - 4 * d.se > 0);
  // The discounts that buy those deals cluster at quarter end under the quota, not under
  // the monthly flat plan (where every month ends a pay period).
  const double quota_discounts = quarter_end_share(quota, "discounts_given");
  INFO("share of discounts given in a quarter's last month: quota "
       << quota_discounts << ", flat " << quarter_end_share(flat, "discounts_given"));
  CHECK(quota_discounts > 0.9);
  CHECK(quarter_end_share(flat, "discounts_given") < 0.6);

  // The reps' statements show each discount on the deal it bought (replication 0 keeps
  // them): every one is a deal won in a quarter's last month, and together they are the
  // discounts the run reports, less those on deals whose pay period ended after the run.
  // (The marketer who sourced a deal sees it too, on their own statement.)
  Money on_statements;
  int pulled = 0;
  std::set<std::uint64_t> seen;
  for (const StatementRecord& st : quota.replications[0].statements)
    for (const CreditedDeal& d : st.deals)
      if (st.person >= f.scenario.marketing.people && d.discount > Money{}) {
        CHECK(seen.insert(d.id).second);
        on_statements += d.discount;
        ++pulled;
        CHECK(d.period % 13 >= 8);
      }
  CHECK(pulled > 0);
  CHECK(on_statements.units() <= headline(quota.replications[0], "discounts_given") + 0.005);
  CHECK(on_statements.units() >= 0.8 * headline(quota.replications[0], "discounts_given"));
}

TEST_CASE("reps push deals past a cap, and fewer when a delayed close may lose the buyer",
          "[engine][statistical]") {
  // A flat commission capped at half of what a rep's month usually pays: once the cap is
  // reached, a deal due now pays nothing this month and its full commission next month,
  // so reps ask for a delay. When a delayed buyer always walks away, the delay is worth
  // nothing and they stop. Uncapped, a delay only costs the ask: almost nobody asks.
  AdaptiveFixture f;
  f.scenario.funnel.speed_to_lead.floor = 1.0;  // enough deals for a cap to bind
  f.scenario.sales.pay.params.set("rate", 0.08);
  const double month = stats(f.run(2), "revenue").mean / f.scenario.sales.people / 12.0;
  const RunResult uncapped = f.run(2);
  f.scenario.sales.pay.params.set("cap", Money::from_units(0.5 * 0.08 * month));
  f.scenario.deals.push_loss = 0.0;
  const RunResult safe = f.run(2);
  f.scenario.deals.push_loss = 1.0;
  const RunResult risky = f.run(2);
  const Stats capped = paired(uncapped, safe, "deals_pushed");
  INFO("deals pushed, capped - uncapped: " << capped.mean << " (SE " << capped.se << ")");
  CHECK(capped.mean - 4 * capped.se > 0);
  const Stats d = paired(safe, risky, "deals_pushed");
  INFO("deals pushed, risky - safe: " << d.mean << " (SE " << d.se << ")");
  CHECK(d.mean + 4 * d.se < 0);
}

TEST_CASE("a pay plan only this test knows moves deals where it pays", "[engine][statistical]") {
  AdaptiveFixture f;
  const RunResult flat = f.run(2);
  PluginRegistry registry({TANDEM_PLUGIN_DIR, TANDEM_FIXTURE_PLUGIN_DIR});
  f.scenario.sales.pay.plugin = "third_month_commission";
  f.scenario.sales.pay.params = registry.load("third_month_commission").schema().defaults();
  RunOptions options;
  options.threads = 2;
  const RunResult third =
      run_simulation(f.scenario, resolve_plugins(f.scenario, registry), options);
  // It pays only in months 3, 6, 9, 12: the last month of each quarter.
  const Stats d = paired(flat, third, "quarter_end_month_revenue_share");
  INFO("last month's share of quarterly revenue, third-month plan - flat: " << d.mean << " (SE "
                                                                            << d.se << ")");
  CHECK(d.mean - 4 * d.se > 0);
}

TEST_CASE("marketers paid per MQL target for volume and those paid on revenue do not",
          "[engine][statistical]") {
  // The fixture pays marketers a salary and a bonus per MQL; the alternative, a share of
  // the revenue their channels sourced. Same market, same seed: only the plan differs.
  AdaptiveFixture f;
  f.scenario.replications = 80;  // the quality difference is small: more replications
  f.scenario.marketing.pay.params.set("bonus_per_mql", Money::from_units(20));
  const RunResult per_mql = f.run(2);
  f.use(f.scenario.marketing.pay, "revenue_bonus");
  const RunResult on_revenue = f.run(2);
  const Stats broad = paired(on_revenue, per_mql, "broad_targeting_share");
  const Stats mqls = paired(on_revenue, per_mql, "mqls");
  const Stats quality = paired(on_revenue, per_mql, "mql_mean_quality");
  const Stats unworked = paired(on_revenue, per_mql, "mqls_never_worked_share");
  const Stats ignored = paired(on_revenue, per_mql, "mqls_ignored_share");
  INFO("per MQL - on revenue: broad targeting "
       << broad.mean << " (SE " << broad.se << "), MQLs " << mqls.mean << " (SE " << mqls.se
       << "), MQL quality " << quality.mean << " (SE " << quality.se << "), never worked "
       << unworked.mean << " (SE " << unworked.se << "), ignored by choice " << ignored.mean
       << " (SE " << ignored.se << ")");
  CHECK(broad.mean - 4 * broad.se > 0);
  CHECK(mqls.mean - 4 * mqls.se > 0);
  CHECK(quality.mean + 4 * quality.se < 0);
  CHECK(unworked.mean - 4 * unworked.se > 0);
  CHECK(ignored.mean - 4 * ignored.se > 0);
}

TEST_CASE("marketers paid on revenue produce more enablement content than those paid per MQL",
          "[engine][statistical]") {
  // Content that helps reps close adds nothing to pay per MQL; to pay on sourced revenue
  // it adds what the deals it helps bring. Here content matters (a gain of 0.3 per buyer
  // when every marketer produces it) and takes 2 hours.
  AdaptiveFixture f;
  // Deals are what content helps: speed to lead is held off so enough of them are decided.
  f.scenario.funnel.speed_to_lead.floor = 1.0;
  f.scenario.marketing.enablement_convince_gain = 0.3;
  f.scenario.marketing.enablement_hours = 2;
  const RunResult per_mql = f.run(2);
  f.use(f.scenario.marketing.pay, "revenue_bonus");
  const RunResult on_revenue = f.run(2);
  const Stats enabling = paired(per_mql, on_revenue, "enablement_share");
  const Stats won = paired(per_mql, on_revenue, "won_deals");
  INFO("on revenue - per MQL: enablement share " << enabling.mean << " (SE " << enabling.se
                                                 << "), won deals " << won.mean << " (SE " << won.se
                                                 << ")");
  CHECK(enabling.mean - 4 * enabling.se > 0);
}

TEST_CASE("a cap on pay lowers reps' effort and removing it raises it", "[engine][statistical]") {
  // Each hour costs a rep effort_cost_per_hour; above the cap it pays nothing.
  AdaptiveFixture f;
  f.scenario.replications = 80;  // time on opportunities moves little: more replications
  // Enough deals for a cap to bind: speed to lead is held off.
  f.scenario.funnel.speed_to_lead.floor = 1.0;
  const RunResult uncapped = f.run(2);
  const double month = stats(uncapped, "revenue").mean / f.scenario.sales.people / 12.0;
  f.scenario.sales.pay.params.set("cap", Money::from_units(0.5 * 0.10 * month));
  const RunResult capped = f.run(2);
  const Stats effort = paired(uncapped, capped, "rep_effort_share");
  const Stats on_deals = paired(uncapped, capped, "rep_time_on_opportunities_share");
  const Stats ignored = paired(uncapped, capped, "mqls_ignored_share");
  INFO("capped - uncapped: effort "
       << effort.mean << " (SE " << effort.se << "), time on opportunities " << on_deals.mean
       << " (SE " << on_deals.se << "), MQLs ignored " << ignored.mean << " (SE " << ignored.se
       << ")");
  CHECK(effort.mean + 4 * effort.se < 0);
  CHECK(on_deals.mean + 4 * on_deals.se < 0);
  // Above the cap a lead pays nothing either: which to work no longer matters to the rep.
  CHECK(ignored.mean - 4 * ignored.se > 0);
}

TEST_CASE("a marketer paid per MQL moves budget to cheap MQLs and one paid on revenue does not",
          "[engine][statistical]") {
  // One marketer runs both channels: paid social buys inquiries at 60 from accounts
  // rarely in market, paid search at 150 from accounts often in market. Only the plan
  // differs.
  AdaptiveFixture f;
  f.scenario.marketing.people = 1;
  f.scenario.marketing.pay.params.set("bonus_per_mql", Money::from_units(20));
  const RunResult per_mql = f.run(2);
  f.use(f.scenario.marketing.pay, "revenue_bonus");
  const RunResult on_revenue = f.run(2);
  const Stats social = paired(on_revenue, per_mql, "spend_share.paid_social");
  const Stats mqls = paired(on_revenue, per_mql, "mqls");
  INFO("per MQL - on revenue: paid social's share of spend "
       << social.mean << " (SE " << social.se << "), MQLs " << mqls.mean << " (SE " << mqls.se
       << ")");
  CHECK(social.mean - 4 * social.se > 0);
  CHECK(mqls.mean - 4 * mqls.se > 0);
}

TEST_CASE("adaptive reps weigh a team pool split by salary with the declared salaries",
          "[engine]") {
  // The plan's stakes and expected pay are priced with the team's salaries, as every pay
  // period is: without them a pool split by salary refuses to pay (a plugin fault).
  AdaptiveFixture f;
  f.scenario.replications = 2;
  f.scenario.sales.salaries = {50000, 50000, 100000, 100000};
  PayChoice pool;
  f.use(pool, "team_pool");
  pool.period = PeriodKind::quarter;
  pool.params.set("split", std::string("by_salary"));
  f.scenario.sales.pay.components.push_back(pool);
  RunResult result;
  REQUIRE_NOTHROW(result = f.run(2));
  // Each rep's piece of a quarter's pool is their salary's share: a 100000 rep's is twice
  // a 50000 rep's, to the cent of rounding.
  std::map<int, Money> paid;  // by person, the first replication's pool pieces
  for (const auto& row : result.replications.front().ledger)
    if (row.component == "team pool") paid[row.person] += row.amount;
  const int first_rep = f.scenario.marketing.people;
  REQUIRE(paid.size() == 4);
  REQUIRE(paid[first_rep] > Money{});
  CHECK(std::abs(paid[first_rep + 2].cents() - 2 * paid[first_rep].cents()) <= 8);
  CHECK(paid[first_rep] == paid[first_rep + 1]);
}
