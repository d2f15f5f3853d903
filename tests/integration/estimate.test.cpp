// `tandem estimate` end to end: the real program on a shipped scenario.
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace tandem::test;

TEST_CASE("estimate prints the analytic funnel of the baseline as JSON", "[integration]") {
  const auto r =
      tandem_cmd("estimate '" + project_file("scenarios/baseline.yaml") + "' --format json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["estimate"]["scenario"] == "baseline");
  CHECK(j["estimate"]["milliseconds"].get<double>() > 0);
  CHECK(j["estimate"]["states"].get<int>() > 0);
  const auto& h = j["horizon"];
  for (const char* name :
       {"inquiries", "mqls", "sals", "sqls", "opportunities", "won_deals", "lost_deals",
        "no_decision_deals", "revenue", "marketing_spend", "pay_marketing", "pay_sales",
        "mean_days_to_close", "median_days_to_close", "rep_utilisation"}) {
    INFO(name);
    REQUIRE(h.contains(name));
    CHECK(h[name]["value"].get<double>() > 0);
  }
  // Expected counts narrow down the waterfall.
  const auto value = [&](const char* name) { return h[name]["value"].get<double>(); };
  CHECK(value("mqls") <= value("inquiries") * 1.5);  // MQLs count leads re-qualified too
  CHECK(value("sqls") <= value("sals"));
  CHECK(value("opportunities") <= value("sqls"));
  CHECK(value("won_deals") <= value("opportunities"));
  // 104 weeks of channel budgets, exactly.
  CHECK(value("marketing_spend") == Approx(104 * 25500.0));
  CHECK(j["per_inquiry"]["won_deals"].get<double>() > 0);
  // The baseline's reps are short of hours: the estimate says so.
  CHECK(j["capacity"]["binding"].get<bool>());
  CHECK(j["notes"].dump().find("optimistic") != std::string::npos);
  CHECK(j["assumptions"].size() > 0);
}

TEST_CASE("estimate prints a table, takes --set, and refuses bad usage", "[integration]") {
  const std::string baseline = "'" + project_file("scenarios/baseline.yaml") + "'";
  const auto table = tandem_cmd("estimate " + baseline + " --set sales.people=30");
  INFO(table.err);
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("won_deals") != std::string::npos);
  CHECK(table.out.find("estimated in") != std::string::npos);
  CHECK(table.out.find("capacity binds") == std::string::npos);  // 30 reps have the hours

  CHECK(tandem_cmd("estimate --help").exit_code == 0);
  CHECK(tandem_cmd("estimate").exit_code == 2);
  CHECK(tandem_cmd("estimate " + baseline + " --format xml").exit_code == 2);
  const auto typo = tandem_cmd("estimate " + baseline + " --set market.acounts=10");
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("accounts") != std::string::npos);
}
