// `tandem payout` end to end: the real program on the example plan and results, the
// ledger read back and summed, and the exit codes of bad input.
#include "run_command.hpp"

#include "data/csv_reader.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {

const std::string kPlan = project_file("scenarios/payout/plan.yaml");
const std::string kMarketingPlan = project_file("scenarios/payout/marketing_plan.yaml");
const std::string kResults = project_file("scenarios/payout/results.csv");
const std::string kClawbackPlan = project_file("scenarios/payout/clawback_plan.yaml");
const std::string kTeamPoolPlan = project_file("scenarios/payout/team_pool_plan.yaml");

// The ledger's cents, summed.
long long ledger_cents(const fs::path& p);

std::string sh_quoted(const fs::path& p) {
  return "'" + p.string() + "'";
}

// The ledger, header first, read back by the one CSV reader.
std::vector<std::vector<std::string>> ledger_rows(const fs::path& p) {
  return tandem::csv::read_rows(read_file(p), p.string());
}

// "total sales: 61234.57 (...)" -> cents by role.
std::map<std::string, long long> printed_totals(const std::string& out) {
  std::map<std::string, long long> totals;
  const std::regex total(R"(total (\w+): (\d+)\.(\d\d) )");
  for (std::sregex_iterator it(out.begin(), out.end(), total), end; it != end; ++it)
    totals[(*it)[1]] = std::stoll((*it)[2]) * 100 + std::stoll((*it)[3]);
  return totals;
}

// Files in `dir` whose name starts with ".", left behind by an interrupted write.
std::size_t hidden_files(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().front() == '.') ++n;
  return n;
}

long long ledger_cents(const fs::path& p) {
  long long sum = 0;
  const auto rows = ledger_rows(p);
  for (std::size_t i = 1; i < rows.size(); ++i) sum += std::stoll(rows[i][5]);
  return sum;
}

}  // namespace

TEST_CASE("payout prints statements and a ledger that sums to the printed totals",
          "[integration]") {
  const fs::path dir = scratch("payout-sales");
  const fs::path ledger = dir / "ledger.csv";
  const auto r = tandem_cmd("payout " + sh_quoted(kPlan) + " --results " + sh_quoted(kResults) +
                            " --out " + sh_quoted(ledger));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // 10% of 12345.67 = 1234.567, paid as 1234.57 (nearest cent); 60000.00 a year is 5000.00
  // a month.
  CHECK_THAT(r.out, Catch::Matchers::Contains("Ana Ruiz (sales), 2025-01\n"
                                              "  credited: bookings 12345.67, deals_won 2"));
  CHECK_THAT(r.out, Catch::Matchers::Contains("  commission   1234.57  10.0% of 12345.67 booked\n"
                                              "  total        6234.57\n"));
  // 61000.00 booked earns 6100.00, capped at 5000.00.
  CHECK_THAT(r.out, Catch::Matchers::Contains("capped at 5000.00 per pay period"));
  CHECK_THAT(r.out, Catch::Matchers::Contains("skipped 6 rows of other roles"));

  const auto rows = ledger_rows(ledger);
  REQUIRE(rows.size() > 1);
  CHECK(rows[0] == std::vector<std::string>{"person", "role", "pay_period", "plan", "component",
                                            "cents", "amount", "reason"});
  std::map<std::string, long long> sums;
  bool found = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == 8);
    sums[rows[i][1]] += std::stoll(rows[i][5]);
    if (rows[i][0] == "Ana Ruiz" && rows[i][2] == "2025-01" && rows[i][4] == "commission") {
      found = true;
      CHECK(rows[i][5] == "123457");
      CHECK(rows[i][6] == "1234.57");
      CHECK(rows[i][3] == "flat_commission");
    }
  }
  CHECK(found);
  CHECK(rows.size() - 1 == 4 * 3 * 2);  // 4 people, 3 months, salary and commission
  const auto totals = printed_totals(r.out);
  REQUIRE(totals.count("sales") == 1);
  CHECK(totals.at("sales") == sums.at("sales"));
  CHECK(totals.size() == sums.size());
  // A name holding a comma is quoted in the ledger and read back whole.
  CHECK(read_file(ledger).find("\"Okafor, Chidi\",sales,2025-01,") != std::string::npos);
  CHECK(hidden_files(dir) == 0);
}

