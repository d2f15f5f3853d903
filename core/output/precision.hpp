// Were the replications enough? A headline's 95% interval is readable when its half-width
// is at most 5% of the mean's size (1 percentage point for a share). summary.json lists
// the figures whose intervals are wider, each with the replications that would narrow it
// to that, and the terminal and report.html say so, so a user never reads a figure as
// more precise than the run made it.
#pragma once

#include "stats/statistics.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace tandem {

inline constexpr double kReadableRelativeHalfWidth = 0.05;  // of |mean|
inline constexpr double kReadableShareHalfWidth = 0.01;     // a share: one percentage point

// {"rule": "...", "replications": n, "wide": [{"headline", "unit", "mean", "half_width",
// "target_half_width", "replications_needed"}, ...]}. With one replication there is no
// interval: "wide" is empty and "rule" says so. A figure that did not vary (sd 0) is exact.
nlohmann::ordered_json precision_block(const std::vector<HeadlineStats>& headlines);

// The sentence the terminal prints under the summary table, or "" when every interval is
// readable. Names up to three figures.
std::string precision_note(const nlohmann::ordered_json& precision);

}  // namespace tandem
