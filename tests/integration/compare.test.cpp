// `tandem compare` end to end: two runs on common random numbers, the compare folder, and
// the checks made before anything runs.
#include "run_command.hpp"

#include "data/csv_reader.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <vector>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {
const std::string kBaseline = project_file("scenarios/baseline.yaml");
const std::string kSmall = project_file("tests/integration/scenarios/small.yaml");
// Few replications and half a year: a comparison in seconds.
const std::string kQuick = " --replications 8 --set horizon.periods=26";

// A CSV the comparison wrote, header first, read back by the one CSV reader.
std::vector<std::vector<std::string>> read_csv(const fs::path& p) {
  return tandem::csv::read_rows(read_file(p), p.string());
}

double width(const nlohmann::json& interval) {
  return interval[1].get<double>() - interval[0].get<double>();
}

// The entries of `dir` whose names start with '.': partial folders left behind.
std::size_t hidden_entries(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    n += e.path().filename().string().front() == '.' ? 1 : 0;
  return n;
}
}  // namespace

TEST_CASE("compare: a scenario with itself differs by exactly 0 everywhere", "[integration]") {
  const fs::path dir = scratch("compare-self") / "out";
  const auto r = tandem_cmd("compare '" + kBaseline + "' '" + kBaseline + "'" + kQuick +
                            " --out '" + dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("paired 95% CI") != std::string::npos);  // the terminal table
  CHECK(r.out.find("pay_sales") != std::string::npos);

  const auto csv = read_csv(dir / "comparison.csv");
  REQUIRE(csv.size() > 10);
  REQUIRE(csv[0] == std::vector<std::string>{"headline", "unit", "base_mean", "alt_mean",
                                             "difference", "relative_change", "paired_ci_low",
                                             "paired_ci_high", "unpaired_ci_low",
                                             "unpaired_ci_high", "significant"});
  for (std::size_t i = 1; i < csv.size(); ++i) {
    INFO(csv[i][0]);
    REQUIRE(csv[i].size() == 11);
    CHECK(csv[i][4] == "0");
    CHECK(csv[i][6] == "0");
    CHECK(csv[i][7] == "0");
    CHECK(csv[i][10] == "false");
  }

  const auto comparison = nlohmann::json::parse(read_file(dir / "comparison.json"));
  CHECK(comparison["replications"] == 8);
  CHECK(comparison["seed"] == 20260101);
  CHECK(comparison["base"]["scenario_hash"] == comparison["alt"]["scenario_hash"]);
  CHECK(comparison["headline"].size() == csv.size() - 1);
  for (const auto& [name, h] : comparison["headline"].items()) {
    INFO(name);
    CHECK(h["difference"] == 0);
    CHECK(h["n"] == 8);
  }
  // Both halves are complete run folders, and identical.
  for (const char* f : {"summary.json", "ledger.csv", "metrics.csv", "scenario.yaml"}) {
    INFO(f);
    REQUIRE(fs::exists(dir / "base" / f));
    CHECK(read_file(dir / "base" / f) == read_file(dir / "alt" / f));
  }
  CHECK(hidden_entries(dir) == 0);
  CHECK(hidden_entries(dir.parent_path()) == 0);
}

