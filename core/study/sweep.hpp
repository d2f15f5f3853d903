// A sweep: one scenario at every point of a grid of overrides, every point on the same
// random numbers (the same seed and replications), so the points differ only by what was
// varied.
#pragma once

#include "experiments/sweep_grid.hpp"
#include "history/run_record.hpp"
#include "output/summary.hpp"
#include "output/sweep_files.hpp"
#include "plugins/registry.hpp"
#include "study/execution.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tandem::study {

// Each "KEY=V1,V2,..." text as a Vary (experiments/sweep_grid.hpp). Throws UsageError for a
// text that does not parse, or that varies the seed or the replications: every point runs
// the same random numbers.
std::vector<Vary> parse_varies(const std::vector<std::string>& texts);

// Loads the scenario at every point: `overrides` (every point's), then the point's values
// (a varied key wins over an override of it), then `run_size` (seed, replications).
// Problems of the shared overrides are reported as they are; a problem a point brings (a
// key that does not exist, a value of the wrong type) is located at "--vary", once however
// many points share it. Nothing runs unless every point loads: throws ScenarioError.
std::vector<SweepPoint> load_sweep(const std::string& file,
                                   const std::vector<std::string>& overrides,
                                   const std::vector<std::string>& run_size,
                                   const std::vector<std::vector<std::string>>& grid,
                                   PluginRegistry& registry);

// What a reader must know before reading the points as the effect of the keys varied: that
// they also differ in behaviour mode, or that pay differs between them while behaviour is
// fixed at every point (nobody responds to pay: revenue and volumes cannot move). Plain
// sentences naming the fix; empty when neither holds.
std::vector<std::string> sweep_warnings(const std::vector<SweepPoint>& points);

// Runs every point in memory (rows released as digested), filling its headlines and
// summary. Point i is part i of Execution::progress.
void run_sweep(std::vector<SweepPoint>& points, PluginRegistry& registry,
               const Execution& execution);

// A sweep folder: sweep.csv, report.html, points/<nnn>/ (summary.json, scenario.yaml) and
// sweep.json, written last: only a complete folder holds it.
inline constexpr const char* kSweepMarker = "sweep.json";

// Whether `dir` may be written (see AtomicFolder::check), before any simulating.
void check_sweep_folder(const std::filesystem::path& dir, bool replace_existing);

// Writes the sweep folder of points that have run, with sweep_warnings(); returns
// sweep.json as written.
SummaryJson write_sweep_folder(const std::filesystem::path& dir, bool replace_existing,
                               const std::string& file, const std::vector<Vary>& varies,
                               const std::vector<SweepPoint>& points);

// Every point as a scenario of the history's record ("point 1", ...), with its figures.
std::vector<RecordedScenario> recorded_points(const std::vector<SweepPoint>& points);
std::vector<RecordedFigure> point_figures(const std::vector<SweepPoint>& points);

}  // namespace tandem::study
