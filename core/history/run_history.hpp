// The run history: one SQLite file recording every run, compare and sweep (see
// run_record.hpp), for `tandem history`. docs/experiments.md describes the tables.
//
// The file is marked as Tandem's (PRAGMA application_id) and carries its schema version
// (PRAGMA user_version, and a row per version in the schema_versions table); a file
// written by a newer Tandem, another program's database or a damaged file is refused
// with a message naming it, never changed. Every write is one transaction, with bound
// parameters only.
#pragma once

#include "history/run_record.hpp"
#include "history/sqlite.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tandem {

// What `tandem history` lists.
struct HistoryQuery {
  int limit = 0;         // newest first; 0: all
  std::string scenario;  // only records with a scenario of this name; empty: all
};

// The ids recorded so far: `count` of them, from `first` to `last`.
struct HistoryIds {
  std::int64_t count = 0, first = 0, last = 0;
};

class RunHistory {
 public:
  static constexpr int kSchemaVersion = 2;
  static constexpr std::int32_t kApplicationId = 0x546e646d;  // "Tndm"

  // Opens the history at `file` for recording, creating it (and its folders) if needed,
  // and checks now that it can be written, so that a command can fail before it does
  // any work. Throws OutputError: "cannot use the run history '<file>': <reason>".
  static RunHistory open_for_recording(const std::filesystem::path& file);
  // Opens an existing history read-only; none when there is no file at `file`. Throws
  // OutputError as above.
  static std::optional<RunHistory> open_existing(const std::filesystem::path& file);

  const std::filesystem::path& file() const { return file_; }

  // Records `record` in one transaction and returns its id. Fills in `time`, and the
  // Tandem version and SDK ABI, when they are empty. Throws OutputError.
  std::int64_t record(RunRecord record);

  // Records newest first. Throws OutputError.
  std::vector<RunRecord> list(const HistoryQuery& query = {}) const;
  // The record with this id, or none. Throws OutputError.
  std::optional<RunRecord> find(std::int64_t id) const;
  HistoryIds ids() const;

 private:
  RunHistory(std::filesystem::path file, sqlite::Database db, bool empty);
  std::vector<RunRecord> select(std::optional<std::int64_t> id, const std::string& scenario,
                                int limit) const;

  std::filesystem::path file_;
  mutable sqlite::Database db_;
  bool empty_;  // a read-only history with no tables yet (an empty file)
};

}  // namespace tandem
