#include "output/summary.hpp"

#include "stats/statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "sample_run.hpp"

using namespace tandem;
using Catch::Matchers::WithinRel;

namespace {

std::vector<std::string> keys(const SummaryJson& j) {
  std::vector<std::string> k;
  for (const auto& [key, value] : j.items()) k.push_back(key);
  return k;
}

SummaryJson sample_summary() {
  return make_summary(testing::sample_scenario(), testing::sample_result(),
                      testing::sample_manifest());
}

}  // namespace

TEST_CASE("summary opens with the run block", "[output]") {
  const SummaryJson s = sample_summary();
  CHECK(keys(s) == std::vector<std::string>{"run", "warnings", "headline", "precision", "pay",
                                            "ledger_rows", "metrics"});
  const auto& run = s["run"];
  CHECK(keys(run) == std::vector<std::string>{"scenario", "scenario_hash", "seed", "replications",
                                              "measured", "tandem_version", "sdk_abi", "plugins"});
  CHECK(run["scenario"] == "sample");
  CHECK(run["scenario_hash"] == "fnv1a64:0123456789abcdef");
  CHECK(run["seed"] == 42);
  CHECK(run["replications"] == 3);
  CHECK(run["tandem_version"] == TANDEM_VERSION_STRING);
  CHECK(run["sdk_abi"] == TANDEM_SDK_ABI);
  REQUIRE(run["plugins"].size() == 3);
  const auto& policy = run["plugins"][0];
  CHECK(policy["slot"] == "lead_policy");
  CHECK(policy["name"] == "score_threshold");
  CHECK(policy["version"] == "1.0.0");
  CHECK(policy["abi"] == TANDEM_SDK_ABI);
  CHECK(policy["kind"] == "lead policy");
  CHECK(policy["params"]["threshold"] == 60);
  CHECK_FALSE(policy.contains("pay_period"));
  const auto& marketing = run["plugins"][1];
  CHECK(marketing["kind"] == "pay plan");
  CHECK(marketing["pay_period"] == "quarter");
  CHECK(marketing["params"]["bonus_per_mql"] == "25.00");  // money stays exact
  const auto& sales = run["plugins"][2];
  CHECK(sales["params"]["rate"] == 0.1);
  CHECK(sales["params"]["capped"] == false);
}

TEST_CASE("summary headline figures: mean, CI, sd, n, median, P5, P95, in engine order",
          "[output]") {
  const SummaryJson s = sample_summary();
  const auto& h = s["headline"];
  CHECK(keys(h) == std::vector<std::string>{"revenue", "win_rate", "deals_won"});
  const auto& deals = h["deals_won"];
  CHECK(keys(deals) ==
        std::vector<std::string>{"unit", "mean", "ci95", "sd", "n", "median", "p5", "p95"});
  CHECK(deals["unit"] == "count");
  CHECK(deals["mean"] == 14.0);
  CHECK(deals["n"] == 3);
  CHECK(deals["median"] == 14.0);
  CHECK(deals["sd"] == 3.0);
  CHECK(deals["p5"] == 11.0);  // of 14, 11, 17: the smallest and the largest
  CHECK(deals["p95"] == 17.0);
  const double half = 4.302652730 * 3.0 / std::sqrt(3.0);
  CHECK_THAT(deals["ci95"][0].get<double>(), WithinRel(14.0 - half, 1e-9));
  CHECK_THAT(deals["ci95"][1].get<double>(), WithinRel(14.0 + half, 1e-9));
  CHECK_THAT(h["revenue"]["mean"].get<double>(), WithinRel(3640000.75 / 3.0, 1e-9));
  CHECK(h["win_rate"]["unit"] == "share");
}

TEST_CASE("summary figures are rounded to 10 significant digits", "[output]") {
  const SummaryJson s = sample_summary();
  const std::string mean = s["headline"]["revenue"]["mean"].dump();
  CHECK(mean == "1213333.583");
}

TEST_CASE("one replication: no interval, no sd", "[output]") {
  RunResult r = testing::sample_result();
  r.replications.resize(1);
  RunManifest m = testing::sample_manifest();
  m.replications = 1;
  const SummaryJson s = make_summary(testing::sample_scenario(), r, m);
  const auto& rev = s["headline"]["revenue"];
  CHECK(rev["n"] == 1);
  CHECK(rev["ci95"].is_null());
  CHECK(rev["sd"].is_null());
  CHECK(rev["mean"] == 1250000.5);
  CHECK(s["pay"]["ci95_per_replication_cents"].is_null());
}

TEST_CASE("summary pay totals are exact sums of the ledger", "[output]") {
  const SummaryJson s = sample_summary();
  const auto& pay = s["pay"];
  // Per replication: salary 1500000, bonus 2500*(40+rep), commission 1234567+rep, 99, -5001.
  const std::int64_t marketing = 3 * 1500000 + 2500 * (40 + 41 + 42);
  const std::int64_t sales = (1234567 + 1234568 + 1234569) + 3 * 99 - 3 * 5001;
  CHECK(pay["total_cents"] == marketing + sales);
  CHECK(pay["total"] == Money::from_cents(marketing + sales).str());
  CHECK(pay["by_role"]["marketing"]["total_cents"] == marketing);
  CHECK(pay["by_role"]["sales"]["total_cents"] == sales);
  CHECK(keys(pay["by_role"]) == std::vector<std::string>{"marketing", "sales"});
  CHECK(keys(pay["by_component"]) ==
        std::vector<std::string>{"clawback", "commission", "mql_bonus", "salary"});
  CHECK(pay["by_component"]["clawback"]["total_cents"] == -15003);
  CHECK(pay["by_component"]["clawback"]["mean_per_replication_cents"] == -5001);
  CHECK(pay["by_component"]["commission"]["total_cents"] == 1234567 + 1234568 + 1234569 + 3 * 99);
  CHECK(pay["by_component"]["salary"]["sd_per_replication_cents"] == 0.0);
  CHECK(s["ledger_rows"] == 15);

  // The mean per replication is rounded to the cent, halves away from zero.
  const std::int64_t total = marketing + sales;
  const std::int64_t expected_mean = (total * 2 + 3) / 6;  // total > 0
  CHECK(pay["mean_per_replication_cents"] == expected_mean);

  // Cost risk: P5 / median / P95 of a role's pay over replications, exact cents of one.
  const auto& m = pay["by_role"]["marketing"];
  CHECK(m["p5_per_replication_cents"] == 1500000 + 2500 * 40);
  CHECK(m["median_per_replication_cents"] == 1500000 + 2500 * 41);
  CHECK(m["p95_per_replication_cents"] == 1500000 + 2500 * 42);
}

