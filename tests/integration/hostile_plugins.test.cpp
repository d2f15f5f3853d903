// Plugins that crash, abort, exit, hang or print inside a call: each is named (plugin,
// call, for whom), the exit code is 1 (130 when interrupted) and no folder is left, not
// even a hidden unfinished one.
#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>

using namespace tandem::test;
namespace fs = std::filesystem;

namespace {

const std::string kHostile = project_file("tests/hostile/scenario.yaml");

// The sanitizer build's tests run with ASAN_OPTIONS set (CMakePresets.json).
bool sanitized() {
  return std::getenv("ASAN_OPTIONS") != nullptr;
}

// Runs the hostile scenario with `set` overrides into a fresh folder; returns the result
// and whether anything at all was left in the folder's parent.
struct Outcome {
  CommandResult result;
  bool left_anything = false;
};

Outcome run_with(const std::string& name, const std::string& set, const std::string& more = "") {
  const fs::path parent = scratch("hostile-" + name);
  const auto r =
      tandem_cmd("run '" + kHostile + "' " + set + " --plugin-path '" + TANDEM_HOSTILE_PLUGIN_DIR +
                 "' --no-history --out '" + (parent / "out").string() + "' " + more);
  return {r, !fs::is_empty(parent)};
}

}  // namespace

TEST_CASE("a plugin that crashes inside pay() is named, with the call and the person",
          "[integration]") {
  const Outcome o = run_with("segfault", "--set sales.pay.plugin=segfault_pay");
  INFO(o.result.err);
  CHECK(o.result.exit_code == 1);
  CHECK(o.result.err.find("error: plugin 'segfault_pay' (") != std::string::npos);
  // Under the sanitizers a fault they catch first ends in abort(): named all the same.
  CHECK((o.result.err.find("segfault_pay.so) failed: pay() for rep-01 crashed (SIGSEGV") !=
             std::string::npos ||
         (sanitized() &&
          o.result.err.find("segfault_pay.so) failed: pay() for rep-01 aborted (SIGABRT") !=
              std::string::npos)));
  CHECK_FALSE(o.left_anything);
}

TEST_CASE("a plugin that aborts, or exits with 0, fails the run by name", "[integration]") {
  const Outcome aborted = run_with("abort", "--set sales.pay.plugin=abort_pay");
  INFO(aborted.result.err);
  CHECK(aborted.result.exit_code == 1);
  CHECK(aborted.result.err.find("pay() for rep-01 aborted (SIGABRT") != std::string::npos);
  CHECK_FALSE(aborted.left_anything);
  const Outcome exited = run_with("exit", "--set sales.pay.plugin=exit_pay");
  INFO(exited.result.err);
  CHECK(exited.result.exit_code == 1);
  CHECK(exited.result.err.find("plugin 'exit_pay'") != std::string::npos);
  CHECK(exited.result.err.find("pay() for rep-01 called exit()") != std::string::npos);
  CHECK_FALSE(exited.left_anything);
}

TEST_CASE("a lead policy that crashes is named with the lead it was deciding on", "[integration]") {
  const Outcome o = run_with("policy", "--set lead_policy.plugin=segfault_policy");
  INFO(o.result.err);
  CHECK(o.result.exit_code == 1);
  CHECK(o.result.err.find("plugin 'segfault_policy'") != std::string::npos);
  CHECK(o.result.err.find("is_mql() for lead ") != std::string::npos);
  CHECK_FALSE(o.left_anything);
}

TEST_CASE("a plugin call that never returns is stopped at the time limit", "[integration]") {
  const auto start = std::chrono::steady_clock::now();
  const Outcome o = run_with("loop", "--set sales.pay.plugin=loop_pay", "--plugin-time-limit 1");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO(o.result.err);
  CHECK(o.result.exit_code == 1);
  CHECK(o.result.err.find("pay() for rep-01 did not return within 1 seconds") != std::string::npos);
  CHECK(seconds < 30);
  CHECK_FALSE(o.left_anything);
}

TEST_CASE("a plugin that prints to standard output is named, and nothing is printed for it",
          "[integration]") {
  const Outcome o = run_with("printf", "--set sales.pay.plugin=printf_pay", "--format json");
  INFO(o.result.err);
  CHECK(o.result.exit_code == 1);
  CHECK(o.result.err.find("plugin 'printf_pay'") != std::string::npos);
  CHECK(o.result.err.find("wrote to standard output (\"debug: paying someone") !=
        std::string::npos);
  CHECK(o.result.out.empty());
  CHECK_FALSE(o.left_anything);
}

TEST_CASE("a library that crashes while it opens, or has another layout, is refused by name",
          "[integration]") {
  const Outcome crashed = run_with("crash-on-load", "--set sales.pay.plugin=crash_on_load");
  INFO(crashed.result.err);
  CHECK(crashed.result.exit_code == 2);
  CHECK(crashed.result.err.find("crash_on_load.so: not loadable: opening it crashed (SIG") !=
        std::string::npos);
  CHECK_FALSE(crashed.left_anything);
  const Outcome layout = run_with("wrong-layout", "--set sales.pay.plugin=wrong_layout");
  INFO(layout.result.err);
  CHECK(layout.result.exit_code == 2);
  CHECK(layout.result.err.find("it lays out the SDK's types differently from this tandem") !=
        std::string::npos);
  const Outcome strings = run_with("old-string", "--set sales.pay.plugin=old_string_abi");
  INFO(strings.result.err);
  CHECK(strings.result.exit_code == 2);
  CHECK(strings.result.err.find("it was built with another std::string (8 bytes") !=
        std::string::npos);
}

