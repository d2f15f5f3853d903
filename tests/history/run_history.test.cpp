// The run history on real SQLite files: round trips, and every way a file can be refused.
#include "history/run_history.hpp"

#include <tandem/errors.hpp>
#include <tandem/version.hpp>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

using namespace tandem;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

fs::path fresh_folder(const std::string& name) {
  const fs::path dir = fs::path(TANDEM_TEST_TMP) / "history" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

RunRecord sample_run(const std::string& scenario, std::uint64_t seed) {
  RunRecord r;
  r.kind = RecordKind::run;
  r.scenarios = {{"scenario", scenario, "fnv1a64:0123456789abcdef"}};
  r.seed = seed;
  r.replications = 20;
  r.arguments = {"run", "scenarios/" + scenario + ".yaml", "--seed", std::to_string(seed)};
  r.directory = "/home/someone/project";
  r.folder = "/home/someone/project/runs/" + scenario;
  r.figures = {
      {FigureKind::mean, 0, "revenue", "money", 12551984.5, 11e6, 14e6},
      {FigureKind::mean, 0, "cost_of_sales_share", "share", 0.247, std::nullopt, std::nullopt}};
  return r;
}

void run_sql(const fs::path& file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// The message of the OutputError `f` throws ("" if it throws nothing or something else).
template <typename F>
std::string output_error(F&& f) {
  try {
    f();
  } catch (const OutputError& e) {
    return e.what();
  } catch (...) {
    return "(another exception)";
  }
  return "";
}

}  // namespace

TEST_CASE("records round trip, newest first, with their figures", "[history]") {
  const fs::path file = fresh_folder("round_trip") / "deep" / "history.sqlite";
  {
    RunHistory history = RunHistory::open_for_recording(file);  // creates the folders too
    CHECK(history.record(sample_run("baseline", 7)) == 1);
    RunRecord compare;
    compare.kind = RecordKind::compare;
    compare.scenarios = {{"base", "baseline", "fnv1a64:1"}, {"alt", "pay_mix", "fnv1a64:2"}};
    compare.seed = 18446744073709551615ull;  // beyond SQLite's signed integers
    compare.replications = 8;
    compare.arguments = {"compare", "a b.yaml", "it's.yaml"};
    compare.figures = {
        {FigureKind::difference, std::nullopt, "revenue", "money", -1500.25, -2000.0, -1000.5}};
    CHECK(history.record(compare) == 2);
    CHECK(history.record(sample_run("pay_mix", 3)) == 3);
  }

  const std::optional<RunHistory> history = RunHistory::open_existing(file);
  REQUIRE(history);
  const auto all = history->list();
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == 3);
  CHECK(all[1].id == 2);
  CHECK(all[2].id == 1);
  CHECK(history->list({2, ""}).size() == 2);

  const auto pay_mix = history->list({0, "pay_mix"});  // a compare's ALT counts too
  REQUIRE(pay_mix.size() == 2);
  CHECK(pay_mix[0].id == 3);
  CHECK(pay_mix[1].id == 2);
  CHECK(history->list({0, "no_such"}).empty());

  const auto run = history->find(1);
  REQUIRE(run);
  CHECK(run->kind == RecordKind::run);
  CHECK(run->time.size() == 20);  // 2026-01-01T12:00:00Z
  CHECK(run->time.back() == 'Z');
  CHECK(run->tandem_version == TANDEM_VERSION_STRING);
  CHECK(run->sdk_abi == TANDEM_SDK_ABI);
  CHECK(run->seed == 7);
  CHECK(run->replications == 20);
  CHECK(run->arguments == sample_run("baseline", 7).arguments);
  CHECK(run->folder == "/home/someone/project/runs/baseline");
  CHECK(run->directory == "/home/someone/project");
  REQUIRE(run->scenarios.size() == 1);
  CHECK(run->scenarios[0].name == "baseline");
  CHECK(run->scenarios[0].hash == "fnv1a64:0123456789abcdef");
  REQUIRE(run->figures.size() == 2);
  CHECK(run->figures[0].name == "revenue");
  CHECK(run->figures[0].kind == FigureKind::mean);
  CHECK(run->figures[0].scenario == 0);
  CHECK(run->figures[0].value == 12551984.5);
  CHECK(run->figures[0].ci_low == 11e6);
  CHECK(run->figures[0].ci_high == 14e6);
  CHECK_FALSE(run->figures[1].ci_low);  // one replication: no interval

  const auto compare = history->find(2);
  REQUIRE(compare);
  CHECK(compare->kind == RecordKind::compare);
  CHECK(compare->seed == 18446744073709551615ull);
  CHECK(compare->arguments == std::vector<std::string>{"compare", "a b.yaml", "it's.yaml"});
  REQUIRE(compare->scenarios.size() == 2);
  CHECK(compare->scenarios[1].role == "alt");
  REQUIRE(compare->figures.size() == 1);
  CHECK(compare->figures[0].kind == FigureKind::difference);
  CHECK_FALSE(compare->figures[0].scenario);
  CHECK(compare->figures[0].value == -1500.25);

  CHECK_FALSE(history->find(4));
  const HistoryIds ids = history->ids();
  CHECK(ids.count == 3);
  CHECK(ids.first == 1);
  CHECK(ids.last == 3);
}

