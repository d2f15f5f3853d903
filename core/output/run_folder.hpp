// A run's folder: summary.json, metrics.csv, ledger.csv and scenario.yaml, written
// atomically (see atomic_folder.hpp): the folder appears under its name only complete.
#pragma once

#include "config/scenario.hpp"
#include "engine/results.hpp"
#include "output/run_manifest.hpp"
#include "output/summary.hpp"

#include <filesystem>
#include <functional>

namespace tandem {

// Called with the partial folder before it is renamed, and the summary written there, to
// add more files (report.html, earnings_curve.csv).
using AddFiles =
    std::function<void(const std::filesystem::path& partial, const SummaryJson& summary)>;

// Writes the run folder `dir`. If `dir` exists: without replace_existing, OutputError;
// with it, the old folder (which must be a run folder: empty or holding summary.json) is
// swapped out once the new one is complete. Any failure (including one in `add_files`)
// removes the partial folder and throws OutputError naming the folder, the reason and
// the fix. Returns the summary it wrote, for the terminal.
SummaryJson write_run_folder(const std::filesystem::path& dir, const Scenario& scenario,
                             const RunResult& result, const RunManifest& manifest,
                             bool replace_existing, const AddFiles& add_files = {});

// The checks write_run_folder() makes on `dir` before writing, without writing anything:
// call it before a long run so that a taken --out fails at once. Throws OutputError.
void check_run_folder(const std::filesystem::path& dir, bool replace_existing);

}  // namespace tandem