TEST_CASE("with broken libraries on the path, plugins list and 'did you mean' still answer",
          "[integration]") {
  const std::string path = std::string(" --plugin-path '") + TANDEM_HOSTILE_PLUGIN_DIR + "'";
  const auto listed = tandem_cmd("plugins list" + path);
  INFO(listed.err);
  CHECK(listed.exit_code == 0);
  const auto apart = listed.out.find("Could not load:");
  REQUIRE(apart != std::string::npos);
  CHECK(listed.out.find("crash_on_load.so: not loadable", apart) != std::string::npos);
  CHECK(listed.out.find("segfault_pay ") < apart);  // it loads: it faults only when called
  const auto misspelt =
      tandem_cmd("validate '" + kHostile + "' --set sales.pay.plugin=segfault_pya" + path);
  CHECK(misspelt.exit_code == 2);
  CHECK(misspelt.err.find("did you mean 'segfault_pay'?") != std::string::npos);
}

TEST_CASE(
    "runs started in the same second, one after another or side by side, each keep "
    "their folder",
    "[integration]") {
  const fs::path dir = scratch("same-second");
  const std::string cd = "cd '" + dir.string() + "' &&";
  const std::string run = "run '" + project_file("tests/integration/scenarios/small.yaml") +
                          "' -r 1 --set horizon.periods=13 --no-history";
  for (int i = 0; i < 3; ++i) CHECK(tandem_cmd(run, cd).exit_code == 0);
  // Two at once: the second's name is reserved the moment it is chosen.
  const auto both =
      tandem_cmd(run + " & '" + std::string(TANDEM_BINARY) + "' " + run + "; wait; }", cd + " {");
  CHECK(both.exit_code == 0);
  int folders = 0;
  for (const auto& entry : fs::directory_iterator(dir / "runs")) {
    CHECK(entry.path().filename().string().rfind("small-", 0) == 0);  // no hidden leftovers
    CHECK(fs::exists(entry.path() / "summary.json"));
    ++folders;
  }
  CHECK(folders == 5);
  // A run that fails leaves no folder, not even the empty one it reserved.
  const auto failed =
      tandem_cmd("run '" + kHostile + "' --set sales.pay.plugin=exit_pay --plugin-path '" +
                     TANDEM_HOSTILE_PLUGIN_DIR + "' --no-history",
                 cd);
  CHECK(failed.exit_code == 1);
  folders = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "runs")) ++folders;
  CHECK(folders == 5);
}

TEST_CASE("unfinished folders left by a killed run are reported, and tandem clean removes them",
          "[integration]") {
  const fs::path dir = scratch("left-over");
  const fs::path stale = dir / ".old-run.partial-abc123", fresh = dir / ".new-run.partial-def456";
  fs::create_directories(stale);
  fs::create_directories(fresh);
  std::ofstream(stale / "metrics.csv") << std::string(2'000'000, 'x');
  const auto two_hours_ago = fs::file_time_type::clock::now() - std::chrono::hours(2);
  fs::last_write_time(stale, two_hours_ago);
  const auto r = tandem_cmd("run '" + project_file("tests/integration/scenarios/small.yaml") +
                            "' -r 1 --set horizon.periods=13 --no-history --out '" +
                            (dir / "run").string() + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("holds 1 unfinished folder (2.0 MB) left by runs that were stopped") !=
        std::string::npos);
  // Clean: the stale one goes; the fresh one may be a run still writing and stays.
  auto cleaned = tandem_cmd("clean '" + dir.string() + "'");
  CHECK(cleaned.exit_code == 0);
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(fresh));
  CHECK(fs::exists(dir / "run" / "summary.json"));
  cleaned = tandem_cmd("clean '" + dir.string() + "' --all");
  CHECK_FALSE(fs::exists(fresh));
  CHECK(fs::exists(dir / "run" / "summary.json"));
}

TEST_CASE("a plugin path anyone can write to, a relative one, and a name found twice are said",
          "[integration]") {
  const fs::path dir = scratch("plugin-path-trust");
  const fs::path open_folder = dir / "open";
  fs::create_directories(open_folder);
  fs::copy(std::string(TANDEM_PLUGIN_DIR) + "/flat_commission.so", open_folder);
  fs::permissions(open_folder, fs::perms::all);  // 0777: anyone may add a library
  const auto r =
      tandem_cmd("validate '" + project_file("scenarios/baseline.yaml") + "' --plugin-path open",
                 "cd '" + dir.string() + "' &&");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning: the plugin path folder 'open' is relative") != std::string::npos);
  CHECK(r.err.find("warning: the plugin path folder 'open' is writable by anyone") !=
        std::string::npos);
  CHECK(r.err.find("note: plugin 'flat_commission' is loaded from open/flat_commission.so; ") !=
        std::string::npos);
  CHECK(r.err.find("flat_commission.so, later on the plugin path, is not used") !=
        std::string::npos);
}

TEST_CASE("a plugin that allocates without end fails by name under --memory-limit",
          "[integration]") {
  if (sanitized()) {
    // AddressSanitizer reserves terabytes of address space up front: a limit on it is
    // meaningless there.
    WARN("skipped under the sanitizers: an address-space limit does not apply to them");
    return;
  }
  const Outcome o = run_with("alloc", "--set sales.pay.plugin=alloc_pay", "--memory-limit 2");
  INFO(o.result.err);
  CHECK(o.result.exit_code == 1);
  CHECK(o.result.err.find("error: plugin 'alloc_pay' failed: pay() threw: std::bad_alloc") !=
        std::string::npos);
  CHECK_FALSE(o.left_anything);
}
