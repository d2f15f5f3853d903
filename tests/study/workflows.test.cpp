// The workflows as library calls (core/study/): what the command line, and any other
// front end, calls. Each runs the real shipped scenario with the real plugins.
#include "config/scenario.hpp"
#include "study/compare.hpp"
#include "study/evaluate.hpp"
#include "study/folder_names.hpp"
#include "study/run.hpp"
#include "study/sweep.hpp"

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

using namespace tandem;

namespace {

const std::filesystem::path kBaseline =
    std::filesystem::path(TANDEM_PROJECT_DIR) / "scenarios" / "baseline.yaml";
// A shorter horizon keeps each run to a fraction of a second.
const std::vector<std::string> kShort = {"horizon.periods=26"};

}  // namespace

TEST_CASE("evaluate gives each headline's statistics, the same on any number of threads",
          "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  study::Execution one, two;
  one.threads = 1;
  two.threads = 2;
  const study::Figures a = study::evaluate(kBaseline, kShort, 4, 11, registry, one);
  const study::Figures b = study::evaluate(kBaseline, kShort, 4, 11, registry, two);
  const HeadlineStats& revenue = a.at("revenue");
  CHECK(revenue.unit == "money");
  CHECK(revenue.stats.n == 4);
  CHECK(revenue.stats.mean > 0);
  REQUIRE(a.all().size() == b.all().size());
  for (std::size_t i = 0; i < a.all().size(); ++i) {
    INFO(a.all()[i].name);
    CHECK(a.all()[i].stats.mean == b.all()[i].stats.mean);
  }
  // Another seed is another sample.
  CHECK(study::evaluate(kBaseline, kShort, 4, 12, registry, one).at("revenue").stats.mean !=
        revenue.stats.mean);
}

TEST_CASE("evaluate names a figure it does not have, and locates a bad override", "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  const study::Figures f = study::evaluate(kBaseline, kShort, 2, 1, registry);
  CHECK_THROWS_WITH(f.at("revnue"), Catch::Contains("did you mean 'revenue'"));
  try {
    study::evaluate(kBaseline, {"sales.pay.params.rtae=0.1"}, 2, 1, registry);
    FAIL("a misspelt key was accepted");
  } catch (const ScenarioError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].str().find("--set") != std::string::npos);
    CHECK(e.problems()[0].str().find("did you mean 'rate'") != std::string::npos);
  }
}

TEST_CASE("compare runs several alternatives against one base on common random numbers",
          "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  study::CompareOverrides same, richer;
  same.both = richer.both = kShort;
  same.run_size = richer.run_size = {"replications=3", "seed=5"};
  richer.alt = {"sales.pay.params.rate=0.12"};
  const std::vector<Scenario> itself =
      study::load_compared(kBaseline.string(), {kBaseline.string()}, same, registry);
  const std::vector<Scenario> with_rate =
      study::load_compared(kBaseline.string(), {kBaseline.string()}, richer, registry);
  // Every alternative takes the base's seed and replications.
  CHECK(with_rate[1].seed == 5);
  CHECK(with_rate[1].replications == 3);

  const std::vector<study::Comparison> c =
      study::compare(itself[0], {itself[1], with_rate[1]}, registry, {});
  REQUIRE(c.size() == 2);
  const auto row = [](const study::Comparison& comparison, const std::string& name) {
    for (const PairedComparison& r : comparison.rows)
      if (r.name == name) return r;
    FAIL("no row " << name);
    return PairedComparison{};
  };
  // The base against itself: every difference exactly 0.
  for (const PairedComparison& r : c[0].rows) {
    INFO(r.name);
    CHECK(r.difference == 0.0);
  }
  // A higher commission rate with behaviour fixed: the same deals (the same random numbers,
  // nobody responds), so revenue is unchanged and sales pay rises in every replication.
  CHECK(row(c[1], "revenue").difference == 0.0);
  CHECK(row(c[1], "pay_sales").difference > 0.0);
  REQUIRE(row(c[1], "pay_sales").paired_ci95);
  CHECK(row(c[1], "pay_sales").paired_ci95->first > 0.0);
}

TEST_CASE("compare refuses an alternative it cannot pair before anything runs", "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  study::CompareOverrides o;
  o.both = {"horizon.periods=13", "replications=2"};
  const std::vector<Scenario> same =
      study::load_compared(kBaseline.string(), {kBaseline.string()}, o, registry);
  o.alt = {"horizon.periods=26"};
  const std::vector<Scenario> longer =
      study::load_compared(kBaseline.string(), {kBaseline.string()}, o, registry);
  int started = 0;
  study::Execution counting;
  counting.progress = [&](int, int, const std::string&) {
    return study::Progress([&](int, int) { ++started; });
  };
  CHECK_THROWS_AS(study::compare(same[0], {same[1], longer[1]}, registry, counting), ScenarioError);
  CHECK(started == 0);
}

TEST_CASE("compare refuses an alternative's own seed or replications", "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  study::CompareOverrides o;
  o.alt = {"seed=3"};
  CHECK_THROWS_AS(study::load_compared(kBaseline.string(), {kBaseline.string()}, o, registry),
                  UsageError);
}

