#include "history/run_history.hpp"

#include <tandem/errors.hpp>
#include <tandem/version.hpp>

#include <fmt/core.h>
#include <sqlite3.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <limits>
#include <system_error>
#include <utility>

namespace fs = std::filesystem;

namespace tandem {
namespace {

constexpr int kBusyTimeoutMs = 10000;

// The tables, as docs/experiments.md describes them. Version 2 (version 1 had no
// 'calibration' kind of run). The runs table's columns stand alone: the migration from
// version 1 builds the table again from them.
constexpr const char* kRunsColumns = R"sql((
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('run', 'compare', 'sweep', 'calibration')),
  time TEXT NOT NULL,
  tandem_version TEXT NOT NULL,
  sdk_abi INTEGER NOT NULL,
  seed NOT NULL,
  replications INTEGER NOT NULL,
  arguments TEXT NOT NULL,
  directory TEXT NOT NULL,
  folder TEXT NOT NULL
))sql";
constexpr const char* kSchema = R"sql(
CREATE TABLE schema_versions (
  version INTEGER PRIMARY KEY,
  applied TEXT NOT NULL,
  tandem_version TEXT NOT NULL
);
CREATE TABLE runs %RUNS%;
CREATE TABLE scenarios (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (run_id, position)
);
CREATE INDEX scenarios_by_name ON scenarios (name);
CREATE TABLE headlines (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('mean', 'difference')),
  scenario INTEGER,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  mean REAL,
  ci_low REAL,
  ci_high REAL,
  PRIMARY KEY (run_id, position)
);
CREATE INDEX headlines_by_name ON headlines (name);
)sql";

std::string now_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

[[noreturn]] void refuse(const fs::path& file, const std::string& reason) {
  throw OutputError(fmt::format("cannot use the run history '{}': {}", file.string(), reason));
}

// What went wrong, in words, from what SQLite reported.
std::string reason(const sqlite::Failure& f) {
  const std::string said = f.what();
  switch (f.code()) {
    case SQLITE_NOTADB:
      return "it is not an SQLite database (it may be damaged, or another program's file)";
    case SQLITE_CORRUPT:
      return "the file is damaged (" + said + "); move it aside to start a new history";
    case SQLITE_READONLY:
      return "it cannot be written (" + said + "); the file and its folder must both be writable";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return fmt::format("another program has held it locked for {} s ({})", kBusyTimeoutMs / 1000,
                         said);
    case SQLITE_FULL:
      return "the disk is full (" + said + ")";
    default:
      return said;
  }
}

// Adds the operating system's reason (errno) for a failure to read or write.
std::string reason(const sqlite::Failure& f, const sqlite::Database* db) {
  std::string text = reason(f);
  if (db && f.code() == SQLITE_IOERR) {
    const int os = sqlite3_system_errno(db->handle());
    if (os != 0) text += std::string(": ") + std::strerror(os);
  }
  return text;
}

// The folder the history goes in, created if needed; a part of it that is a file is named.
void make_folder(const fs::path& file) {
  const fs::path folder = file.parent_path();
  std::error_code ec;
  if (fs::is_directory(folder, ec)) return;
  for (fs::path p = folder; !p.empty() && p != p.root_path(); p = p.parent_path()) {
    if (fs::exists(p, ec) && !fs::is_directory(p, ec))
      refuse(file, "'" + p.string() + "' is a file, not a folder");
    if (fs::exists(p, ec)) break;
  }
  fs::create_directories(folder, ec);
  if (ec) refuse(file, "cannot create its folder '" + folder.string() + "': " + ec.message());
}

// A new file needs a folder it may create files in.
void check_creatable(const fs::path& file) {
  std::error_code ec;
  if (fs::exists(file, ec)) return;
  const fs::path folder = file.parent_path();
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    refuse(file,
           fmt::format("cannot create it in '{}': {}", folder.string(), std::strerror(errno)));
}