TEST_CASE("the tables can be queried with plain SQL", "[history]") {
  const fs::path file = fresh_folder("sql") / "history.sqlite";
  RunHistory::open_for_recording(file).record(sample_run("baseline", 7));
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db,
                             "SELECT r.kind, s.name, h.mean FROM runs r JOIN scenarios s ON "
                             "s.run_id = r.id JOIN headlines h ON h.run_id = r.id "
                             "WHERE h.name = 'revenue' AND r.seed = 7",
                             -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) == "run");
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 1))) == "baseline");
  CHECK(sqlite3_column_double(s, 2) == 12551984.5);
  sqlite3_finalize(s);
  sqlite3_close(db);
}

TEST_CASE("a missing history is none for reading, and an empty file is an empty history",
          "[history]") {
  const fs::path dir = fresh_folder("missing");
  CHECK_FALSE(RunHistory::open_existing(dir / "none.sqlite"));
  CHECK_FALSE(fs::exists(dir / "none.sqlite"));  // reading creates nothing
  std::ofstream(dir / "empty.sqlite").flush();
  const auto empty = RunHistory::open_existing(dir / "empty.sqlite");
  REQUIRE(empty);
  CHECK(empty->list().empty());
  CHECK(empty->ids().count == 0);
  // And it can be recorded in.
  CHECK(RunHistory::open_for_recording(dir / "empty.sqlite").record(sample_run("b", 1)) == 1);
}

TEST_CASE("a history of a newer schema is refused, and left as it was", "[history]") {
  const fs::path file = fresh_folder("newer") / "history.sqlite";
  RunHistory::open_for_recording(file).record(sample_run("baseline", 7));
  run_sql(file, "PRAGMA user_version = 99");
  for (const bool recording : {true, false}) {
    INFO(recording);
    const std::string message = output_error([&] {
      if (recording)
        RunHistory::open_for_recording(file);
      else
        RunHistory::open_existing(file);
    });
    CHECK_THAT(message, Contains(file.string()));
    CHECK_THAT(message, Contains("newer Tandem (history schema 99"));
    CHECK_THAT(message, Contains("use a newer tandem"));
  }
  run_sql(file, "PRAGMA user_version = 1");  // untouched: readable again
  CHECK(RunHistory::open_existing(file)->list().size() == 1);
}

TEST_CASE("a history of schema 1 is migrated, its runs kept, and takes calibrations", "[history]") {
  const fs::path file = fresh_folder("schema1") / "history.sqlite";
  RunHistory::open_for_recording(file).record(sample_run("baseline", 7));
  // Back to schema 1 as it was: the runs table's CHECK without 'calibration'.
  run_sql(file, R"sql(
PRAGMA foreign_keys = OFF;
CREATE TABLE runs_v1 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('run', 'compare', 'sweep')),
  time TEXT NOT NULL, tandem_version TEXT NOT NULL, sdk_abi INTEGER NOT NULL, seed NOT NULL,
  replications INTEGER NOT NULL, arguments TEXT NOT NULL, directory TEXT NOT NULL,
  folder TEXT NOT NULL);
