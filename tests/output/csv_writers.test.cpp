#include "output/csv_writers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "sample_run.hpp"

using namespace tandem;
using tandem::testing::parse_csv;

namespace {

std::string collect(void (*writer)(const RunResult&, const ChunkSink&), const RunResult& r,
                    int* chunks = nullptr) {
  std::string text;
  writer(r, [&](std::string_view chunk) {
    text.append(chunk);
    if (chunks) ++*chunks;
  });
  return text;
}

}  // namespace

TEST_CASE("CSV fields are quoted only when they need it (RFC 4180)", "[output]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");
  CHECK(csv_field(" padded") == "\" padded\"");
}

TEST_CASE("metrics.csv is the tidy long table", "[output]") {
  const RunResult r = testing::sample_result();
  const std::string text = collect(&write_metrics_csv, r);
  const auto rows = parse_csv(text);
  REQUIRE(rows.size() == 1 + 3 * 16);
  CHECK(rows[0] ==
        std::vector<std::string>{"replication", "period", "role", "agent", "metric", "value"});
  CHECK(rows[1] == std::vector<std::string>{"0", "0", "company", "all", "mqls", "10"});
  CHECK(rows[2] == std::vector<std::string>{"0", "0", "marketing", "marketer-01", "mqls", "0.1"});
  CHECK(rows[3][2] == "sales");
  CHECK(rows[3][3] == "rep-01");
  CHECK(rows[3][4] == "pipeline");
  CHECK(rows[4][5] == "-0");
  CHECK(rows.back()[0] == "2");
  CHECK(rows.back()[1] == "3");

  // Values read back to the same double.
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::size_t rep = std::stoul(rows[i][0]);
    const auto& m = r.replications[rep].metrics[(i - 1) % 16];
    CHECK(std::strtod(rows[i][5].c_str(), nullptr) == m.value);
  }
  CHECK(text.back() == '\n');
  CHECK(text.find('\r') == std::string::npos);
}

TEST_CASE("metrics.csv is written a chunk at a time", "[output]") {
  RunResult r = testing::sample_result();
  auto& m = r.replications[0].metrics;
  for (int i = 0; i < 200000; ++i) m.push_back({i, 1, 1, 123456.789 + i});
  int chunks = 0;
  const std::string text = collect(&write_metrics_csv, r, &chunks);
  CHECK(chunks > 1);
  const auto lines = std::count(text.begin(), text.end(), '\n');
  CHECK(lines == 1 + 3 * 16 + 200000);
}

TEST_CASE("metrics.csv refuses rows naming unknown agents or metrics", "[output]") {
  RunResult r = testing::sample_result();
  r.replications[1].metrics.push_back({0, 3, 0, 1.0});
  CHECK_THROWS_AS(collect(&write_metrics_csv, r), Error);
  r = testing::sample_result();
  r.replications[1].metrics.push_back({0, -2, 0, 1.0});
  CHECK_THROWS_AS(collect(&write_metrics_csv, r), Error);
  r = testing::sample_result();
  r.replications[1].metrics.push_back({0, 0, 2, 1.0});
  CHECK_THROWS_AS(collect(&write_metrics_csv, r), Error);
}

TEST_CASE("ledger.csv has one row per payout component, exact cents", "[output]") {
  const RunResult r = testing::sample_result();
  const auto rows = parse_csv(collect(&write_ledger_csv, r));
  REQUIRE(rows.size() == 1 + 3 * 5);
  CHECK(rows[0] == std::vector<std::string>{"replication", "pay_period", "period_kind", "person",
                                            "role", "plan", "component", "cents", "amount",
                                            "reason"});
  CHECK(rows[1] == std::vector<std::string>{"0", "0", "quarter", "marketer-01", "marketing",
                                            "salary_mql_bonus", "salary", "1500000", "15000.00",
                                            "base salary"});
  CHECK(rows[2][9] == "40 MQLs, 25.00 each");
  CHECK(rows[3] == std::vector<std::string>{"0", "0", "month", "rep-01", "sales", "flat_commission",
                                            "commission", "1234567", "12345.67",
                                            "10% of \"bookings\""});
  CHECK(rows[4][7] == "99");
  CHECK(rows[4][8] == "0.99");
  CHECK(rows[4][9] == "line one\nline two");
  CHECK(rows[5][7] == "-5001");
  CHECK(rows[5][8] == "-50.01");
  CHECK(rows[5][9] == "");
  CHECK(rows[15][0] == "2");
  CHECK(rows[13][7] == "1234569");
  for (const auto& row : rows) CHECK(row.size() == 10);
}

TEST_CASE("ledger.csv refuses a row naming an unknown person", "[output]") {
  RunResult r = testing::sample_result();
  r.replications[0].ledger.push_back(
      {0, PeriodKind::month, 7, "plan", "x", Money::from_cents(1), ""});
  CHECK_THROWS_AS(collect(&write_ledger_csv, r), Error);
}

TEST_CASE("an empty run gives the headers alone", "[output]") {
  const RunResult r;
  CHECK(collect(&write_metrics_csv, r) == "replication,period,role,agent,metric,value\n");
  CHECK(collect(&write_ledger_csv, r) ==
        "replication,pay_period,period_kind,person,role,plan,component,cents,amount,reason\n");
}
