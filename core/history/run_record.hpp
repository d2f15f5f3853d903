// What the run history keeps of one command that wrote a folder (tandem run, compare,
// sweep): when, with which Tandem, on which scenarios and seed, the command's words, the
// folder, and the headline figures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

enum class RecordKind { run, compare, sweep, calibration };

// "run", "compare", "sweep", "calibration".
std::string to_text(RecordKind kind);
// The kind named by `text`, or none.
std::optional<RecordKind> record_kind(std::string_view text);

struct RecordedScenario {
  std::string role;  // "scenario" (run), "base" and "alt" (compare), a sweep's own labels
  std::string name;
  std::string hash;  // "fnv1a64:<16 hex digits>", as summary.json has it
};

// A headline figure of one scenario (kind "mean": its mean over the replications and
// 95% CI), or of a comparison (kind "difference": the mean of the per-replication
// differences ALT - BASE and the paired 95% CI).
enum class FigureKind { mean, difference };
std::string to_text(FigureKind kind);

struct RecordedFigure {
  FigureKind kind = FigureKind::mean;
  std::optional<int> scenario;  // index into RunRecord::scenarios; none for a difference
  std::string name;
  std::string unit;             // "money", "share", "count", "days"
  std::optional<double> value;  // the mean, or the mean difference
  std::optional<double> ci_low, ci_high;
};

struct RunRecord {
  std::int64_t id = 0;  // given by the history when recorded: the RUN of `tandem history show`
  RecordKind kind = RecordKind::run;
  std::string time;  // UTC, ISO 8601: "2026-01-01T12:00:00Z"
  std::string tandem_version;
  int sdk_abi = 0;
  std::vector<RecordedScenario> scenarios;
  std::uint64_t seed = 0;
  int replications = 0;
  std::vector<std::string> arguments;  // the command's words after `tandem`
  std::string directory;               // the working directory it ran in (absolute)
  std::string folder;                  // the folder it wrote (absolute)
  std::vector<RecordedFigure> figures;
};

}  // namespace tandem
