// Recording a workflow that wrote a folder in the run history (`tandem history`): opened
// before simulating, so a history that cannot be written fails before any work is done,
// and recorded once the folder is complete.
#pragma once

#include "history/run_history.hpp"
#include "history/run_record.hpp"
#include "model/scenario.hpp"
#include "output/summary.hpp"
#include "stats/paired_comparison.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tandem::study {

class Recording {
 public:
  // Records nothing: what --no-history gives.
  Recording() = default;

  // Opens (creating it) the history file `db`, or the default one when `db` is empty
  // (history/history_location.hpp). `command` is the command as recorded: the verb and
  // its words. Throws OutputError (the file, the reason, the fix) if it cannot be written.
  Recording(const std::string& db, std::vector<std::string> command);

  // Records the command once `folder` is complete. Returns what the "wrote" line adds,
  // " (history: run 12)", or "" when recording nothing. If recording fails, throws Error:
  // the folder is complete, but the command is not in the history.
  std::string record(RecordKind kind, std::vector<RecordedScenario> scenarios, std::uint64_t seed,
                     int replications, const std::filesystem::path& folder,
                     std::vector<RecordedFigure> figures);

 private:
  std::optional<RunHistory> history_;
  std::vector<std::string> command_;
};

// A scenario as the history records it: its role ("scenario", "base", "alt"), name, hash.
RecordedScenario recorded_scenario(const std::string& role, const Scenario& scenario);
// The headline block of a summary (summary.json): each figure's mean and 95% CI, as
// figures of scenario `scenario` (its index in the record's scenarios).
std::vector<RecordedFigure> headline_figures(const SummaryJson& summary, int scenario = 0);
// A comparison: each figure's difference ALT - BASE with its paired 95% CI.
std::vector<RecordedFigure> difference_figures(const std::vector<PairedComparison>& rows);

}  // namespace tandem::study
