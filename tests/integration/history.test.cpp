// The run history end to end: tandem run and compare record, tandem history lists and shows.
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

using namespace tandem::test;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {
const std::string kSmall = project_file("tests/integration/scenarios/small.yaml");

std::string quoted(const fs::path& p) {
  return "'" + p.string() + "'";
}
}  // namespace

TEST_CASE("runs and compares are listed newest first with their folders", "[integration]") {
  const fs::path dir = scratch("history-list");
  const fs::path db = dir / "history.sqlite";
  const std::string with_db = " --db " + quoted(db);
  REQUIRE(
      tandem_cmd("run '" + kSmall + "' -r 2 --out " + quoted(dir / "one") + with_db).exit_code ==
      0);
  const auto second =
      tandem_cmd("run '" + kSmall + "' -r 3 --seed 9 --out " + quoted(dir / "two") + with_db);
  REQUIRE(second.exit_code == 0);
  CHECK_THAT(second.out, Contains("(history: run 2)"));
  const auto compare = tandem_cmd("compare '" + kSmall + "' '" + kSmall +
                                  "' -r 2 --set-alt sales.pay.params.rate=0.2 --out " +
                                  quoted(dir / "cmp") + with_db);
  INFO(compare.err);
  REQUIRE(compare.exit_code == 0);

  const auto list = tandem_cmd("history" + with_db);
  INFO(list.err);
  REQUIRE(list.exit_code == 0);
  const auto at = [&](const fs::path& folder) { return list.out.find(folder.string()); };
  REQUIRE(at(dir / "cmp") != std::string::npos);
  REQUIRE(at(dir / "two") != std::string::npos);
  REQUIRE(at(dir / "one") != std::string::npos);
  CHECK(at(dir / "cmp") < at(dir / "two"));
  CHECK(at(dir / "two") < at(dir / "one"));
  CHECK_THAT(list.out, Contains("small vs small"));
  CHECK_THAT(list.out, Contains("all 3 of 3"));

  const auto json = nlohmann::json::parse(tandem_cmd("history --format json" + with_db).out);
  REQUIRE(json.size() == 3);
  CHECK(json[0]["kind"] == "compare");
  CHECK(json[0]["scenarios"].size() == 2);
  CHECK(json[0]["headlines"][0]["kind"] == "difference");
  CHECK(json[1]["seed"] == 9);
  CHECK(json[1]["replications"] == 3);
  CHECK(json[1]["arguments"][0] == "run");
  CHECK(json[2]["id"] == 1);
  CHECK(json[2]["folder"] == (dir / "one").string());

  const auto limited = nlohmann::json::parse(
      tandem_cmd("history --limit 1 --scenario small --format json" + with_db).out);
  REQUIRE(limited.size() == 1);
  CHECK(limited[0]["id"] == 3);
}

TEST_CASE("history show prints what was recorded and the headlines", "[integration]") {
  const fs::path dir = scratch("history-show");
  const std::string with_db = " --db " + quoted(dir / "history.sqlite");
  REQUIRE(tandem_cmd("run '" + kSmall + "' -r 2 --seed 5 --out " + quoted(dir / "run") + with_db)
              .exit_code == 0);
  const auto show = tandem_cmd("history show 1" + with_db);
  INFO(show.err);
  REQUIRE(show.exit_code == 0);
  CHECK_THAT(show.out, Contains("small  fnv1a64:"));
  CHECK_THAT(show.out, Contains("seed          5"));
  CHECK_THAT(show.out, Contains("command       tandem run "));  // the scenario: quoted if need be
  CHECK_THAT(show.out, Contains("small.yaml -r 2 --seed 5 --out "));
  CHECK_THAT(show.out, Contains((dir / "run").string()));
  CHECK_THAT(show.out, Contains("metric"));
  CHECK_THAT(show.out, Contains("95% CI"));
  CHECK_THAT(show.out, Contains("revenue"));

  // The recorded figures are summary.json's.
  const auto summary = nlohmann::json::parse(read_file(dir / "run" / "summary.json"));
  const auto recorded =
      nlohmann::json::parse(tandem_cmd("history show 1 --format json" + with_db).out);
  CHECK(recorded["scenarios"][0]["hash"] == summary["run"]["scenario_hash"]);
  for (const auto& h : recorded["headlines"])
    if (h["name"] == "revenue") CHECK(h["mean"] == summary["headline"]["revenue"]["mean"]);

  const auto unknown = tandem_cmd("history show 7" + with_db);
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Contains("no run 7"));
  CHECK_THAT(unknown.err, Contains("its runs are 1 to 1"));
  CHECK(tandem_cmd("history show seven" + with_db).exit_code == 2);
}