std::int64_t pragma(sqlite::Database& db, const char* name) {
  sqlite::Statement s(db, std::string("PRAGMA ") + name);
  return s.step() ? s.integer(0) : 0;
}

std::int64_t table_count(sqlite::Database& db) {
  sqlite::Statement s(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
  return s.step() ? s.integer(0) : 0;
}

// A file damaged past its header opens, and its header reads, yet writing a record fails:
// found only once the command's work is done. SQLite's quick check reads every page, in
// well under a second for any history, so it is found before the work instead.
void check_intact(const fs::path& file, sqlite::Database& db) {
  sqlite::Statement s(db, "PRAGMA quick_check(1)");
  std::string found = s.step() ? s.text(0) : "no answer";
  std::replace(found.begin(), found.end(), '\n', ' ');  // one line of the message
  if (found != "ok")
    refuse(file, "the file is damaged (SQLite's check of it found: " + found +
                     "); move it aside to start a new history");
}

// Checks what is in the file: none of the tables yet (true), or a history this tandem
// can read and write (false). Anything else is refused.
bool check_schema(const fs::path& file, sqlite::Database& db) {
  const std::int64_t app = pragma(db, "application_id"), version = pragma(db, "user_version");
  const std::int64_t tables = table_count(db);
  if (app == 0 && version == 0 && tables == 0) return true;
  if (app != RunHistory::kApplicationId)
    refuse(file, "it is another program's SQLite database, not a Tandem run history");
  if (version > RunHistory::kSchemaVersion)
    refuse(file, fmt::format("it was written by a newer Tandem (history schema {}; this tandem "
                             "knows schema {} at most): use a newer tandem",
                             version, RunHistory::kSchemaVersion));
  // A later schema version migrates older files here, in the caller's transaction.
  if (version < 1 || tables < 4)
    refuse(file, fmt::format("it is damaged: history schema {} with {} tables", version, tables));
  return false;
}

// Version 1 -> 2: the runs table's CHECK admits 'calibration'. SQLite cannot change a
// CHECK in place, so the table is rebuilt (SQLite's documented way: a new table, the rows
// copied, the old one dropped, the new one renamed), with foreign keys off so that the
// other tables' rows stay. Runs in its own transaction, before foreign keys are turned on.
void migrate_from_1(sqlite::Database& db) {
  sqlite::Transaction transaction(db);
  db.exec(fmt::format("CREATE TABLE runs_v2 {};\n"
                      "INSERT INTO runs_v2 SELECT * FROM runs;\n"
                      "DROP TABLE runs;\n"
                      "ALTER TABLE runs_v2 RENAME TO runs;",
                      kRunsColumns)
              .c_str());
  sqlite::Statement version(db,
                            "INSERT INTO schema_versions (version, applied, tandem_version) "
                            "VALUES (?1, ?2, ?3)");
  version.bind(1, std::int64_t{2})
      .bind(2, now_utc())
      .bind(3, std::string(TANDEM_VERSION_STRING))
      .run();
  db.exec("PRAGMA user_version = 2");
  transaction.commit();
}

void create_schema(sqlite::Database& db) {
  std::string schema = kSchema;
  schema.replace(schema.find("%RUNS%"), 6, kRunsColumns);
  db.exec(schema.c_str());
  sqlite::Statement version(db,
                            "INSERT INTO schema_versions (version, applied, tandem_version) "
                            "VALUES (?1, ?2, ?3)");
  version.bind(1, std::int64_t{RunHistory::kSchemaVersion})
      .bind(2, now_utc())
      .bind(3, std::string(TANDEM_VERSION_STRING))
      .run();
  // PRAGMA takes no bound parameters; these are the program's constants.
  db.exec(fmt::format("PRAGMA application_id = {}", RunHistory::kApplicationId).c_str());
  db.exec(fmt::format("PRAGMA user_version = {}", RunHistory::kSchemaVersion).c_str());
}

}  // namespace

RunHistory::RunHistory(fs::path file, sqlite::Database db, bool empty)
    : file_(std::move(file)), db_(std::move(db)), empty_(empty) {}

