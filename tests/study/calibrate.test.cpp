// Calibration as a library call: free keys parsed, targets matched to a scenario's
// channels, and a fit that finds a key's value back from figures a run at a known value
// produced (on other random numbers, as data would be).
#include "study/calibrate.hpp"
#include "config/crm_mapping.hpp"
#include "config/scenario.hpp"
#include "data/observed_funnel.hpp"
#include "study/run.hpp"

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <optional>

using namespace tandem;
using namespace tandem::study;

namespace {

const std::string kSmall = (std::filesystem::path(TANDEM_PROJECT_DIR) / "tests" / "integration" /
                            "scenarios" / "small.yaml")
                               .string();

}  // namespace

TEST_CASE("a free key is KEY=LO..HI", "[study]") {
  const FreeKey k = parse_free_key("funnel.contact_rate=0.3..0.9");
  CHECK(k.key == "funnel.contact_rate");
  CHECK(k.low == 0.3);
  CHECK(k.high == 0.9);
  CHECK_THROWS_WITH(parse_free_key("funnel.contact_rate=0.9..0.3"),
                    "--fit funnel.contact_rate=0.9..0.3: the low bound must be below the high "
                    "one; give KEY=LO..HI, e.g. --fit funnel.contact_rate=0.3..0.9");
  CHECK_THROWS_AS(parse_free_key("funnel.contact_rate=0.3"), UsageError);
  CHECK_THROWS_AS(parse_free_key("=0.3..0.5"), UsageError);
  CHECK_THROWS_AS(parse_free_key("x=a..b"), UsageError);
}

TEST_CASE("targets follow the channels the data and the scenario share", "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  const Scenario s = load_scenario(kSmall, {}, registry);
  ObservedFunnel observed;
  observed.channels = {s.channels[0].name};
  observed.figures = {{"mqls_per_month." + s.channels[0].name, "count", 40, 35, 45, 2.5, 480},
                      {"mql_to_won." + s.channels[0].name, "share", 0.1, 0.08, 0.12, 0.01, 480},
                      {"days_to_close.median", "days", 30, 28, 32, 1, 48},
                      {"sal_to_sql", "share", 0.5, 0.45, 0.55, 0.025, 300}};
  const auto targets = fit_targets(observed, s);
  REQUIRE(targets.size() == 4);
  // A stage's share of the one before: the run's counts of both, over its measured periods.
  CHECK(targets[2].name == "sal_to_sql");
  CHECK(targets[2].headline == "sqls");
  CHECK(targets[2].denominator == "sals");
  CHECK(targets[2].recorded == Recorded::ratio);
  CHECK(targets[0].headline == "channel_mqls." + s.channels[0].name);
  CHECK(targets[1].headline == "channel_mql_to_won." + s.channels[0].name);
  CHECK(targets[3].headline == "median_days_to_close");
  // Too few MQLs on a channel: its figures are left out.
  CHECK(fit_targets(observed, s, 1000).size() == 2);
  observed.channels.push_back("carrier_pigeon");
  CHECK_THROWS_WITH(fit_targets(observed, s),
                    Catch::Contains("the data has channel 'carrier_pigeon', which the scenario"));
}

