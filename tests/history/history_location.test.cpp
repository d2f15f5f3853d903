// Where the run history lives: --db, then TANDEM_HISTORY_DB, then the XDG convention.
#include "history/history_location.hpp"

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace tandem;
namespace fs = std::filesystem;

namespace {

GetEnv environment(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> const char* {
    const auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

}  // namespace

TEST_CASE("the history follows the XDG convention", "[history]") {
  const auto home = history_location("", environment({{"HOME", "/home/ana"}}));
  CHECK(home.file == "/home/ana/.local/share/tandem/history.sqlite");
  CHECK(home.source == "HOME");

  const auto xdg =
      history_location("", environment({{"HOME", "/home/ana"}, {"XDG_DATA_HOME", "/data/ana"}}));
  CHECK(xdg.file == "/data/ana/tandem/history.sqlite");
  CHECK(xdg.source == "XDG_DATA_HOME");

  // Empty or relative XDG_DATA_HOME is ignored, as the convention says.
  for (const char* ignored : {"", "relative/data"})
    CHECK(history_location("", environment({{"HOME", "/home/ana"}, {"XDG_DATA_HOME", ignored}}))
              .source == "HOME");
}

TEST_CASE("TANDEM_HISTORY_DB overrides the default and --db overrides both", "[history]") {
  const auto vars = environment({{"HOME", "/home/ana"},
                                 {"XDG_DATA_HOME", "/data/ana"},
                                 {"TANDEM_HISTORY_DB", "/tmp/h.sqlite"}});
  CHECK(history_location("", vars).file == "/tmp/h.sqlite");
  CHECK(history_location("", vars).source == "TANDEM_HISTORY_DB");
  const auto db = history_location("/srv/runs.sqlite", vars);
  CHECK(db.file == "/srv/runs.sqlite");
  CHECK(db.source == "--db");
  // A relative path is taken from the working directory.
  CHECK(history_location("runs.sqlite", vars).file == fs::current_path() / "runs.sqlite");
  CHECK(history_location("", environment({{"TANDEM_HISTORY_DB", ""}, {"HOME", "/h"}})).source ==
        "HOME");
}

TEST_CASE("with no HOME and no XDG_DATA_HOME the user is told what to pass", "[history]") {
  try {
    history_location("", environment({}));
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK_THAT(e.what(), Catch::Matchers::Contains("--db FILE"));
  }
}
