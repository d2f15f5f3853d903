#include "output/run_folder.hpp"

#include "output/summary.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>

#include "sample_run.hpp"

using namespace tandem;
using namespace tandem::testing;
namespace fs = std::filesystem;

namespace {

void write_sample(const fs::path& dir, bool replace = false, const AddFiles& add = {}) {
  write_run_folder(dir, sample_scenario(), sample_result(), sample_manifest(), replace, add);
}

// Names in `dir`, sorted.
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const OutputError& e) {
    return e.what();
  }
  return "(no OutputError)";
}

}  // namespace

TEST_CASE("a run folder holds the four files and nothing else is left beside it", "[output]") {
  const fs::path parent = fresh_folder("complete");
  write_sample(parent / "run");
  CHECK(listing(parent) == std::vector<std::string>{"run"});
  CHECK(listing(parent / "run") ==
        std::vector<std::string>{"ledger.csv", "metrics.csv", "scenario.yaml", "summary.json"});
  CHECK(read_text(parent / "run" / "scenario.yaml") == sample_scenario().resolved_yaml);
  const auto summary = SummaryJson::parse(read_text(parent / "run" / "summary.json"));
  CHECK(summary == make_summary(sample_scenario(), sample_result(), sample_manifest()));
}

TEST_CASE("ledger.csv and summary.json agree to the cent", "[output]") {
  const fs::path parent = fresh_folder("reconcile");
  write_sample(parent / "run");
  const auto rows = parse_csv(read_text(parent / "run" / "ledger.csv"));
  const auto summary = SummaryJson::parse(read_text(parent / "run" / "summary.json"));

  std::int64_t total = 0;
  std::map<std::string, std::int64_t> by_role, by_component;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::int64_t cents = std::stoll(rows[i][7]);
    CHECK(Money::parse(rows[i][8])->cents() == cents);
    total += cents;
    by_role[rows[i][4]] += cents;
    by_component[rows[i][6]] += cents;
  }
  CHECK(summary["ledger_rows"] == rows.size() - 1);
  CHECK(summary["pay"]["total_cents"] == total);
  for (const auto& [role, cents] : by_role)
    CHECK(summary["pay"]["by_role"][role]["total_cents"] == cents);
  for (const auto& [component, cents] : by_component)
    CHECK(summary["pay"]["by_component"][component]["total_cents"] == cents);
}

TEST_CASE("the same input gives byte-identical folders", "[output]") {
  const fs::path parent = fresh_folder("identical");
  write_sample(parent / "a");
  write_sample(parent / "b");
  for (const char* file : {"summary.json", "metrics.csv", "ledger.csv", "scenario.yaml"}) {
    INFO(file);
    CHECK(read_text(parent / "a" / file) == read_text(parent / "b" / file));
  }
}

TEST_CASE("an existing folder is kept unless replacing is asked for", "[output]") {
  const fs::path parent = fresh_folder("existing");
  const fs::path dir = parent / "run";
  fs::create_directories(dir);
  std::ofstream(dir / "summary.json") << "{}\n";
  const std::string message = message_of([&] { write_sample(dir); });
  CHECK(message ==
        "output folder '" + dir.string() +
            "' already exists: choose another with --out, or pass --force to replace it");
  CHECK(read_text(dir / "summary.json") == "{}\n");
  CHECK(listing(parent) == std::vector<std::string>{"run"});
  CHECK_THROWS_AS(check_run_folder(dir, false), OutputError);
  CHECK_NOTHROW(check_run_folder(dir, true));
}

TEST_CASE("replacing swaps in the new folder and removes the old one", "[output]") {
  const fs::path parent = fresh_folder("replace");
  const fs::path dir = parent / "run";
  fs::create_directories(dir);
  std::ofstream(dir / "summary.json") << "{}\n";
  std::ofstream(dir / "stale.txt") << "old\n";
  write_sample(dir, true);
  CHECK(listing(parent) == std::vector<std::string>{"run"});
  CHECK(listing(dir) ==
        std::vector<std::string>{"ledger.csv", "metrics.csv", "scenario.yaml", "summary.json"});
  CHECK(read_text(dir / "summary.json") != "{}\n");

  // An empty folder may be replaced too.
  const fs::path empty = parent / "empty";
  fs::create_directories(empty);
  write_sample(empty, true);
  CHECK(fs::exists(empty / "summary.json"));
}

