// Paired comparison of two scenarios run on common random numbers: per headline figure,
// the difference ALT - BASE replication by replication, its mean and 95% confidence
// interval (Student t on the per-replication differences), and beside it the interval
// that ignores the pairing (Welch), which is what the same numbers would give from two
// independent runs. Pure statistics: no files, no printing.
//
// Replication i of both runs draws from the streams keyed by (seed, i, id), so where the
// scenarios do not differ they see the same market, the same leads and the same luck; the
// per-replication differences then vary much less than either run does, and the paired
// interval is narrower than the Welch one.
#pragma once

#include "model/results.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace tandem {

using Interval = std::pair<double, double>;  // [low, high]

struct PairedComparison {
  std::string name;
  std::string unit;   // the headline's: "count", "money", "share", "days"
  std::size_t n = 0;  // replications (pairs)
  double base_mean = 0;
  double alt_mean = 0;
  double difference = 0;                  // mean of the per-replication ALT - BASE
  std::optional<double> relative_change;  // difference / base_mean; none when base_mean is 0
  std::optional<double> difference_sd;    // sd of the per-replication differences (n >= 2)
  std::optional<Interval> paired_ci95;    // difference -/+ t(0.975, n-1) sd / sqrt(n)
  std::optional<Interval> unpaired_ci95;  // Welch: difference -/+ t(0.975, df) se
  std::optional<double> welch_df;         // Welch-Satterthwaite; none when both sds are 0
  bool significant = false;               // the paired interval excludes 0
};

// Compares one figure. `base` and `alt` hold its value in each replication, paired by
// index. Throws Error if their sizes differ. With fewer than 2 pairs there are no
// intervals (and nothing is significant). A NaN value makes the results NaN.
PairedComparison compare_paired(std::string name, std::string unit, std::span<const double> base,
                                std::span<const double> alt);

// Compares every headline figure both runs report (same name and unit), in the base's
// order. Throws Error if the runs have different numbers of replications, if a run's
// replications disagree on their figures, or if the runs have no figure in common.
std::vector<PairedComparison> compare_headlines(const RunResult& base, const RunResult& alt);

// The headline figures `run` reports and `other` does not: what compare_headlines leaves out.
std::vector<std::string> figures_only_in(const RunResult& run, const RunResult& other);

}  // namespace tandem
