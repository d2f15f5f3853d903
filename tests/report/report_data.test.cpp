// report.html's data and page: the series over time add up to the ledger and the metrics,
// pay lands where it is paid, and nothing a scenario says can break out of the page.
#include "../output/sample_run.hpp"

#include "report/period_series.hpp"
#include "report/report_page.hpp"
#include "report/sweep_report.hpp"
#include "stats/statistics.hpp"

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace tandem;
using namespace tandem::testing;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the report page inlines Chart.js and its script and fills every slot", "[report]") {
  const ReportData data = {{"kind", "run"}, {"title", "baseline"}};
  const std::string page = report_page(data);
  CHECK(page.find("Chart.js v3") != std::string::npos);  // the library, inlined
  CHECK(page.find("report-data") != std::string::npos);
  CHECK(page.find("{{TITLE}}") == std::string::npos);
  CHECK(page.find("{{DATA}}") == std::string::npos);
  CHECK(page.find("{{SCRIPT}}") == std::string::npos);
  CHECK(page.find("<title>baseline</title>") != std::string::npos);
  CHECK(page.find("src=") == std::string::npos);  // nothing loaded from elsewhere: opens offline
}

TEST_CASE("a scenario's text cannot close the page's script or inject markup", "[report]") {
  const std::string hostile = "</script><script>alert(1)</script><!-- {{SCRIPT}}";
  const ReportData data = {{"kind", "run"}, {"title", hostile}, {"subtitle", hostile}};
  const std::string page = report_page(data);
  // The page's own three scripts close; the scenario's text adds none.
  CHECK(count(page, "</script>") == 3);
  CHECK(page.find("<script>alert(1)") == std::string::npos);
  CHECK(page.find("&lt;/script&gt;&lt;script&gt;alert(1)") != std::string::npos);  // the title
  // The text is still there, intact, for the script to read back from the JSON.
  CHECK(page.find("\\u003c/script>\\u003cscript>alert(1)") != std::string::npos);
}

TEST_CASE("pay over time sums to the ledger and lands in the last week of its pay period",
          "[report]") {
  const Scenario s = sample_scenario();  // 104 weeks
  const RunResult r = sample_result();
  const PeriodValues pay = pay_by_period(r, s.horizon);
  REQUIRE(pay.size() == r.replications.size());
  for (std::size_t rep = 0; rep < pay.size(); ++rep) {
    Money ledger;
    for (const LedgerRow& row : r.replications[rep].ledger) ledger += row.amount;
    double total = 0;
    for (const double x : pay[rep]) total += x;
    CHECK(total == Approx(ledger.units()).epsilon(1e-12));
    // 4-4-5 weeks: month 0 ends in week 3, month 1 in week 7, quarter 0 in week 12.
    CHECK(pay[rep][3] == Approx(12345.67 + static_cast<double>(rep) / 100));
    CHECK(pay[rep][7] == Approx(0.99 - 50.01));
    CHECK(pay[rep][12] == Approx(15000.0 + 25.0 * (40 + static_cast<double>(rep))));
    CHECK(pay[rep][0] == 0.0);
  }
}

TEST_CASE("a ledger row beyond the horizon is an error not a lost payment", "[report]") {
  Scenario s = sample_scenario();
  s.horizon.periods = 4;  // one month: the quarter's row is beyond it
  CHECK_THROWS_AS(pay_by_period(sample_result(), s.horizon), Error);
}

TEST_CASE("a metric over time sums the company's and every agent's rows", "[report]") {
  const RunResult r = sample_result();
  const PeriodValues mqls = metric_by_period(r, "mqls", 6);
  for (int rep = 0; rep < 3; ++rep) {
    for (int t = 0; t < 4; ++t)
      CHECK(mqls[static_cast<std::size_t>(rep)][static_cast<std::size_t>(t)] ==
            Approx(10.0 + t + rep + 0.1 * (t + 1)));
    CHECK(mqls[static_cast<std::size_t>(rep)][5] == 0.0);
  }
  CHECK_THROWS_AS(metric_by_period(r, "no_such_metric", 6), Error);
}

TEST_CASE("the band over time is each period's mean and 95% interval", "[report]") {
  const PeriodValues values = {{1.0, 10.0}, {2.0, 20.0}, {6.0, 60.0}};
  const ReportData band = period_band(values);
  for (std::size_t t = 0; t < 2; ++t) {
    const std::vector<double> column = {values[0][t], values[1][t], values[2][t]};
    const SampleStats s = describe(column);
    CHECK(band["mean"][t].get<double>() == Approx(s.mean));
    CHECK(band["low"][t].get<double>() == Approx(s.ci95->first));
    CHECK(band["high"][t].get<double>() == Approx(s.ci95->second));
  }
  // One replication: a mean, no interval to draw.
  const ReportData one = period_band({{5.0, 7.0}});
  CHECK(one["mean"] == ReportData::array({5.0, 7.0}));
  CHECK_FALSE(one.contains("low"));
}

TEST_CASE("weeks and months find their place in the quarter", "[report]") {
  HorizonConfig weeks{30, SimPeriod::week};
  const std::vector<int> w = offset_in_quarter(weeks);
  CHECK(w[0] == 0);
  CHECK(w[12] == 12);
  CHECK(w[13] == 0);
  CHECK(w[29] == 3);
  HorizonConfig months{7, SimPeriod::month};
  CHECK(offset_in_quarter(months) == std::vector<int>{0, 1, 2, 0, 1, 2, 0});
}

TEST_CASE("a sweep report carries each point's pay spread in money units", "[report]") {
  const SummaryJson sweep = {
      {"scenario", "baseline"},
      {"file", "baseline.yaml"},
      {"seed", 1},
      {"replications", 4},
      {"vary", {{{"key", "market.demand"}, {"values", {"0.8", "1.2"}}}}},
      {"points",
       {{{"folder", "points/001"},
         {"values", {{"market.demand", "0.8"}}},
         {"headline", {{"revenue", {{"unit", "money"}, {"mean", 1.0}, {"ci95", nullptr}}}}}},
        {{"folder", "points/002"},
         {"values", {{"market.demand", "1.2"}}},
         {"headline", {{"revenue", {{"unit", "money"}, {"mean", 2.0}, {"ci95", nullptr}}}}}}}}};
  const auto pay = [](int cents) {
    return SummaryJson{{"pay",
                        {{"p5_per_replication_cents", cents},
                         {"median_per_replication_cents", cents + 100},
                         {"p95_per_replication_cents", cents + 250}}}};
  };
  const ReportData d = sweep_report_data(sweep, {pay(1000), pay(2000)});
  CHECK(d["kind"] == "sweep");
  CHECK(d["points"][1]["pay_total"]["p5"].get<double>() == 20.0);
  CHECK(d["points"][1]["pay_total"]["p95"].get<double>() == 22.5);
  CHECK(d["featured"] == ReportData::array({"revenue"}));
  CHECK(d["units"]["pay_total"] == "money");
  CHECK_THROWS_AS(sweep_report_data(sweep, {pay(1000)}), Error);
}
