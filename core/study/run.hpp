// Running one scenario: into a run folder (written as the replications finish, renamed
// into place when complete) or in memory (figures only, rows released as they come).
#pragma once

#include "model/results.hpp"
#include "model/run_manifest.hpp"
#include "model/scenario.hpp"
#include "output/run_folder.hpp"
#include "output/summary.hpp"
#include "study/execution.hpp"

#include <filesystem>

namespace tandem::study {

// The seed, replications and each plugin slot of the scenario with the plugin loaded for
// it, as summary.json records them.
RunManifest run_manifest(const Scenario& scenario, const RunPlugins& plugins);

// What every run folder holds beyond summary.json and the tables (earnings_curve.csv,
// report.html). Computes the earnings curves at once, so a plan that faults on them
// throws PluginFault here, not while the folder is being written.
AddFiles run_folder_extras(const Scenario& scenario, const RunPlugins& plugins,
                           const RunResult& result);

// RunOptions::on_replication for a run folder: each replication's rows written to
// `folder` as it finishes, then released, so memory does not grow with them.
std::function<void(int, ReplicationResult&)> write_and_release(RunFolderWriter& folder);

struct RunOutcome {
  RunResult result;     // headlines, digests and statements: the rows were released
  SummaryJson summary;  // as written to summary.json
};

// Runs the scenario into the run folder `dir` (check it first with check_run_folder, so a
// taken folder fails before any simulating). The folder appears only once complete.
RunOutcome run_to_folder(const Scenario& scenario, const RunPlugins& plugins,
                         const std::filesystem::path& dir, bool replace_existing,
                         const Execution& execution);

// Runs the scenario without writing anything: every replication's headlines, digest and
// statements, its metric and ledger rows released as soon as they are digested. `part`,
// `parts` and `label` name it to Execution::progress.
RunResult run_in_memory(const Scenario& scenario, const RunPlugins& plugins,
                        const Execution& execution, int part = 0, int parts = 1,
                        const std::string& label = "");

}  // namespace tandem::study