INSERT INTO runs_v1 SELECT * FROM runs;
DROP TABLE runs;
ALTER TABLE runs_v1 RENAME TO runs;
DELETE FROM schema_versions WHERE version = 2;
PRAGMA user_version = 1;
)sql");
  RunRecord calibration = sample_run("olist", 11);
  calibration.kind = RecordKind::calibration;
  CHECK(RunHistory::open_for_recording(file).record(calibration) == 2);
  const auto history = RunHistory::open_existing(file);
  const auto runs = history->list();
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].kind == RecordKind::calibration);
  CHECK(runs[1].kind == RecordKind::run);
  // The schema-1 run kept its scenario and figures.
  const auto old = history->find(1);
  REQUIRE(old);
  CHECK(old->scenarios[0].name == "baseline");
  REQUIRE(old->figures.size() == 2);
  CHECK(old->figures[0].value == Approx(12551984.5));
}

TEST_CASE("another program's database is refused", "[history]") {
  const fs::path file = fresh_folder("foreign") / "other.sqlite";
  run_sql(file, "CREATE TABLE notes (text TEXT)");
  const std::string message = output_error([&] { RunHistory::open_for_recording(file); });
  CHECK_THAT(message, Contains(file.string()));
  CHECK_THAT(message, Contains("another program's SQLite database"));
}

TEST_CASE("a corrupt file is refused with a clear message", "[history]") {
  const fs::path file = fresh_folder("corrupt") / "history.sqlite";
  {
    std::mt19937 bytes(42);
    std::ofstream out(file, std::ios::binary);
    for (int i = 0; i < 8192; ++i) out.put(static_cast<char>(bytes() & 0xff));
  }
  const auto before = fs::file_size(file);
  for (const bool recording : {true, false}) {
    INFO(recording);
    const std::string message = output_error([&] {
      if (recording)
        RunHistory::open_for_recording(file);
      else
        RunHistory::open_existing(file);
    });
    CHECK_THAT(message, Contains("cannot use the run history '" + file.string() + "'"));
    CHECK_THAT(message, Contains("not an SQLite database"));
  }
  CHECK(fs::file_size(file) == before);
}

TEST_CASE("a history damaged past its header is refused when opened for recording", "[history]") {
  const fs::path file = fresh_folder("damaged-pages") / "history.sqlite";
  {
    RunHistory history = RunHistory::open_for_recording(file);
    for (std::uint64_t seed = 1; seed <= 20; ++seed) history.record(sample_run("baseline", seed));
  }
  // Page 1 (the header and the schema) stays; every later page is overwritten.
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::size_t page = 4096;
  REQUIRE(bytes.size() > 2 * page);
  std::fill(bytes.begin() + page, bytes.end(), '\xAB');
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  const auto before = fs::file_size(file);

  const std::string message = output_error([&] { RunHistory::open_for_recording(file); });
  CHECK_THAT(message, Contains("cannot use the run history '" + file.string() + "'"));
  CHECK_THAT(message, Contains("the file is damaged"));
  CHECK_THAT(message, Contains("move it aside to start a new history"));
  CHECK(message.find('\n') == std::string::npos);
  CHECK(fs::file_size(file) == before);
}

TEST_CASE("an unwritable location gives an error naming the file and why", "[history]") {
  const fs::path dir = fresh_folder("unwritable");
  std::ofstream(dir / "a-file") << "not a folder\n";

  // A path whose parent is a regular file.
  const fs::path under_file = dir / "a-file" / "sub" / "history.sqlite";
  std::string message = output_error([&] { RunHistory::open_for_recording(under_file); });
  CHECK_THAT(message, Contains(under_file.string()));
  CHECK_THAT(message, Contains((dir / "a-file").string() + "' is a file, not a folder"));

  // A folder where the file should be.
  message = output_error([&] { RunHistory::open_for_recording(dir); });
  CHECK_THAT(message, Contains(dir.string()));
  CHECK_THAT(message, Contains("it is a folder"));

  // A read-only folder (root may write anywhere, so only as another user).
  if (::geteuid() != 0) {
    const fs::path locked = dir / "locked";
    fs::create_directories(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    message = output_error([&] { RunHistory::open_for_recording(locked / "history.sqlite"); });
    fs::permissions(locked, fs::perms::owner_all);
    CHECK_THAT(message, Contains((locked / "history.sqlite").string()));
    CHECK_THAT(message, Contains("ermission denied"));
  }
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) ==
        (::geteuid() != 0 ? 2 : 1));
}
