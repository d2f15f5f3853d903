// What the verbs that simulate (run, compare, sweep) share: the progress bars, the
// manifest of the plugins a run used, and the hook that records it in the run history.
#pragma once

#include "cli/verbs.hpp"
#include "study/folder_names.hpp"
#include "model/scenario.hpp"
#include "engine/simulation.hpp"
#include "stats/paired_comparison.hpp"
#include "history/run_history.hpp"
#include "output/run_folder.hpp"
#include "model/run_manifest.hpp"
#include "output/summary.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tandem::cli {

using study::default_out;
using study::folder_part;

// What every run folder holds beyond summary.json and the tables (earnings_curve.csv,
// report.html): for write_run_folder(), by run and by each side of a compare. Computes
// the earnings curves at once, so a plan that faults on them throws PluginFault here.
AddFiles run_folder_extras(const Scenario& scenario, const RunPlugins& plugins,
                           const RunResult& result);

// RunOptions::on_replication for a run folder: each replication's rows written to `folder`
// as it finishes, then released (release_rows), so memory does not grow with them.
std::function<void(int, ReplicationResult&)> write_and_release(RunFolderWriter& folder);

// A one-line progress bar on stderr, "  LABEL [=====     ] 3/20 replications", for
// RunOptions::progress; empty (no bar) unless stderr is a terminal, so logs and pipes
// never see it. The bar erases itself when done.
std::function<void(int, int)> terminal_progress(const std::string& label = "");

// A sweep's bar: "  point 3/9 [=====     ] 250/900 replications, about 12 s left", over
// all its points; point(i) is the RunOptions::progress of point i. Inert (empty
// callbacks) unless stderr is a terminal.
class SweepProgress {
 public:
  SweepProgress(int points, int replications);
  std::function<void(int, int)> point(int index);

 private:
  int points_, replications_;
  bool shown_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// --seed and --replications, when given, as the overrides "seed=S" and "replications=N":
// validated like any other and recorded in the scenario.yaml and hash of what was run.
std::vector<std::string> seed_and_replications(const boost::program_options::variables_map& vm);

// The seed, replications and each plugin slot of the scenario with the plugin loaded
// for it, as summary.json records them.
RunManifest run_manifest(const Scenario& scenario, const RunPlugins& plugins);

// The run history (`tandem history`) of a verb that writes a folder: its --db and
// --no-history options, opened before simulating and recorded once the folder is complete.
//   HistoryHook history;  history.add_to(options);  ...parse...
//   history.open("run", args);               // before simulating
//   ... write the folder ...
//   const std::string note = history.record(RecordKind::run, ...);
class HistoryHook {
 public:
  void add_to(boost::program_options::options_description& options);

  // Unless --no-history, opens the history (creating it): before any simulating, so a
  // history that cannot be written fails at once (OutputError, exit 2: the file, the
  // reason, the fix) and nothing is written. `verb` and `args` are the command recorded.
  void open(const std::string& verb, const Args& args);

  // Records the command once `folder` is complete. Returns what the "wrote" line adds,
  // " (history: run 12)", or "" with --no-history. If recording fails, throws Error
  // (exit 1): the folder is complete, but the run is not in the history.
  std::string record(RecordKind kind, std::vector<RecordedScenario> scenarios, std::uint64_t seed,
                     int replications, const std::filesystem::path& folder,
                     std::vector<RecordedFigure> figures);

 private:
  std::string db_;
  bool off_ = false;
  std::optional<RunHistory> history_;
  std::vector<std::string> arguments_;
};

// A scenario as the history records it: its role ("scenario", "base", "alt"), name, hash.
RecordedScenario recorded_scenario(const std::string& role, const Scenario& scenario);
// The headline block of a summary (summary.json): each figure's mean and 95% CI, as
// figures of scenario `scenario` (its index in the record's scenarios).
std::vector<RecordedFigure> headline_figures(const SummaryJson& summary, int scenario = 0);
// A comparison: each figure's difference ALT - BASE with its paired 95% CI.
std::vector<RecordedFigure> difference_figures(const std::vector<PairedComparison>& rows);

}  // namespace tandem::cli