RunHistory RunHistory::open_for_recording(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) refuse(file, "it is a folder; name a file in it instead");
  make_folder(file);
  check_creatable(file);
  std::optional<sqlite::Database> db;
  try {
    db.emplace(file, sqlite::Database::Mode::read_write_create, kBusyTimeoutMs);
    if (db->read_only()) refuse(file, "the file is read-only");
    check_intact(file, *db);
    if (pragma(*db, "application_id") == kApplicationId && pragma(*db, "user_version") == 1)
      migrate_from_1(*db);
    db->exec("PRAGMA foreign_keys = ON");
    sqlite::Transaction transaction(*db);
    if (check_schema(file, *db)) create_schema(*db);
    // Writes the header again (the same version) so that a file or folder that cannot be
    // written fails here, before the command does its work, rather than when recording.
    db->exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion).c_str());
    transaction.commit();
  } catch (const sqlite::Failure& f) {
    refuse(file, reason(f, db ? &*db : nullptr));
  }
  return RunHistory(file, std::move(*db), false);
}

std::optional<RunHistory> RunHistory::open_existing(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  if (fs::is_directory(file, ec)) refuse(file, "it is a folder; name a file in it instead");
  std::optional<sqlite::Database> db;
  bool empty = false;
  try {
    db.emplace(file, sqlite::Database::Mode::read_only, kBusyTimeoutMs);
    empty = check_schema(file, *db);
  } catch (const sqlite::Failure& f) {
    refuse(file, reason(f, db ? &*db : nullptr));
  }
  return RunHistory(file, std::move(*db), empty);
}

std::int64_t RunHistory::record(RunRecord r) {
  if (r.time.empty()) r.time = now_utc();
  if (r.tandem_version.empty()) r.tandem_version = TANDEM_VERSION_STRING;
  if (r.sdk_abi == 0) r.sdk_abi = TANDEM_SDK_ABI;
  try {
    sqlite::Transaction transaction(db_);
    sqlite::Statement run(db_,
                          "INSERT INTO runs (kind, time, tandem_version, sdk_abi, seed, "
                          "replications, arguments, directory, folder) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    run.bind(1, to_text(r.kind)).bind(2, r.time).bind(3, r.tandem_version);
    run.bind(4, std::int64_t{r.sdk_abi});
    // SQLite's integers are signed 64-bit: a larger seed is kept exactly, as text.
    if (r.seed <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      run.bind(5, static_cast<std::int64_t>(r.seed));
    else
      run.bind(5, std::to_string(r.seed));
    run.bind(6, std::int64_t{r.replications})
        .bind(7, nlohmann::json(r.arguments).dump())
        .bind(8, r.directory)
        .bind(9, r.folder)
        .run();
    const std::int64_t id = db_.last_insert_rowid();

    sqlite::Statement scenario(db_,
                               "INSERT INTO scenarios (run_id, position, role, name, hash) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)");
    for (std::size_t i = 0; i < r.scenarios.size(); ++i)
      scenario.bind(1, id)
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, r.scenarios[i].role)
          .bind(4, r.scenarios[i].name)
          .bind(5, r.scenarios[i].hash)
          .run();

    sqlite::Statement figure(db_,
                             "INSERT INTO headlines (run_id, position, kind, scenario, name, "
                             "unit, mean, ci_low, ci_high) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    for (std::size_t i = 0; i < r.figures.size(); ++i) {
      const RecordedFigure& f = r.figures[i];
      figure.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, to_text(f.kind));
      if (f.scenario)
        figure.bind(4, std::int64_t{*f.scenario});
      else
        figure.bind_null(4);
      figure.bind(5, f.name).bind(6, f.unit).bind(7, f.value).bind(8, f.ci_low);
      figure.bind(9, f.ci_high).run();
    }
    transaction.commit();
    return id;
  } catch (const sqlite::Failure& f) {
    refuse(file_, reason(f, &db_));
  }
}

