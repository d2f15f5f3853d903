// Calibration: the values of a scenario's free keys that bring what it simulates closest
// to what a CRM export observed (simulated method of moments). Each target is a headline
// figure of the run set against an observed figure; the distance is the sum over targets of
// ((simulated − observed) / observed standard error)². Every evaluation runs the scenario
// on the same random numbers (its seed and replications), so the distance moves only with
// the free keys. The search is NLopt's: a global pass (DIRECT-L) over the bounds, then a
// local derivative-free one (BOBYQA) from the best point found.
#pragma once

#include "data/observed_funnel.hpp"
#include "plugins/registry.hpp"
#include "study/execution.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tandem::study {

// A key the fit may move, within [low, high].
struct FreeKey {
  std::string key;  // as --set takes it: "funnel.contact_rate"
  double low = 0, high = 0;
  std::optional<Location> where;  // where a file named it (else "--fit")
};

// "KEY=LO..HI" as a FreeKey; throws UsageError for a text that does not parse or whose
// bounds are reversed.
FreeKey parse_free_key(const std::string& text);

// How a run's figure is set against an observed one (study/recorded_figures.hpp).
enum class Recorded {
  as_run,            // the run's mean of the headline times `scale`
  share_in_time,     // the run's mean share times the share of its deals closed in time
  quantile_in_time,  // the `quantile` of days to close of the deals closed in time
  ratio,             // the run's mean of the headline over its mean of `denominator`
};

// One observed figure and the headline of a run it is set against (e.g. MQLs over the
// measured periods as MQLs a month; a channel's share won as the export would have seen
// it, each of its leads for the days the export saw it).
struct FitTarget {
  std::string name;      // the observed figure's name
  std::string headline;  // the run's
  double scale = 1;
  double observed = 0, se = 0;
  Recorded recorded = Recorded::as_run;
  double quantile = 0;            // with quantile_in_time
  std::vector<double> days_seen;  // the export's leads behind the figure: days each was seen
  std::string denominator;        // with ratio
};

// The targets of `observed` a run of `scenario` can be set against, by the names its
// channels share with the data: per channel with at least `min_mqls` MQLs, MQLs a month
// and the share won; the median and 90th percentile of days to close. Throws UsageError
// naming a channel of the data the scenario does not have (add it to `channels`, or give
// it the name of one in the mapping's data).
std::vector<FitTarget> fit_targets(const ObservedFunnel& observed, const Scenario& scenario,
                                   int min_mqls = 200);

// Each target's simulated figure in `run`.
std::vector<double> simulate_targets(const std::vector<FitTarget>& targets, const RunResult& run);

// The run's mean of headline `name` over its replications (0 when it has none).
double mean_headline(const RunResult& run, const std::string& name);

// One evaluation: the free keys' values, each target's simulated figure, the distance.
struct Evaluation {
  std::vector<double> values;
  std::vector<double> simulated;
  double distance = 0;
};

struct Fit {
  std::vector<FreeKey> keys;
  std::vector<FitTarget> targets;
  std::vector<Evaluation> trace;  // every evaluation, in order
  std::size_t best = 0;           // index into trace
  std::string stopped;            // why the search stopped

  const Evaluation& best_evaluation() const { return trace[best]; }
};

struct FitOptions {
  int evaluations = 60;       // most evaluations in all
  double global_share = 0.4;  // of them, for the global pass
  // Called after each evaluation: (evaluation number from 1, the best distance so far).
  std::function<void(int, double)> progress;
};

// Loads `file` with `overrides` then the free keys' values for every evaluation (a value
// a key cannot take is reported as a ScenarioError at "--fit", or where a file named it), runs it
// in memory and searches. The scenario's seed and replications are used at every point.
Fit calibrate(const std::string& file, const std::vector<std::string>& overrides,
              const std::vector<FreeKey>& keys, const std::vector<FitTarget>& targets,
              PluginRegistry& registry, const Execution& execution, const FitOptions& options = {});

// Loads `file` with `overrides` and the free keys at `values` (a value a key cannot take is
// a ScenarioError located at "--fit"), and runs it in memory.
RunResult run_at(const std::string& file, const std::vector<std::string>& overrides,
                 const std::vector<FreeKey>& keys, const std::vector<double>& values,
                 PluginRegistry& registry, const Execution& execution);

// The free keys as --set overrides at `values`.
std::vector<std::string> fitted_overrides(const std::vector<FreeKey>& keys,
                                          const std::vector<double>& values);

}  // namespace tandem::study
