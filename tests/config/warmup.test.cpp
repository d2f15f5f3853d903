// horizon.warmup_periods: its default follows the horizon, it is written into the resolved
// scenario, and a warm-up that leaves nothing to measure is refused at its key.
#include "config/reference.hpp"
#include "config/scenario.hpp"
#include "plugins/registry.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tandem;
using Catch::Matchers::Contains;

namespace {

PluginRegistry& registry() {
  static PluginRegistry r({std::filesystem::path(TANDEM_PLUGIN_DIR)});
  return r;
}

// The minimal example (26 weeks) with overrides, parsed from memory.
Scenario tiny(const std::vector<std::string>& overrides) {
  return parse_scenario(config::minimal_scenario_example(), "tiny.yaml", overrides, registry());
}

std::vector<std::string> problems(const std::vector<std::string>& overrides) {
  std::vector<std::string> out;
  try {
    tiny(overrides);
  } catch (const ScenarioError& e) {
    for (const auto& p : e.problems()) out.push_back(p.str());
  }
  return out;
}

}  // namespace

TEST_CASE("the default warm-up is a quarter, at most a quarter of the horizon", "[config]") {
  CHECK(tiny({}).horizon.warmup_periods == 6);  // 26 weeks: a quarter of them
  CHECK(tiny({"horizon.periods=104"}).horizon.warmup_periods == 13);
  CHECK(tiny({"horizon.periods=520"}).horizon.warmup_periods == 13);
  CHECK(tiny({"horizon.periods=24", "horizon.period=month"}).horizon.warmup_periods == 3);
  CHECK(tiny({"horizon.periods=3"}).horizon.warmup_periods == 0);
  CHECK(default_warmup_periods(HorizonConfig{}) == 13);
}

TEST_CASE("the warm-up is in the resolved scenario, given or not", "[config]") {
  CHECK_THAT(tiny({}).resolved_yaml, Contains("warmup_periods: 6"));
  const Scenario given = tiny({"horizon.warmup_periods=0"});
  CHECK(given.horizon.warmup_periods == 0);
  CHECK_THAT(given.resolved_yaml, Contains("warmup_periods: 0"));
  CHECK(given.hash != tiny({}).hash);
}

TEST_CASE("a warm-up out of range is refused at its key", "[config]") {
  CHECK(problems({"horizon.warmup_periods=25"}).empty());
  const auto too_long = problems({"horizon.warmup_periods=26"});
  REQUIRE(too_long.size() == 1);
  CHECK_THAT(too_long[0], Contains("horizon.warmup_periods: 26 warm-up periods leave none of "
                                   "the 26 periods to measure"));
  const auto negative = problems({"horizon.warmup_periods=-1"});
  REQUIRE(negative.size() == 1);
  CHECK_THAT(negative[0], Contains("horizon.warmup_periods"));
}

TEST_CASE("the measured periods are named as a reader counts them", "[config]") {
  HorizonConfig h{104, SimPeriod::week, 13};
  CHECK(measured_periods_text(h) == "weeks 14-104");
  h = {24, SimPeriod::month, 0};
  CHECK(measured_periods_text(h) == "months 1-24");
}
