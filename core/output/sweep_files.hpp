// A sweep folder's own files: sweep.csv (one row per point), sweep.json (deterministic:
// no clock, no paths) and the table the terminal shows. Each point's summary.json and
// scenario.yaml go in points/<nnn>/.
#pragma once

#include "experiments/sweep_grid.hpp"
#include "model/scenario.hpp"
#include "output/summary.hpp"
#include "stats/statistics.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace tandem {

// One point of a sweep: its overrides, the scenario they give, and what it found.
struct SweepPoint {
  std::vector<std::string> assignments;  // KEY=VALUE, one per --vary
  Scenario scenario;
  std::vector<HeadlineStats> headlines;
  SummaryJson summary;
};

// The folder of point i (0-based) inside the sweep folder: "points/001", ...
std::string sweep_point_folder(std::size_t index);

// One row per point: its index, each varied key's value, then per headline figure its
// mean and 95% interval (empty with one replication).
std::string sweep_csv(const std::vector<Vary>& varies, const std::vector<SweepPoint>& points);

// sweep.json. `file` is the scenario file the points came from; `warnings` say what else
// the points mix besides the keys varied (study::sweep_warnings).
SummaryJson sweep_json(const std::string& file, const std::vector<Vary>& varies,
                       const std::vector<SweepPoint>& points,
                       const std::vector<std::string>& warnings);

// The terminal's table: each point's values and a few headline figures with intervals.
void print_sweep_table(std::ostream& out, const std::vector<Vary>& varies,
                       const std::vector<SweepPoint>& points);

}  // namespace tandem