TEST_CASE("no history yet is said, with where it would be", "[integration]") {
  const fs::path db = scratch("history-none") / "history.sqlite";
  const auto list = tandem_cmd("history --db " + quoted(db));
  CHECK(list.exit_code == 0);
  CHECK_THAT(list.out, Contains("no run history yet"));
  CHECK_THAT(list.out, Contains(db.string()));
  const auto show = tandem_cmd("history show 1 --db " + quoted(db));
  CHECK(show.exit_code == 2);
  CHECK_THAT(show.err, Contains(db.string()));
  CHECK_FALSE(fs::exists(db));  // looking creates nothing
}

TEST_CASE("with --no-history nothing is recorded", "[integration]") {
  const fs::path dir = scratch("history-off");
  const fs::path db = dir / "history.sqlite";
  const auto r = tandem_cmd("run '" + kSmall + "' -r 2 --no-history --out " + quoted(dir / "run") +
                            " --db " + quoted(db));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("(history:") == std::string::npos);
  CHECK_FALSE(fs::exists(db));
  REQUIRE(tandem_cmd("run '" + kSmall + "' -r 2 --out " + quoted(dir / "recorded") + " --db " +
                     quoted(db))
              .exit_code == 0);
  REQUIRE(tandem_cmd("compare '" + kSmall + "' '" + kSmall + "' -r 2 --no-history --out " +
                     quoted(dir / "cmp") + " --db " + quoted(db))
              .exit_code == 0);
  const auto json =
      nlohmann::json::parse(tandem_cmd("history --format json --db " + quoted(db)).out);
  REQUIRE(json.size() == 1);
  CHECK(json[0]["folder"] == (dir / "recorded").string());
}

TEST_CASE("a history that cannot be written fails before anything is written: exit 2",
          "[integration]") {
  const fs::path dir = scratch("history-unwritable");
  std::ofstream(dir / "a-file") << "not a folder\n";
  const fs::path db = dir / "a-file" / "history.sqlite";
  for (const std::string& verb :
       {"run '" + kSmall + "'", "compare '" + kSmall + "' '" + kSmall + "'"}) {
    INFO(verb);
    const auto r = tandem_cmd(verb + " -r 2 --out " + quoted(dir / "out") + " --db " + quoted(db));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains(db.string()));
    CHECK_THAT(r.err, Contains("is a file, not a folder"));
    CHECK_THAT(r.err, Contains("--no-history"));
    // No run folder, no partial folder: only the file we made.
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  }

  // A damaged history: the same, and the file is left as it was.
  std::ofstream(dir / "damaged.sqlite") << std::string(4096, 'x');
  const auto r = tandem_cmd("run '" + kSmall + "' -r 2 --out " + quoted(dir / "out") + " --db " +
                            quoted(dir / "damaged.sqlite"));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("not an SQLite database"));
  CHECK_FALSE(fs::exists(dir / "out"));
  CHECK(fs::file_size(dir / "damaged.sqlite") == 4096);
}

TEST_CASE("a history damaged past its header stops a run before it simulates: exit 2",
          "[integration]") {
  const fs::path dir = scratch("history-damaged-pages");
  const fs::path db = dir / "history.sqlite";
  for (int i = 0; i < 3; ++i)
    REQUIRE(tandem_cmd("run '" + kSmall + "' -r 2 --out " +
                       quoted(dir / ("run" + std::to_string(i))) + " --db " + quoted(db))
                .exit_code == 0);
  // The header page stays, the pages of the records are overwritten.
  std::string bytes = read_file(db);
  REQUIRE(bytes.size() > 2 * 4096);
  std::fill(bytes.begin() + 4096, bytes.end(), '\xAB');
  std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes;

  const auto r =
      tandem_cmd("run '" + kSmall + "' -r 2 --out " + quoted(dir / "out") + " --db " + quoted(db));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err,
             Contains("cannot use the run history '" + db.string() + "': the file is damaged"));
  CHECK_THAT(r.err, Contains("--db FILE"));
  CHECK_THAT(r.err, Contains("--no-history"));
  CHECK_FALSE(fs::exists(dir / "out"));
  CHECK(read_file(db) == bytes);
}
