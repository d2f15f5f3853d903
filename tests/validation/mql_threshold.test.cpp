// Validation: the MQL threshold trade-off. A low threshold floods sales with leads they
// cannot work in time; a high one starves them: revenue against the threshold has an
// interior optimum (the shape every lead-scoring guide describes; no field estimate of its
// place exists, so Tandem reports where it falls).
//
// Run: scenarios/baseline.yaml (fixed behaviour, score_threshold policy), seed 20260101,
// 40 replications per threshold, thresholds 30 to 90 in steps of 5, then every point
// within 4 of the best: the same market for each (common random numbers). Tolerance:
// revenue at the best threshold exceeds revenue at each end of the grid by 3 standard
// errors of the paired difference.
#include "validation.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::validation;

TEST_CASE("MQL threshold: revenue has an interior optimum", "[validation][statistical]") {
  std::vector<int> grid;
  for (int threshold = 30; threshold <= 90; threshold += 5) grid.push_back(threshold);
  std::vector<RunResult> runs;
  for (const int threshold : grid)
    runs.push_back(
        run("scenarios/baseline.yaml",
            {"replications=40", "lead_policy.params.threshold=" + std::to_string(threshold)}));
  std::size_t best = 0;
  std::string curve;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const MeanSe r = headline(runs[i], "revenue");
    curve += std::to_string(grid[i]) + ": " + std::to_string(static_cast<long>(r.mean)) + "  ";
    if (r.mean > headline(runs[best], "revenue").mean) best = i;
  }
  const MeanSe over_low = paired(runs.front(), runs[best], "revenue");
  const MeanSe over_high = paired(runs.back(), runs[best], "revenue");
  INFO("revenue (mean over replications) by threshold: "
       << curve << "; best " << grid[best] << ", above the lowest by " << over_low.mean << " (se "
       << over_low.se << "), above the highest by " << over_high.mean << " (se " << over_high.se
       << ")");
  CHECK(best > 0);
  CHECK(best + 1 < grid.size());
  CHECK(over_low.mean > 3 * over_low.se);
  CHECK(over_high.mean > 3 * over_high.se);

  // Placed to the point: every threshold within 5 of the best, on the same market.
  int placed = grid[best];
  double placed_revenue = headline(runs[best], "revenue").mean;
  std::string fine;
  for (int threshold = grid[best] - 4; threshold <= grid[best] + 4; ++threshold) {
    const MeanSe r = headline(
        run("scenarios/baseline.yaml",
            {"replications=40", "lead_policy.params.threshold=" + std::to_string(threshold)}),
        "revenue");
    fine += std::to_string(threshold) + ": " + std::to_string(static_cast<long>(r.mean)) + "  ";
    if (r.mean > placed_revenue) {
      placed = threshold;
      placed_revenue = r.mean;
    }
  }
  INFO("revenue by threshold near the best: " << fine << "; best " << placed);
  CHECK(std::abs(placed - grid[best]) <= 4);
}