std::vector<RunRecord> RunHistory::select(std::optional<std::int64_t> id,
                                          const std::string& scenario_name, int limit) const {
  std::vector<RunRecord> records;
  if (empty_) return records;
  try {
    sqlite::Statement runs(
        db_,
        "SELECT id, kind, time, tandem_version, sdk_abi, seed, replications, arguments, "
        "directory, folder FROM runs "
        "WHERE (?1 IS NULL OR id = ?1) AND (?2 IS NULL OR EXISTS (SELECT 1 FROM scenarios s "
        "WHERE s.run_id = runs.id AND s.name = ?2)) "
        "ORDER BY id DESC LIMIT ?3");
    if (id)
      runs.bind(1, *id);
    else
      runs.bind_null(1);
    if (scenario_name.empty())
      runs.bind_null(2);
    else
      runs.bind(2, scenario_name);
    runs.bind(3, std::int64_t{limit > 0 ? limit : -1});
    while (runs.step()) {
      RunRecord r;
      r.id = runs.integer(0);
      r.kind = record_kind(runs.text(1)).value_or(RecordKind::run);
      r.time = runs.text(2);
      r.tandem_version = runs.text(3);
      r.sdk_abi = static_cast<int>(runs.integer(4));
      r.seed = runs.is_integer(5) ? static_cast<std::uint64_t>(runs.integer(5))
                                  : std::stoull(runs.text(5));
      r.replications = static_cast<int>(runs.integer(6));
      const auto arguments = nlohmann::json::parse(runs.text(7), nullptr, false);
      if (arguments.is_array())
        for (const auto& word : arguments)
          if (word.is_string()) r.arguments.push_back(word.get<std::string>());
      r.directory = runs.text(8);
      r.folder = runs.text(9);
      records.push_back(std::move(r));
    }

    sqlite::Statement scenarios(db_,
                                "SELECT role, name, hash FROM scenarios WHERE run_id = ?1 "
                                "ORDER BY position");
    sqlite::Statement figures(db_,
                              "SELECT kind, scenario, name, unit, mean, ci_low, ci_high "
                              "FROM headlines WHERE run_id = ?1 ORDER BY position");
    for (RunRecord& r : records) {
      scenarios.bind(1, r.id);
      while (scenarios.step())
        r.scenarios.push_back({scenarios.text(0), scenarios.text(1), scenarios.text(2)});
      scenarios.reset();
      figures.bind(1, r.id);
      while (figures.step()) {
        RecordedFigure f;
        f.kind = figures.text(0) == "difference" ? FigureKind::difference : FigureKind::mean;
        if (!figures.is_null(1)) f.scenario = static_cast<int>(figures.integer(1));
        f.name = figures.text(2);
        f.unit = figures.text(3);
        f.value = figures.optional_real(4);
        f.ci_low = figures.optional_real(5);
        f.ci_high = figures.optional_real(6);
        r.figures.push_back(std::move(f));
      }
      figures.reset();
    }
  } catch (const sqlite::Failure& f) {
    refuse(file_, reason(f, &db_));
  } catch (const std::exception& e) {  // a seed that is not a number: not written by Tandem
    refuse(file_, std::string("it is damaged: ") + e.what());
  }
  return records;
}

std::vector<RunRecord> RunHistory::list(const HistoryQuery& query) const {
  return select(std::nullopt, query.scenario, query.limit);
}

std::optional<RunRecord> RunHistory::find(std::int64_t id) const {
  std::vector<RunRecord> found = select(id, "", 1);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

HistoryIds RunHistory::ids() const {
  if (empty_) return {};
  try {
    sqlite::Statement s(db_, "SELECT count(*), min(id), max(id) FROM runs");
    if (!s.step()) return {};
    return {s.integer(0), s.integer(1), s.integer(2)};
  } catch (const sqlite::Failure& f) {
    refuse(file_, reason(f, &db_));
  }
}

}  // namespace tandem