TEST_CASE("payout of the marketing plan pays MQL bonuses to the cent", "[integration]") {
  const fs::path dir = scratch("payout-marketing");
  const auto r = tandem_cmd("payout " + sh_quoted(kMarketingPlan) + " --results " +
                            sh_quoted(kResults) + " --out " + sh_quoted(dir / "m.csv"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  long long sum = 0;
  const auto rows = ledger_rows(dir / "m.csv");
  for (std::size_t i = 1; i < rows.size(); ++i) sum += std::stoll(rows[i][5]);
  // Salaries 72000.00 a year: 6000.00 a month, 2 people, 3 months. Bonuses at 40.00 per
  // MQL above 20: Eli 0 + 7 + 21 MQLs; Fay 4 + 0 + 75 (3000.00, capped at 2000.00).
  const long long expected = 2 * 3 * 600'000 + (7 + 21 + 4) * 4'000 + 200'000;
  CHECK(sum == expected);
  CHECK(printed_totals(r.out) == std::map<std::string, long long>{{"marketing", expected}});
}

TEST_CASE("payout of the clawback plan takes cancelled commission back", "[integration]") {
  const fs::path dir = scratch("payout-clawback");
  const auto r = tandem_cmd("payout " + sh_quoted(kClawbackPlan) + " --results " +
                            sh_quoted(kResults) + " --out " + sh_quoted(dir / "c.csv"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // Ben Cho, February: 10% of 23450.25 = 2345.025 -> 2345.03, less 10% of the 8800.50
  // cancelled (880.05) = 1464.98.
  CHECK_THAT(r.out, Catch::Matchers::Contains("  commission   1464.98  10.0% of 23450.25 booked = "
                                              "2345.03, less 880.05 clawed back"));
  CHECK_THAT(r.out, Catch::Matchers::Contains("cancelled 8800.50, deals_cancelled 1, "
                                              "salary 58000.00"));
  // Salaries 4 x 3 x 5000.00; commission 10% of every month's bookings, each rounded, less
  // 10% of the three cancellations (6000.00 + 8800.50 + 15250.00 = 30050.50 -> 3005.05).
  const long long commission =
      123457 + 0 + 610000 + 88005 + 234503 + 180000 + 310000 + 50000 + 455001 + 0 + 152500 + 276004;
  const long long expected = 12 * 500'000 + commission - 300'505;
  CHECK(ledger_cents(dir / "c.csv") == expected);
  CHECK(printed_totals(r.out) == std::map<std::string, long long>{{"sales", expected}});
}

TEST_CASE("payout of the team pool splits the quarter's pool by salary", "[integration]") {
  const fs::path dir = scratch("payout-team-pool");
  const auto r = tandem_cmd("payout " + sh_quoted(kTeamPoolPlan) + " --results " +
                            sh_quoted(kResults) + " --out " + sh_quoted(dir / "t.csv"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // Team bookings in 2025-Q1: 73345.67 + 50250.74 + 81500.05 + 42850.40 = 247946.86; 1% =
  // 2479.4686 -> 2479.47. Ana's salary is 62000.00 of 240000.00: 2479.47 x 62/240 =
  // 640.5298 -> 640.53.
  CHECK_THAT(r.out, Catch::Matchers::Contains(
                        "team pool  640.53  pool 1.0% of 247946.86 team bookings = 2479.47; "
                        "split by salary: 62000.00 of 240000.00"));
  // 640.53 + 599.21 + 671.52 + 568.21: each piece rounded once, together the pool.
  CHECK(ledger_cents(dir / "t.csv") == 247'947);
}

TEST_CASE("payout writes payout-ledger.csv in the current folder by default", "[integration]") {
  const fs::path dir = scratch("payout-default");
  const auto r = tandem_cmd("payout " + sh_quoted(kPlan) + " --results " + sh_quoted(kResults),
                            "cd " + sh_quoted(dir) + " &&");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(dir / "payout-ledger.csv"));
}

TEST_CASE("payout of results with a bad amount exits 2 with its location and no ledger",
          "[integration]") {
  const fs::path dir = scratch("payout-bad-amount");
  const fs::path bad = dir / "bad.csv";
  std::ofstream(bad) << "person,role,period,bookings\n"
                        "Ana Ruiz,sales,2025-01,100.00\n"
                        "Ben Cho,sales,2025-01,1.234\n"
                        "Ben Cho,sales,2025-02,12k\n";
  const fs::path ledger = dir / "ledger.csv";
  const auto r = tandem_cmd("payout " + sh_quoted(kPlan) + " --results " + sh_quoted(bad) +
                            " --out " + sh_quoted(ledger));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Matchers::Contains(bad.string() + ":3:4: bookings: expected an amount"));
  CHECK_THAT(r.err, Catch::Matchers::Contains(bad.string() + ":4:4: bookings:"));
  CHECK_THAT(r.err, Catch::Matchers::Contains("2 problems found"));
  CHECK_FALSE(fs::exists(ledger));
  CHECK(hidden_files(dir) == 0);
}

TEST_CASE("payout of results naming someone the plan does not pay exits 2 and no ledger",
          "[integration]") {
  const fs::path dir = scratch("payout-unknown-person");
  const fs::path bad = dir / "results.csv";
  std::ofstream(bad) << "person,role,period,bookings\n"
                        "Ana Ruiz,sales,2025-01,100.00\n"
                        "Dana Wiess,sales,2025-01,200.00\n";
  const fs::path ledger = dir / "ledger.csv";
  const auto r = tandem_cmd("payout " + sh_quoted(kPlan) + " --results " + sh_quoted(bad) +
                            " --out " + sh_quoted(ledger));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Matchers::Contains(
                        bad.string() + ":3:1: person: unknown person 'Dana Wiess': not among the "
                                       "plan's people; did you mean 'Dana Weiss'?"));
  CHECK_FALSE(fs::exists(ledger));
  CHECK(hidden_files(dir) == 0);
}

TEST_CASE("payout to an unwritable ledger exits 2 and names it", "[integration]") {
  const fs::path dir = scratch("payout-unwritable");
  const fs::path ledger = dir / "no-such-folder" / "ledger.csv";
  const auto r = tandem_cmd("payout " + sh_quoted(kPlan) + " --results " + sh_quoted(kResults) +
                            " --out " + sh_quoted(ledger));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Matchers::Contains("cannot write the ledger '" + ledger.string()));
  CHECK_THAT(r.err, Catch::Matchers::Contains("--out"));
  CHECK(r.out.empty());
  CHECK_FALSE(fs::exists(ledger));
}

TEST_CASE("payout with a lead policy as the plan exits 2 with its location", "[integration]") {
  const fs::path dir = scratch("payout-wrong-kind");
  const fs::path plan = dir / "plan.yaml";
  std::ofstream(plan) << "tandem: 1\nplan: {plugin: score_threshold}\n";
  const auto r = tandem_cmd("payout " + sh_quoted(plan) + " --results " + sh_quoted(kResults) +
                            " --out " + sh_quoted(dir / "l.csv"));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Matchers::Contains(plan.string() + ":2:16: plan.plugin:"));
  CHECK_FALSE(fs::exists(dir / "l.csv"));
}

TEST_CASE("payout with a plan that throws exits 1 and writes no ledger", "[integration]") {
  const fs::path dir = scratch("payout-throws");
  const fs::path plan = dir / "plan.yaml";
  std::ofstream(plan) << "tandem: 1\nplan: {plugin: throws}\n";
  const auto r = tandem_cmd("payout " + sh_quoted(plan) + " --results " + sh_quoted(kResults) +
                            " --out " + sh_quoted(dir / "l.csv") + " --plugin-path " +
                            sh_quoted(TANDEM_FIXTURE_PLUGIN_DIR));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Matchers::Contains("plugin 'throws'"));
  CHECK_FALSE(fs::exists(dir / "l.csv"));
}

TEST_CASE("payout without --results is a usage error", "[integration]") {
  const auto r = tandem_cmd("payout " + sh_quoted(kPlan));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Matchers::Contains("no --results given"));
}

