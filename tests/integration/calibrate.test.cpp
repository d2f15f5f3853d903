// `tandem calibrate` end to end: a made-up export (tests/calibrate/export/) read with its
// mapping, the small scenario fitted, the calibration folder written and recorded; and bad
// input refused with its place, before anything is written.
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {

const std::string kSmall = project_file("tests/integration/scenarios/small.yaml");
const std::string kMapping = project_file("tests/calibrate/export/mapping.yaml");

std::string calibrate(const fs::path& out, const std::string& more = "") {
  return "calibrate '" + kSmall + "' --mapping '" + kMapping +
         "' --fit funnel.contact_rate=0.3..0.9 --evaluations 8 --min-mqls 50 -r 2 --out '" +
         out.string() + "' " + more;
}

}  // namespace

TEST_CASE("calibrate writes the calibrated scenario, the fit, its trace and a report",
          "[integration]") {
  const fs::path dir = scratch("calibrate-ok") / "out";
  const auto r = tandem_cmd(calibrate(dir));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The export as read: every row used.
  CHECK(r.err.find("600 of 600 lead rows and 94 of 94 deal rows used") != std::string::npos);
  const auto fit = nlohmann::json::parse(read_file(dir / "fit.json"));
  CHECK(fit["kind"] == "calibration");
  CHECK(fit["window"] == "2024-01 to 2024-06, 6 months");
  REQUIRE(fit["keys"].size() == 1);
  const double value = fit["keys"][0]["value"];
  CHECK(value >= 0.3);
  CHECK(value <= 0.9);
  // Both channels (at least 50 MQLs each): MQLs a month and the share won; days to close.
  std::vector<std::string> names;
  for (const auto& t : fit["targets"]) names.push_back(t["name"]);
  CHECK(names == std::vector<std::string>{"mqls_per_month.paid_search", "mql_to_won.paid_search",
                                          "mqls_per_month.paid_social", "mql_to_won.paid_social",
                                          "days_to_close.median", "days_to_close.p90"});
  // paid_search: 85 of 360 leads won in the export (its rows, counted by hand).
  const auto& search = fit["targets"][1];
  CHECK(search["observed"].get<double>() > search["low"].get<double>());
  CHECK(search["observed"].get<double>() < search["high"].get<double>());
  // One trace row per evaluation, the distance at the best one as fit.json says.
  std::istringstream trace(read_file(dir / "trace.csv"));
  std::string line;
  std::getline(trace, line);
  CHECK(line ==
        "evaluation,funnel.contact_rate,distance,mqls_per_month.paid_search,"
        "mql_to_won.paid_search,mqls_per_month.paid_social,mql_to_won.paid_social,"
        "days_to_close.median,days_to_close.p90");
  int rows = 0;
  while (std::getline(trace, line)) ++rows;
  CHECK(rows == fit["evaluations"].get<int>());
  // The calibrated scenario says what was fitted and runs as it is.
  const std::string yaml = read_file(dir / "scenario.yaml");
  CHECK(yaml.rfind("# Calibrated by `tandem calibrate`", 0) == 0);
  CHECK(yaml.find("#   funnel.contact_rate = ") != std::string::npos);
  CHECK(tandem_cmd("run '" + (dir / "scenario.yaml").string() + "' -r 2 --no-history --out '" +
                   (dir.parent_path() / "run").string() + "'")
            .exit_code == 0);
  CHECK(read_file(dir / "report.html").find("\"kind\":\"calibration\"") != std::string::npos);
  // Recorded in the history.
  CHECK(tandem_cmd("history").out.find("calibration") != std::string::npos);
}

TEST_CASE("calibrate refuses a channel the scenario lacks, a bad free key, a missing column",
          "[integration]") {
  const fs::path base = scratch("calibrate-bad");
  // The data's paid_social is not a channel of this scenario.
  auto r = tandem_cmd(calibrate(base / "a", "--set channels.1.name=events"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("the data has channel 'paid_social', which the scenario 'small' lacks") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(base / "a"));
  // A free key that does not exist, and a bound outside its range: both, at --fit.
  r = tandem_cmd("calibrate '" + kSmall + "' --mapping '" + kMapping +
                 "' --fit funnel.contact_rat=0.3..0.9 --fit deals.win_rate_vs_competitor=0.2..1.5 "
                 "--out '" +
                 (base / "b").string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--fit: funnel.contact_rat: unknown key 'contact_rat'; did you mean "
                   "'contact_rate'?") != std::string::npos);
  CHECK(r.err.find("--fit: deals.win_rate_vs_competitor: must be in [0, 1], got 1.5") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(base / "b"));
  // A mapping naming a column the table lacks: located at the mapping's key.
  const fs::path mapping = base / "mapping.yaml";
  std::string text = read_file(kMapping);
  text.replace(text.find("channel: Source"), 15, "channel: Origin");
  std::ofstream(mapping) << text;
  fs::copy(project_file("tests/calibrate/export/leads.csv"), base / "leads.csv");
  fs::copy(project_file("tests/calibrate/export/deals.csv"), base / "deals.csv");
  r = tandem_cmd("calibrate '" + kSmall + "' --mapping '" + mapping.string() +
                 "' --fit funnel.contact_rate=0.3..0.9 --out '" + (base / "c").string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(mapping.string() + ":7:53") != std::string::npos);
  CHECK(r.err.find("has no column 'Origin'") != std::string::npos);
  CHECK_FALSE(fs::exists(base / "c"));
}
