// Plan files for `tandem payout`: checked by the scenario's validator, so problems are
// located and read as they do in a scenario.
#include "config/plan_file.hpp"
#include "plugins/registry.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using namespace tandem;
using Catch::Matchers::Contains;

namespace {

namespace fs = std::filesystem;

PluginRegistry& plan_registry() {
  static PluginRegistry r({fs::path(TANDEM_PLUGIN_DIR)});
  return r;
}

fs::path plan_dir() {
  const fs::path dir = fs::path(TANDEM_TEST_TMP) / "plan_file";
  fs::create_directories(dir);
  return dir;
}

// The problems loading `text` reports, as printed, with the file shown as "p.yaml".
// Each text gets a folder of its own: CTest may run the test cases side by side.
std::vector<std::string> plan_problems(const std::string& text) {
  const fs::path dir = plan_dir() / std::to_string(std::hash<std::string>{}(text));
  fs::create_directories(dir);
  std::ofstream(dir / "p.yaml", std::ios::binary) << text;
  const fs::path old = fs::current_path();
  fs::current_path(dir);
  std::vector<std::string> out;
  try {
    load_plan_file("p.yaml", plan_registry());
  } catch (const ScenarioError& e) {
    for (const auto& p : e.problems()) out.push_back(p.str());
  }
  fs::current_path(old);
  return out;
}

}  // namespace

TEST_CASE("a plan file gives its plugin and checked parameters", "[config]") {
  const fs::path file = plan_dir() / "ok.yaml";
  std::ofstream(file, std::ios::binary)
      << "tandem: 1\n"
         "plan: {plugin: flat_commission, period: quarter, params: {rate: 0.1, "
         "base_salary: 60000.00}}\n";
  const PlanFile plan = load_plan_file(file, plan_registry());
  REQUIRE(plan.plugin != nullptr);
  CHECK(plan.plugin->name() == "flat_commission");
  CHECK(plan.period == PeriodKind::quarter);
  CHECK(plan.params.get<double>("rate") == 0.1);
  CHECK(plan.params.get<Money>("base_salary") == Money::from_cents(6'000'000));
  CHECK(plan.params.get<Money>("cap").is_unlimited());  // the plugin's default
  CHECK_FALSE(plan.role.has_value());
  CHECK(plan.where.line == 2);
}

TEST_CASE("a plan file may name the role it pays", "[config]") {
  const fs::path file = plan_dir() / "role.yaml";
  std::ofstream(file, std::ios::binary) << "tandem: 1\nrole: marketing\n"
                                           "plan: {plugin: salary_mql_bonus}\n";
  const PlanFile plan = load_plan_file(file, plan_registry());
  CHECK(plan.role == std::optional<std::string>("marketing"));
  CHECK(plan.period == PeriodKind::month);
}

TEST_CASE("plan file problems are located with the nearest name", "[config]") {
  const auto p = plan_problems(
      "tandem: 1\n"
      "plan:\n"
      "  plugin: flat_commission\n"
      "  perod: month\n"
      "  params: {rate: 0.1, base_salry: 60000.00}\n");
  REQUIRE(p.size() == 2);
  CHECK_THAT(p[0], Contains("p.yaml:4:3: plan.perod: unknown key 'perod'") &&
                       Contains("did you mean 'period'?"));
  CHECK_THAT(p[1], Contains("p.yaml:5:23: plan.params.base_salry: unknown key 'base_salry'") &&
                       Contains("did you mean 'base_salary'?"));
}

TEST_CASE("plan file values are checked against the plugin's schema", "[config]") {
  const auto p = plan_problems(
      "tandem: 1\n"
      "plan: {plugin: flat_commission, period: week, params: {rate: 1.5, cap: 1.005}}\n");
  REQUIRE(p.size() == 3);
  CHECK_THAT(p[0], Contains("p.yaml:2:41: plan.period:") && Contains("month"));
  CHECK_THAT(p[1], Contains("p.yaml:2:62: plan.params.rate:"));
  CHECK_THAT(p[2], Contains("p.yaml:2:72: plan.params.cap:"));
}

TEST_CASE("a plan file needs a pay plan", "[config]") {
  const auto p = plan_problems("tandem: 1\nplan: {plugin: score_threshold}\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0] ==
        "p.yaml:2:16: plan.plugin: 'score_threshold' is a lead policy; plan needs a pay plan "
        "(available: clawback, draw, flat_commission, pipeline_bonus, quota_tiers, "
        "revenue_bonus, salary_mql_bonus, spiff, team_pool)");
}

TEST_CASE("an unknown plan plugin suggests the nearest name", "[config]") {
  const auto p = plan_problems("tandem: 1\nplan: {plugin: flat_comission}\n");
  REQUIRE(p.size() == 1);
  CHECK_THAT(p[0], Contains("p.yaml:2:16: plan.plugin:") && Contains("flat_commission"));
}

TEST_CASE("a plan file without its sections says what is missing", "[config]") {
  const auto p = plan_problems("tandem: 2\nrole: finance\n");
  REQUIRE(p.size() == 3);
  CHECK_THAT(p[0], Contains("p.yaml:1:1: missing required key 'plan'"));
  CHECK(p[1] == "p.yaml:1:9: tandem: must be 1, got 2");
  CHECK(p[2] == "p.yaml:2:7: role: must be one of: all, marketing, sales, sdr; got 'finance'");
}

TEST_CASE("an empty plan file says how it starts", "[config]") {
  const auto p = plan_problems("");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "p.yaml:1:1: the file is empty; a plan starts with 'tandem: 1'");
}

TEST_CASE("a plan file's people have names, located at the name", "[config]") {
  CHECK(plan_problems("tandem: 1\nplan: {plugin: flat_commission}\npeople:\n  - name: \"\"\n"
                      "  - name: Ana Ruiz\n") ==
        std::vector<std::string>{"p.yaml:4:11: people[0].name: the name is empty: give one"});
  CHECK(plan_problems("tandem: 1\nplan: {plugin: flat_commission}\npeople:\n  - name: " +
                      std::string(300000, 'P') + "\n") ==
        std::vector<std::string>{"p.yaml:4:11: people[0].name: the name '" + std::string(80, 'P') +
                                 "\u2026 (300000 characters)' is 300000 characters long; a name "
                                 "has at most 100: shorten it"});
}

TEST_CASE("a plan file says where its role and parameters are", "[config]") {
  const fs::path file = plan_dir() / "where.yaml";
  std::ofstream(file, std::ios::binary)
      << "tandem: 1\nrole: sales\nplan:\n  plugin: team_pool\n  params:\n    split: by_salary\n";
  const PlanFile plan = load_plan_file(file, plan_registry());
  CHECK(plan.role_where.str() == file.string() + ":2:7");
  CHECK(plan.role_where.key == "role");
  CHECK(plan.param("split").str() == file.string() + ":6:12");
  CHECK(plan.param("split").key == "plan.params.split");
  // A parameter the file does not write is located at the plugin.
  CHECK(plan.param("share").str() == plan.where.str());
  CHECK(plan.param("share").key == "plan.params.share");
}