TEST_CASE("a fit finds back the value that made the figures", "[study][statistical]") {
  // "Data": the small scenario with contact_rate 0.5, seed 777, 200 replications: each
  // channel's MQL-to-won share and the median days to close, with the standard errors
  // of their means. The fit moves contact_rate over [0.2, 0.9] on the scenario's own seed,
  // 40 replications per evaluation, 24 evaluations.
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  const Scenario truth =
      load_scenario(kSmall, {"funnel.contact_rate=0.5", "seed=777", "replications=200"}, registry);
  const RunResult data = run_in_memory(truth, resolve_plugins(truth, registry), Execution{});
  std::vector<FitTarget> targets;
  const auto add = [&](const std::string& headline) {
    double sum = 0, sum2 = 0;
    const double n = static_cast<double>(data.replications.size());
    for (const ReplicationResult& r : data.replications)
      for (const Headline& h : r.headlines)
        if (h.name == headline) sum += h.value, sum2 += h.value * h.value;
    const double mean = sum / n, sd = std::sqrt(std::max(0.0, sum2 / n - mean * mean));
    targets.push_back(
        {headline, headline, 1.0, mean, sd / std::sqrt(n), Recorded::as_run, 0, {}, {}});
  };
  for (const auto& c : truth.channels) add("channel_mql_to_won." + c.name);
  add("median_days_to_close");

  FitOptions options;
  options.evaluations = 24;
  int seen = 0;
  options.progress = [&](int n, double) { seen = n; };
  const Fit fit = calibrate(kSmall, {"replications=40"}, {{"funnel.contact_rate", 0.2, 0.9, {}}},
                            targets, registry, Execution{}, options);
  REQUIRE(!fit.trace.empty());
  CHECK(seen == static_cast<int>(fit.trace.size()));
  CHECK(static_cast<int>(fit.trace.size()) <= options.evaluations);
  const double found = fit.best_evaluation().values[0];
  INFO("contact_rate found " << found << " at distance " << fit.best_evaluation().distance
                             << " after " << fit.trace.size() << " evaluations (" << fit.stopped
                             << ")");
  CHECK(std::fabs(found - 0.5) < 0.05);
  // The distance there is what chance leaves: about one unit per target.
  CHECK(fit.best_evaluation().distance < 4.0 * static_cast<double>(targets.size()));
}

TEST_CASE("a value a free key cannot take is reported at --fit", "[study]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  const std::vector<FitTarget> targets = {
      {"x", "revenue", 1.0, 1.0, 1.0, Recorded::as_run, 0, {}, {}}};
  try {
    calibrate(kSmall, {"replications=2"}, {{"funnel.contact_rate", 0.5, 3.0, {}}}, targets,
              registry, Execution{});
    FAIL("no error");
  } catch (const ScenarioError& e) {
    REQUIRE(!e.problems().empty());
    CHECK(e.problems()[0].where.file == "--fit");
    CHECK(e.problems()[0].where.key == "funnel.contact_rate");
  }
}

namespace {

// The public Olist export, where the project's tests look for it; nothing when absent.
std::optional<CrmExport> olist_export() {
  const auto data = std::filesystem::path(TANDEM_PROJECT_DIR).parent_path() / "shared" / "data" /
                    "olist-marketing-funnel";
  if (!std::filesystem::exists(data / "closed_deals.csv")) return std::nullopt;
  return read_crm_export(load_crm_mapping(
      std::filesystem::path(TANDEM_PROJECT_DIR) / "scenarios" / "olist" / "mapping.yaml", data));
}

const std::string kOlist =
    (std::filesystem::path(TANDEM_PROJECT_DIR) / "scenarios" / "olist" / "olist.yaml").string();

}  // namespace

TEST_CASE("the shipped Olist scenario reproduces the export where docs/calibration.md says",
          "[study][statistical]") {
  // The calibrated scenario (20 replications, its seed), recorded as the export would have
  // seen it, against the export's figures: days to close within 20% (median) and 30%
  // (P90), and every channel with 200 MQLs or more within 2 percentage points of its
  // MQL-to-won share.
  const std::optional<CrmExport> x = olist_export();
  if (!x) {
    WARN("skipped: the Olist export is not at ../shared/data/olist-marketing-funnel");
    return;
  }
  const ObservedFunnel observed = observe_funnel(*x);
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  const Scenario s = load_scenario(kOlist, {}, registry);
  const std::vector<FitTarget> targets = fit_targets(observed, s);
  const RunResult r = run_in_memory(s, resolve_plugins(s, registry), Execution{});
  const std::vector<double> simulated = simulate_targets(targets, r);
  int channels = 0;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const FitTarget& t = targets[i];
    INFO(t.name << ": export " << t.observed << ", simulated " << simulated[i]);
    if (t.name == "days_to_close.median")
      CHECK(std::fabs(simulated[i] - t.observed) <= 0.2 * t.observed);
    else if (t.name == "days_to_close.p90")
      CHECK(std::fabs(simulated[i] - t.observed) <= 0.3 * t.observed);
    else if (t.name.rfind("mql_to_won.", 0) == 0) {
      CHECK(std::fabs(simulated[i] - t.observed) <= 0.02);
      ++channels;
    }
  }
  CHECK(channels == 7);  // the channels with 200 MQLs or more
}