TEST_CASE("compare: a higher commission rate pays sales more and the paired CI is narrower",
          "[integration]") {
  const fs::path dir = scratch("compare-rate") / "out";
  const auto r = tandem_cmd("compare '" + kBaseline + "' '" + kBaseline + "'" + kQuick +
                            " --set-alt sales.pay.params.rate=0.15 --format json --out '" +
                            dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* f : {"comparison.csv", "comparison.json", "base/summary.json", "base/ledger.csv",
                        "base/metrics.csv", "base/scenario.yaml", "alt/summary.json",
                        "alt/ledger.csv", "alt/metrics.csv", "alt/scenario.yaml"})
    CHECK(fs::exists(dir / f));
  CHECK(r.out == read_file(dir / "comparison.json"));  // --format json prints the file

  const auto comparison = nlohmann::json::parse(r.out);
  CHECK(comparison["base"]["scenario_hash"] != comparison["alt"]["scenario_hash"]);
  const auto& pay = comparison["headline"]["pay_sales"];
  INFO(pay.dump());
  CHECK(pay["unit"] == "money");
  CHECK(pay["difference"].get<double>() > 0);
  CHECK(pay["alt_mean"].get<double>() > pay["base_mean"].get<double>());
  CHECK(pay["relative_change"].get<double>() > 0);
  // What common random numbers buy: the same luck on both sides cancels out.
  CHECK(width(pay["paired_ci95"]) < width(pay["unpaired_ci95"]));
  CHECK(pay["significant"] == true);

  // Both scenarios record the seed and replications they ran with.
  const auto base_summary = nlohmann::json::parse(read_file(dir / "base" / "summary.json"));
  const auto alt_summary = nlohmann::json::parse(read_file(dir / "alt" / "summary.json"));
  CHECK(alt_summary["run"]["seed"] == base_summary["run"]["seed"]);
  CHECK(alt_summary["run"]["replications"] == 8);
  CHECK(read_file(dir / "alt" / "scenario.yaml").find("rate: 0.15") != std::string::npos);
  CHECK(read_file(dir / "base" / "scenario.yaml").find("rate: 0.15") == std::string::npos);
}