TEST_CASE("payout --out replaces a file only with --force, and never its own inputs",
          "[integration]") {
  const fs::path dir = scratch("payout-out");
  const fs::path plan = dir / "plan.yaml", results = dir / "results.csv", ledger = dir / "l.csv";
  fs::copy(kPlan, plan);
  fs::copy(kResults, results);
  const std::string base = "payout " + sh_quoted(plan.string()) + " --results " +
                           sh_quoted(results.string()) + " --out ";
  REQUIRE(tandem_cmd(base + sh_quoted(ledger.string())).exit_code == 0);
  const std::string first = read_file(ledger);
  auto r = tandem_cmd(base + sh_quoted(ledger.string()));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("already exists: pass --force to replace it") != std::string::npos);
  CHECK(tandem_cmd(base + sh_quoted(ledger.string()) + " --force").exit_code == 0);
  CHECK(read_file(ledger) == first);
  // Its own inputs, even with --force: both are left as they were.
  const std::string plan_text = read_file(plan), results_text = read_file(results);
  r = tandem_cmd(base + sh_quoted(results.string()) + " --force");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("is the results file itself; the ledger never replaces an input") !=
        std::string::npos);
  r = tandem_cmd(base + sh_quoted(plan.string()) + " --force");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("is the plan file itself") != std::string::npos);
  CHECK(read_file(plan) == plan_text);
  CHECK(read_file(results) == results_text);
}
