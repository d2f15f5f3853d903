// Every input a fuzz target once failed on (tests/fuzz/regressions/<target>/) goes through
// the same entry point again in every build, not only in the fuzz build: each must load or
// be refused with a located tandem::Error, never crash or throw anything else. How the
// inputs are found and kept: docs/contributing.md, "Fuzzing".
#include "../fuzz/fuzz_inputs.hpp"

#include "common/input_file.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace tandem;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> regressions(const std::string& target) {
  const fs::path folder = fs::path(TANDEM_PROJECT_DIR) / "tests" / "fuzz" / "regressions" / target;
  std::vector<fs::path> files;
  if (fs::is_directory(folder))
    for (const auto& entry : fs::directory_iterator(folder))
      if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("fuzz regressions load or are refused with a located error", "[config]") {
  PluginRegistry plugins({fs::path(TANDEM_PLUGIN_DIR)});
  std::size_t cases = 0;
  for (const auto& file : regressions("scenario")) {
    INFO(file.string());
    CHECK_NOTHROW(fuzz::scenario_input(read_input_file(file, "scenario"), plugins));
    ++cases;
  }
  for (const auto& file : regressions("plan_file")) {
    INFO(file.string());
    CHECK_NOTHROW(fuzz::plan_file_input(read_input_file(file, "plan"), plugins));
    ++cases;
  }
  for (const auto& file : regressions("results_csv")) {
    INFO(file.string());
    CHECK_NOTHROW(fuzz::results_csv_input(read_input_file(file, "results")));
    ++cases;
  }
  CHECK(cases > 0);  // the folders moved or emptied would otherwise pass unnoticed
}