TEST_CASE("compare: ALT runs with the seed and replications of BASE", "[integration]") {
  const fs::path dir = scratch("compare-seed") / "out";
  const auto r = tandem_cmd("compare '" + kSmall + "' '" + kSmall +
                            "' --set-base seed=11 --set-base replications=3 --set-alt "
                            "sales.pay.params.rate=0.2 --out '" +
                            dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto comparison = nlohmann::json::parse(read_file(dir / "comparison.json"));
  CHECK(comparison["seed"] == 11);
  CHECK(comparison["replications"] == 3);
  const auto alt_summary = nlohmann::json::parse(read_file(dir / "alt" / "summary.json"));
  CHECK(alt_summary["run"]["seed"] == 11);
  CHECK(alt_summary["run"]["replications"] == 3);
}

TEST_CASE("compare: different horizons are refused before anything runs", "[integration]") {
  const fs::path base = scratch("compare-unpairable");
  const fs::path dir = base / "out";
  const auto r = tandem_cmd("compare '" + kSmall + "' '" + kSmall +
                            "' --set-alt horizon.periods=52 --set-alt horizon.period=month "
                            "--out '" +
                            dir.string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot pair") != std::string::npos);
  CHECK(r.err.find("horizon.periods is 26 in small.yaml (BASE) and 52 in small.yaml (ALT)") !=
        std::string::npos);
  CHECK(r.err.find("--set-alt horizon.periods=26") != std::string::npos);
  CHECK(r.err.find("horizon.period is week") != std::string::npos);
  CHECK(r.err.find("nothing was run") != std::string::npos);
  CHECK(r.out.empty());
  CHECK_FALSE(fs::exists(dir));
  CHECK(fs::is_empty(base));
}

TEST_CASE("compare: figures only one scenario reports are named and left out", "[integration]") {
  // Each channel reports its spend share, MQLs and MQL-to-won share, so a third channel
  // adds three headline figures.
  const fs::path base = scratch("compare-figures");
  const fs::path dir = base / "out";
  const auto r = tandem_cmd("compare '" + kSmall + "' '" + kSmall +
                            "' -r 2 --set-alt channels.2.name=email --set-alt "
                            "channels.2.budget_per_period=500.00 --set-alt "
                            "channels.2.cost_per_lead=30.00 --out '" +
                            dir.string() + "'");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(read_file(dir / "comparison.json"));
  CHECK(j["not_compared"]["alt_only"] ==
        nlohmann::json::array(
            {"spend_share.email", "channel_mqls.email", "channel_mql_to_won.email"}));
  CHECK(j["not_compared"]["base_only"].empty());
  CHECK(j["headline"].contains("revenue"));
  CHECK_FALSE(j["headline"].contains("spend_share.email"));
}

TEST_CASE(
    "compare: switching behaviour mode as well is flagged on the terminal, in the files and "
    "in the report",
    "[integration]") {
  const fs::path dir = scratch("compare-modes") / "out";
  const std::string quarter_end = project_file("scenarios/quarter_end.yaml");
  const auto r =
      tandem_cmd("compare '" + kBaseline + "' '" + quarter_end +
                 "' --replications 2 --set horizon.periods=13 --out '" + dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("warning: baseline.yaml runs with behaviour.mode fixed and quarter_end.yaml "
                   "with adaptive") != std::string::npos);
  const auto j = nlohmann::json::parse(read_file(dir / "comparison.json"));
  REQUIRE(j["warnings"].size() == 1);
  CHECK(j["warnings"][0].get<std::string>().find("can even reverse its sign") != std::string::npos);
  CHECK(read_file(dir / "report.html").find("can even reverse its sign") != std::string::npos);

  // Like with like: no warning, an empty list.
  const fs::path same = scratch("compare-modes") / "same";
  const auto s = tandem_cmd("compare '" + kBaseline + "' '" + quarter_end +
                            "' --replications 2 --set horizon.periods=13 --set "
                            "behaviour.mode=adaptive --out '" +
                            same.string() + "'");
  REQUIRE(s.exit_code == 0);
  CHECK(s.err.find("warning") == std::string::npos);
  CHECK(nlohmann::json::parse(read_file(same / "comparison.json"))["warnings"].empty());
}

TEST_CASE("compare: a taken folder is kept unless --force", "[integration]") {
  const fs::path base = scratch("compare-taken");
  const fs::path dir = base / "out";
  const std::string both = "compare '" + kSmall + "' '" + kSmall + "' -r 2 --out '" + dir.string() +
                           "' --set-alt sales.pay.params.rate=";

  SECTION("a folder Tandem did not write") {
    fs::create_directories(dir);
    { std::ofstream(dir / "notes.txt") << "mine\n"; }
    const auto r = tandem_cmd(both + "0.2 --force");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("comparison.json") != std::string::npos);
    CHECK(read_file(dir / "notes.txt") == "mine\n");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  }
  SECTION("an earlier comparison") {
    REQUIRE(tandem_cmd(both + "0.2").exit_code == 0);
    const std::string before = read_file(dir / "comparison.json");
    const auto again = tandem_cmd(both + "0.3");
    CHECK(again.exit_code == 2);
    CHECK(again.err.find("already exists") != std::string::npos);
    CHECK(again.err.find("--force") != std::string::npos);
    CHECK(read_file(dir / "comparison.json") == before);
    const auto forced = tandem_cmd(both + "0.3 --force");
    INFO(forced.err);
    CHECK(forced.exit_code == 0);
    CHECK(read_file(dir / "comparison.json") != before);
  }
  CHECK(hidden_entries(base) == 0);
}

TEST_CASE("compare: usage errors exit 2", "[integration]") {
  CHECK(tandem_cmd("compare").exit_code == 2);
  CHECK(tandem_cmd("compare '" + kSmall + "'").exit_code == 2);
  const auto seed = tandem_cmd("compare '" + kSmall + "' '" + kSmall + "' --set-alt seed=3");
  CHECK(seed.exit_code == 2);
  CHECK(seed.err.find("BASE's seed") != std::string::npos);
  const auto format = tandem_cmd("compare '" + kSmall + "' '" + kSmall + "' --format yaml");
  CHECK(format.exit_code == 2);
  CHECK(tandem_cmd("compare --help").exit_code == 0);
}

TEST_CASE("SIGTERM during a compare stops it and leaves no folder", "[integration]") {
  const fs::path base = scratch("compare-interrupt");
  const auto r =
      signal_once_begun({"compare", kBaseline, kBaseline, "--set-alt", "sales.pay.params.rate=0.12",
                         "--replications", "5000", "--out", (base / "cmp").string()},
                        base, SIGTERM);
  CHECK(r.exit_code == 130);
  CHECK_THAT(r.err, Catch::Contains("interrupted after") && Catch::Contains("nothing was written"));
  CHECK(fs::is_empty(base));
}