TEST_CASE("replacing refuses a folder Tandem did not write", "[output]") {
  const fs::path parent = fresh_folder("not_a_run");
  const fs::path dir = parent / "documents";
  fs::create_directories(dir);
  std::ofstream(dir / "thesis.tex") << "precious\n";
  const std::string message = message_of([&] { write_sample(dir, true); });
  CHECK_THAT(message, Catch::Contains("holds no summary.json"));
  CHECK_THAT(message, Catch::Contains("--out"));
  CHECK(listing(dir) == std::vector<std::string>{"thesis.tex"});
  CHECK(listing(parent) == std::vector<std::string>{"documents"});

  std::ofstream(parent / "file") << "x\n";
  CHECK_THAT(message_of([&] { write_sample(parent / "file", true); }),
             Catch::Contains("is not a folder"));
}

TEST_CASE("a parent that cannot be created is reported with the fix", "[output]") {
  // Tests run as root, so permissions would not stop a write: a regular file in the
  // path does.
  const fs::path parent = fresh_folder("unwritable");
  std::ofstream(parent / "blocker") << "a file, not a folder\n";
  const fs::path dir = parent / "blocker" / "runs" / "first";
  const std::string message = message_of([&] { write_sample(dir); });
  CHECK_THAT(message, Catch::StartsWith("cannot create output folder '" + dir.string() + "'"));
  CHECK_THAT(message, Catch::Contains("Not a directory"));
  CHECK_THAT(message, Catch::EndsWith("choose a writable folder with --out"));
  CHECK(listing(parent) == std::vector<std::string>{"blocker"});
}

TEST_CASE("a failure while writing leaves nothing behind", "[output]") {
  const fs::path parent = fresh_folder("failure");
  const fs::path dir = parent / "run";
  const std::string message = message_of([&] {
    write_sample(dir, false, [](const fs::path&, const SummaryJson&) {
      throw std::runtime_error("disk on fire");
    });
  });
  CHECK(message == "cannot write output folder '" + dir.string() + "': disk on fire");
  CHECK(listing(parent).empty());

  // Bad results fail the same way, before the folder appears.
  RunResult bad = sample_result();
  bad.replications[0].ledger[0].person = 99;
  CHECK_THROWS_AS(write_run_folder(dir, sample_scenario(), bad, sample_manifest(), false),
                  OutputError);
  CHECK(listing(parent).empty());

  // A failed replace leaves the old folder as it was.
  write_sample(dir);
  const std::string before = read_text(dir / "summary.json");
  CHECK_THROWS_AS(
      write_sample(dir, true,
                   [](const fs::path&, const SummaryJson&) { throw std::runtime_error("no"); }),
      OutputError);
  CHECK(read_text(dir / "summary.json") == before);
  CHECK(listing(parent) == std::vector<std::string>{"run"});
}

TEST_CASE("extra files join the folder before it appears", "[output]") {
  const fs::path parent = fresh_folder("extra");
  write_sample(parent / "run", false, [](const fs::path& partial, const SummaryJson&) {
    CHECK_FALSE(fs::exists(partial / "summary.json"));
    CHECK(partial.filename().string().rfind(".run.partial-", 0) == 0);
    std::ofstream(partial / "report.html") << "<html></html>\n";
  });
  CHECK(fs::exists(parent / "run" / "report.html"));
}

TEST_CASE("folder names are taken as the user wrote them", "[output]") {
  const fs::path parent = fresh_folder("names");
  write_sample(parent / "nested" / "deeper" / "run/");
  CHECK(fs::exists(parent / "nested" / "deeper" / "run" / "summary.json"));
  CHECK_THAT(message_of([&] { write_sample(parent / "."); }), Catch::Contains("already exists"));
  CHECK_THAT(message_of([&] { write_sample(fs::path("/")); }),
             Catch::Contains("does not name a new folder"));
}
