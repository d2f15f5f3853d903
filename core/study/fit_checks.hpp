// What a fit is worth: how closely the export pins down each fitted key, and how well the
// calibrated scenario predicts months it was not fitted on.
//
// Uncertainty of a key. Near the best values the figures move with the keys by a slope J
// (central differences on the same random numbers). Weighting each figure by its observed
// standard error, the keys' covariance is (JᵀWJ)⁻¹ (simulated method of moments), widened
// by 1 + 1/R for the simulation's own noise (R replications, each at least as long as the
// export). A key the figures hardly move has no standard error: the data do not say.
//
// Held-out months. The fit sees what happened before a day; the MQLs created from it on
// are the input, and the won deals among them (seen by the export's end) the prediction:
// each lead is won with its channel's simulated share, times the simulated chance its deal
// closed in the days the export saw it. The 95% prediction interval holds the lead-by-lead
// chance (a sum of Bernoulli draws), the simulation's noise across replications, and the
// keys' uncertainty carried through the slope of the prediction.
#pragma once

#include "data/observed_funnel.hpp"
#include "study/calibrate.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tandem::study {

// Measures of a run besides the fit's targets, differentiated along the keys as well.
using RunMeasure = std::function<std::vector<double>(const RunResult&)>;

// The run at the best values, and how the targets and `measure` move with each key there.
struct Neighbourhood {
  RunResult best;
  std::vector<double> step;                // per key: the two runs' distance apart
  std::vector<std::vector<double>> slope;  // [key][targets..., measures...]
};

// 1 + 2 × keys runs: at the best values and a twentieth of each key's range either side
// (one-sided at a bound). `progress(done, total)` after each.
Neighbourhood explore(const std::string& file, const std::vector<std::string>& overrides,
                      const Fit& fit, PluginRegistry& registry, const Execution& execution,
                      const RunMeasure& measure = {},
                      const std::function<void(int, int)>& progress = {});

struct KeyUncertainty {
  std::vector<std::optional<double>> se;        // per key; nothing: not identified
  std::vector<std::vector<double>> covariance;  // [key][key]; 0 for keys not identified
};

KeyUncertainty key_uncertainty(const Fit& fit, const Neighbourhood& n, int replications);

// The variance the keys' uncertainty gives a measure whose slope along the keys is `slope`.
double variance_along(const std::vector<double>& slope, const KeyUncertainty& u);

struct HeldOutMonth {
  std::string month;  // "2018-03", or "all held-out months"
  int mqls = 0;
  int observed = 0;  // won by the export's end
  double predicted = 0, low = 0, high = 0;
  bool inside() const { return observed >= low && observed <= high; }
};

struct HoldoutCheck {
  std::string from, until;  // "2018-03-01", the export's last day
  std::vector<HeldOutMonth> months;
  HeldOutMonth total;
  bool passed() const;  // the total and every month inside its interval
};

// The held-out leads (observe_funnel from the day held out) against runs of `scenario`.
class HoldoutPrediction {
 public:
  HoldoutPrediction(const ObservedFunnel& held_out, const Scenario& scenario);

  // The expected won deals of each held-out month, then of them all.
  std::vector<double> expected(const RunResult& run) const;

  // The prediction at the neighbourhood's best run (its measures from index `first` of the
  // slope on), with intervals.
  HoldoutCheck check(const Neighbourhood& n, std::size_t first, const KeyUncertainty& u,
                     const std::string& from) const;

 private:
  // Per month and channel: Σ F(days seen) and Σ F² over its leads (F: the chance a won
  // deal closed within the days), for the expectation and the Bernoulli variance.
  struct Cell {
    double in_time = 0, in_time_squared = 0;
  };
  std::vector<std::vector<Cell>> cells(const RunResult& run) const;
  std::vector<std::vector<double>> shares(const RunResult& run) const;  // [replication][channel]

  const ObservedFunnel& held_out_;
  std::vector<std::string> share_headline_;  // per channel of the held-out leads, then "none"
};

}  // namespace tandem::study