TEST_CASE("run in memory releases the rows and keeps what the summary needs", "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  std::vector<std::string> overrides = kShort;
  overrides.push_back("replications=2");
  const Scenario s = load_scenario(kBaseline, overrides, registry);
  const RunResult r = study::run_in_memory(s, resolve_plugins(s, registry), {});
  REQUIRE(r.replications.size() == 2);
  for (const ReplicationResult& rep : r.replications) {
    CHECK(rep.metrics.empty());
    CHECK(rep.ledger.empty());
    CHECK(rep.digest.ledger_rows > 0);
    CHECK(!rep.headlines.empty());
  }
}

namespace {

// BASE and one ALT as `tandem compare` loads them, with ALT's own overrides.
std::vector<Scenario> pair_of(const std::filesystem::path& alt_file,
                              std::vector<std::string> alt_overrides, PluginRegistry& registry,
                              std::vector<std::string> both = {}) {
  study::CompareOverrides o;
  o.both = std::move(both);
  o.alt = std::move(alt_overrides);
  return study::load_compared(kBaseline.string(), {alt_file.string()}, o, registry);
}

}  // namespace

TEST_CASE("a comparison that also switches behaviour mode says so", "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  const auto quarter_end =
      std::filesystem::path(TANDEM_PROJECT_DIR) / "scenarios" / "quarter_end.yaml";
  const std::vector<Scenario> s = pair_of(quarter_end, {}, registry);
  const std::vector<std::string> w =
      study::comparison_warnings(s[0], s[1], {kBaseline.string(), quarter_end.string()});
  REQUIRE(w.size() == 1);
  CHECK(w[0].find("baseline.yaml runs with behaviour.mode fixed and quarter_end.yaml with "
                  "adaptive") != std::string::npos);
  CHECK(w[0].find("--set behaviour.mode=adaptive") != std::string::npos);
  // Compared like with like, the warning goes.
  const std::vector<Scenario> like =
      pair_of(quarter_end, {}, registry, {"behaviour.mode=adaptive"});
  CHECK(study::comparison_warnings(like[0], like[1], {kBaseline.string(), quarter_end.string()})
            .empty());
}

TEST_CASE("a pay change compared with behaviour fixed says nobody can respond", "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  const study::ComparedNames names(kBaseline.string(), kBaseline.string());
  const std::vector<Scenario> rate = pair_of(kBaseline, {"sales.pay.params.rate=0.12"}, registry);
  const std::vector<std::string> w = study::comparison_warnings(rate[0], rate[1], names);
  REQUIRE(w.size() == 1);
  CHECK(w[0].find("the pay of sales differs, but behaviour is fixed") != std::string::npos);
  // A marketing salary is pay too.
  const std::vector<Scenario> salary =
      pair_of(kBaseline, {"marketing.pay.params.salary=80000"}, registry);
  CHECK(study::teams_paid_differently(salary[0], salary[1]) ==
        std::vector<std::string>{"marketing"});
  // With people responding, or with only the lead definition changed, nothing to say.
  const std::vector<Scenario> adaptive =
      pair_of(kBaseline, {"sales.pay.params.rate=0.12"}, registry, {"behaviour.mode=adaptive"});
  CHECK(study::comparison_warnings(adaptive[0], adaptive[1], names).empty());
  const std::vector<Scenario> policy =
      pair_of(kBaseline, {"lead_policy.params.threshold=50"}, registry);
  CHECK(study::comparison_warnings(policy[0], policy[1], names).empty());
  CHECK(study::teams_paid_differently(policy[0], policy[1]).empty());
}

TEST_CASE("a sweep says when its points mix modes or vary pay nobody responds to", "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  const auto sweep_of = [&](const std::string& vary, std::vector<std::string> sets = {}) {
    return study::load_sweep(kBaseline.string(), sets, {"replications=2"},
                             grid_points({parse_vary(vary)}), registry);
  };
  const std::vector<std::string> rate =
      study::sweep_warnings(sweep_of("sales.pay.params.rate=0.08,0.12"));
  REQUIRE(rate.size() == 1);
  CHECK(rate[0].find("the pay of sales differs between points") != std::string::npos);
  const std::vector<std::string> modes =
      study::sweep_warnings(sweep_of("behaviour.mode=fixed,adaptive"));
  REQUIRE(modes.size() == 1);
  CHECK(modes[0].find("different behaviour modes") != std::string::npos);
  CHECK(study::sweep_warnings(sweep_of("lead_policy.params.threshold=50,70")).empty());
  CHECK(study::sweep_warnings(
            sweep_of("sales.pay.params.rate=0.08,0.12", {"behaviour.mode=adaptive"}))
            .empty());
}

TEST_CASE("a scenario name becomes a short, safe part of a folder name", "[study]") {
  CHECK(tandem::study::folder_part("baseline") == "baseline");
  CHECK(tandem::study::folder_part("../x") == "_._x");
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "é";
  const std::string part = tandem::study::folder_part(long_name);
  CHECK(part.size() == 60);
  CHECK(part.find('/') == std::string::npos);
}
