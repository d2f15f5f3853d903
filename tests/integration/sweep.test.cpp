// `tandem sweep` end to end: a grid of points on common random numbers, the sweep folder,
// and the checks made before anything runs.
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <vector>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {
const std::string kBaseline = project_file("scenarios/baseline.yaml");
// Few replications and half a year: a sweep in seconds.
const std::string kQuick = " --replications 6 --set horizon.periods=26";

std::vector<std::string> lines_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}
}  // namespace

TEST_CASE("sweep: a grid runs every point on the same random numbers", "[integration]") {
  const fs::path dir = scratch("sweep-grid") / "out";
  const auto r = tandem_cmd("sweep '" + kBaseline + "'" + kQuick +
                            " --vary sales.pay.params.rate=0.06,0.10 --vary "
                            "marketing.pay.params.bonus_per_mql=10.00,20.00 --out '" +
                            dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("sales.pay.params.rate") != std::string::npos);  // the terminal table

  const auto csv = lines_of(read_file(dir / "sweep.csv"));
  REQUIRE(csv.size() == 5);  // header and four points
  CHECK(csv[0].rfind("point,sales.pay.params.rate,marketing.pay.params.bonus_per_mql,", 0) == 0);
  CHECK(csv[0].find(",revenue,revenue_ci_low,revenue_ci_high,") != std::string::npos);
  CHECK(csv[1].rfind("1,0.06,10.00,", 0) == 0);
  CHECK(csv[4].rfind("4,0.10,20.00,", 0) == 0);

  const auto j = nlohmann::json::parse(read_file(dir / "sweep.json"));
  REQUIRE(j["points"].size() == 4);
  for (int i = 0; i < 4; ++i)
    CHECK(fs::exists(dir / j["points"][i]["folder"].get<std::string>() / "summary.json"));
  // Behaviour is fixed in the baseline, so pay moves nothing else: on common random numbers
  // every point books exactly the same revenue, and pay follows the rate.
  const auto point = [&](int i, const char* figure) {
    return j["points"][i]["headline"][figure]["mean"].get<double>();
  };
  CHECK(point(0, "revenue") == point(3, "revenue"));
  CHECK(point(2, "pay_sales") > point(0, "pay_sales"));
  CHECK(point(1, "pay_marketing") > point(0, "pay_marketing"));
}

TEST_CASE("sweep: pay varied with behaviour fixed is flagged", "[integration]") {
  const fs::path dir = scratch("sweep-fixed-pay") / "out";
  const auto r = tandem_cmd("sweep '" + kBaseline +
                            "' --replications 2 --set horizon.periods=13 "
                            "--vary sales.pay.params.rate=0.08,0.12 --out '" +
                            dir.string() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("warning: the pay of sales differs between points, but behaviour is fixed") !=
        std::string::npos);
  const auto j = nlohmann::json::parse(read_file(dir / "sweep.json"));
  REQUIRE(j["warnings"].size() == 1);
  CHECK(read_file(dir / "report.html").find("nobody responds to pay") != std::string::npos);
}

TEST_CASE("sweep: a varied key that does not exist is located with the nearest name",
          "[integration]") {
  const fs::path base = scratch("sweep-typo");
  const auto r =
      tandem_cmd("sweep '" + kBaseline + "'" + kQuick + " --vary market.acounts=1000,2000 --out '" +
                 (base / "out").string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--vary: market.acounts: unknown key 'acounts'; did you mean 'accounts'?") !=
        std::string::npos);
  CHECK(r.err.find("nothing was run") != std::string::npos);
  CHECK(fs::is_empty(base));
}

TEST_CASE("sweep: a value of the wrong type is refused once before anything runs",
          "[integration]") {
  const fs::path base = scratch("sweep-type");
  const auto r = tandem_cmd("sweep '" + kBaseline + "'" + kQuick +
                            " --vary sales.pay.params.rate=0.1,abc --vary market.demand=0.8,1.2 "
                            "--out '" +
                            (base / "out").string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--vary: sales.pay.params.rate: expected a number, got 'abc'") !=
        std::string::npos);
  CHECK(r.err.find("1 problem found") != std::string::npos);  // two points, one problem
  CHECK(fs::is_empty(base));
}

TEST_CASE("sweep: varying the random numbers themselves is refused", "[integration]") {
  const auto r = tandem_cmd("sweep '" + kBaseline + "' --vary seed=1,2");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("same random numbers") != std::string::npos);
}

TEST_CASE("sweep: the files are the same bytes whatever the thread count", "[integration]") {
  const fs::path base = scratch("sweep-threads");
  const std::string cmd =
      "sweep '" + kBaseline + "'" + kQuick + " --vary market.demand=0.8,1.2 --threads ";
  REQUIRE(tandem_cmd(cmd + "1 --out '" + (base / "one").string() + "'").exit_code == 0);
  REQUIRE(tandem_cmd(cmd + "2 --out '" + (base / "two").string() + "'").exit_code == 0);
  CHECK(read_file(base / "one" / "sweep.csv") == read_file(base / "two" / "sweep.csv"));
  CHECK(read_file(base / "one" / "sweep.json") == read_file(base / "two" / "sweep.json"));
}
