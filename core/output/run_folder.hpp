// A run's folder: summary.json, metrics.csv, ledger.csv and scenario.yaml, written
// atomically (see atomic_folder.hpp): the folder appears under its name only complete.
#pragma once

#include "model/results.hpp"
#include "model/run_manifest.hpp"
#include "model/scenario.hpp"
#include "output/atomic_folder.hpp"
#include "output/summary.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace tandem {

// Called with the partial folder before it is renamed, and the summary written there, to
// add more files (report.html, earnings_curve.csv).
using AddFiles =
    std::function<void(const std::filesystem::path& partial, const SummaryJson& summary)>;

// A run folder written while the run goes: each replication's metric and ledger rows as
// it finishes (so the caller can release them, and memory does not grow with them), the
// rest once the run is over. The folder appears under its name only at finish(); if the
// writer is destroyed before, the partial folder goes with it. Every failure throws
// OutputError naming the folder, the reason and the fix.
class RunFolderWriter {
 public:
  // Begins the partial folder and the two tables. `agents` and `specs` are the run's
  // (RunResult::agents, metric_specs: scenario_agents(), metric_catalogue()).
  RunFolderWriter(std::filesystem::path dir, const Scenario& scenario,
                  const std::vector<Agent>& agents, const std::vector<MetricSpec>& specs,
                  bool replace_existing);
  ~RunFolderWriter();
  RunFolderWriter(const RunFolderWriter&) = delete;
  RunFolderWriter& operator=(const RunFolderWriter&) = delete;

  // Replication r's rows, r = 0, 1, 2, ... in order (RunOptions::on_replication).
  void add(int r, const ReplicationResult& replication);

  // summary.json (from the digests: the rows may have been released), scenario.yaml, the
  // statements and `add_files`, then the rename. Returns the summary it wrote.
  SummaryJson finish(const RunResult& result, const RunManifest& manifest,
                     const AddFiles& add_files = {});

 private:
  struct Tables;
  [[noreturn]] void fail(const std::exception& e) const;

  std::filesystem::path dir_;
  const Scenario& scenario_;
  std::unique_ptr<AtomicFolder> folder_;
  std::unique_ptr<Tables> tables_;
  int next_ = 0;
};

// Writes the run folder `dir` of a whole result at once (RunFolderWriter). If `dir` exists: without
// replace_existing, OutputError; with it, the old folder (which must be a run folder: empty or
// holding summary.json) is swapped out once the new one is complete. Any failure (including one in
// `add_files`) removes the partial folder and throws OutputError naming the folder, the reason and
// the fix. Returns the summary it wrote, for the terminal.
SummaryJson write_run_folder(const std::filesystem::path& dir, const Scenario& scenario,
                             const RunResult& result, const RunManifest& manifest,
                             bool replace_existing, const AddFiles& add_files = {});

// The checks write_run_folder() makes on `dir` before writing, without writing anything:
// call it before a long run so that a taken --out fails at once. Throws OutputError.
void check_run_folder(const std::filesystem::path& dir, bool replace_existing);

}  // namespace tandem