TEST_CASE("mean per replication rounds halves away from zero", "[output]") {
  RunResult r;
  r.agents = {{"rep-01", Role::sales, "flat"}};
  r.replications.resize(2);
  r.replications[0].ledger.push_back(
      {0, PeriodKind::month, 0, "plan", "c", Money::from_cents(-2), ""});
  r.replications[1].ledger.push_back(
      {0, PeriodKind::month, 0, "plan", "c", Money::from_cents(-1), ""});
  for (auto& x : r.replications) digest_rows(x, r.agents.size(), 0, HorizonConfig{1});
  RunManifest m{1, 2, {}};
  const SummaryJson s = make_summary(testing::sample_scenario(), r, m);
  CHECK(s["pay"]["total_cents"] == -3);
  CHECK(s["pay"]["mean_per_replication_cents"] == -2);  // -1.5 -> -2
  CHECK(s["pay"]["by_role"]["sales"]["mean_per_replication_cents"] == -2);
}

TEST_CASE("summary carries the metric catalogue", "[output]") {
  const SummaryJson s = sample_summary();
  CHECK(keys(s["metrics"]) == std::vector<std::string>{"mqls", "pipeline"});
  CHECK(s["metrics"]["mqls"]["unit"] == "count");
  CHECK(s["metrics"]["pipeline"]["doc"] == "Value of opportunities opened, \"credited\".");
}

TEST_CASE("summary text is deterministic, indented, newline-terminated", "[output]") {
  const std::string a = summary_text(sample_summary());
  const std::string b = summary_text(sample_summary());
  CHECK(a == b);
  CHECK(a.rfind("{\n  \"run\": {\n    \"scenario\": \"sample\",", 0) == 0);
  CHECK(a.back() == '\n');
  CHECK(SummaryJson::parse(a) == sample_summary());
}

TEST_CASE("an empty run still gives a well-formed summary", "[output]") {
  const SummaryJson s = make_summary(testing::sample_scenario(), RunResult{}, RunManifest{});
  CHECK(s["headline"].empty());
  CHECK(s["pay"]["total_cents"] == 0);
  CHECK(s["pay"]["mean_per_replication_cents"] == 0);
  CHECK(s["ledger_rows"] == 0);
  CHECK_NOTHROW(summary_text(s));
}

TEST_CASE("a NaN headline figure becomes null", "[output]") {
  RunResult r = testing::sample_result();
  r.replications[1].headlines[1].value = std::nan("");
  const SummaryJson s = make_summary(testing::sample_scenario(), r, testing::sample_manifest());
  CHECK(s["headline"]["win_rate"]["mean"].is_null());
  CHECK(s["headline"]["win_rate"]["ci95"].is_null());
  CHECK(s["headline"]["revenue"]["mean"].is_number());
}

TEST_CASE("summary gives the spread of pay within each role, exact by nearest rank", "[output]") {
  const auto s = make_summary(testing::sample_scenario(), testing::sample_result(),
                              testing::sample_manifest());
  // marketer-01 over the three replications: 15000.00 + 25.00 x (40, 41, 42) MQLs.
  const auto& m = s["pay"]["by_role"]["marketing"]["per_person"];
  CHECK(m["n"] == 3);
  CHECK(m["min_cents"] == 1600000);
  CHECK(m["q1_cents"] == 1600000);
  CHECK(m["median_cents"] == 1602500);
  CHECK(m["q3_cents"] == 1605000);
  CHECK(m["max_cents"] == 1605000);
  // Two reps x three replications: rep-01 1234567..1234569; rep-02 0.99 - 50.01 each time.
  const auto& r = s["pay"]["by_role"]["sales"]["per_person"];
  CHECK(r["n"] == 6);
  CHECK(r["min_cents"] == -4902);
  CHECK(r["q1_cents"] == -4902);
  CHECK(r["median_cents"] == -4902);
  CHECK(r["q3_cents"] == 1234568);
  CHECK(r["max_cents"] == 1234569);
}

TEST_CASE("summary writes a list of numbers parameter as a JSON array", "[output]") {
  Scenario scenario = testing::sample_scenario();
  scenario.sales.pay.params.set("tier_starts", std::vector<double>{0, 0.5, 1.25});
  scenario.sales.pay.params.set("none", std::vector<double>{});
  const SummaryJson s =
      make_summary(scenario, testing::sample_result(), testing::sample_manifest());
  const auto& params = s["run"]["plugins"][2]["params"];
  REQUIRE(params["tier_starts"].is_array());
  CHECK(params["tier_starts"] == SummaryJson::array({0.0, 0.5, 1.25}));
  CHECK(params["none"] == SummaryJson::array());
}
