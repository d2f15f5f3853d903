// Statistics over replications: mean, sample standard deviation, median and the 95%
// confidence interval of the mean from Student's t. Every result is computed in a fixed
// order, so the same values give the same bits.
#pragma once

#include "model/results.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace tandem {

// The p-quantile of Student's t distribution with `df` degrees of freedom (df > 0,
// 0 < p < 1), accurate to about 1e-12 relative: exact formulas for df 1 and 2, otherwise
// a Cornish-Fisher start refined by Newton steps on the exact distribution function.
// Throws Error for arguments out of range.
double student_t_quantile(double p, double df);

// The p-quantile of the standard normal distribution (0 < p < 1).
double normal_quantile(double p);

struct SampleStats {
  std::size_t n = 0;
  double mean = 0;           // NaN when n == 0
  double median = 0;         // NaN when n == 0
  double p5 = 0, p95 = 0;    // nearest rank: values some replication had; NaN when n == 0
  std::optional<double> sd;  // sample sd (n - 1); none when n < 2
  std::optional<std::pair<double, double>> ci95;  // mean -/+ t(0.975, n-1) sd / sqrt(n)
};

// Describes a sample. A NaN value makes mean, sd, median, p5, p95 and the interval NaN.
SampleStats describe(std::span<const double> values);

// One headline figure over all replications.
struct HeadlineStats {
  std::string name;
  std::string unit;  // "count", "money", "share", "days"
  SampleStats stats;
};

// Statistics of each headline, in the engine's order. Throws Error if the replications
// do not report the same headlines in the same order.
std::vector<HeadlineStats> headline_stats(const RunResult& result);

}  // namespace tandem
