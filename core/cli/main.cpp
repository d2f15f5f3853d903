// The `tandem` program: picks the verb, and is the one place where errors become exit
// codes: 2 for bad usage or invalid input (the user can fix it), 1 for a run that failed,
// 130 for a run stopped by Ctrl-C or SIGTERM.
#include "cli/interrupt.hpp"
#include "cli/verbs.hpp"
#include "common/unfinished_folders.hpp"
#include "engine/simulation.hpp"
#include "plugins/fault_guard.hpp"
#include "plugins/load_probe.hpp"

#include <tandem/errors.hpp>
#include <tandem/version.hpp>

#include <fmt/core.h>

#include <cstdio>
#include <functional>
#include <map>
#include <string_view>

namespace {

constexpr const char* kUsage =
    R"(tandem: simulate how pay plans and lead definitions move marketing and sales

usage: tandem VERB [options]    (tandem VERB --help for each)

verbs:
  run SCENARIO          simulate a scenario and write a run folder
  compare BASE ALT      both on common random numbers: differences with paired CIs
  sweep SCENARIO --vary KEY=V1,V2,...  every point of a grid, on common random numbers
  estimate SCENARIO     the analytic (Markov chain) view: expected figures, instantly
  calibrate SCENARIO --mapping FILE --fit KEY=LO..HI  fit free keys to a CRM export
  history [show RUN]    the recorded runs, compares and sweeps; one of them in full
  validate SCENARIO...  check scenarios only; every problem, located
  payout PLAN --results CSV  a pay plan on given results: statements and a ledger
  plugins list          the plugins on the plugin path
  plugins show NAME     a plugin's parameters
  clean [FOLDER]        remove unfinished folders left by runs stopped from outside
  version               print the version
)";

int dispatch(int argc, char** argv) {
  using namespace tandem::cli;
  const std::map<std::string, std::function<int(const Args&)>> verbs = {
      {"run", run_verb},           {"validate", validate_verb}, {"plugins", plugins_verb},
      {"payout", payout_verb},     {"compare", compare_verb},   {"sweep", sweep_verb},
      {"estimate", estimate_verb}, {"history", history_verb},   {"calibrate", calibrate_verb},
      {"clean", clean_verb}};
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string verb = argv[1];
  if (verb == "--help" || verb == "-h" || verb == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (verb == "version" || verb == "--version") {
    fmt::print("tandem {} (SDK ABI {})\n", TANDEM_VERSION_STRING, TANDEM_SDK_ABI);
    return 0;
  }
  const auto it = verbs.find(verb);
  if (it == verbs.end())
    throw tandem::UsageError("unknown verb '" + verb + "'; run 'tandem --help' for the list");
  return it->second(Args(argv + 2, argv + argc));
}

// The verb, with its errors turned into messages and exit codes.
int run_verb_reporting(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const tandem::ScenarioError& e) {
    for (const auto& p : e.problems()) fmt::print(stderr, "{}\n", p.str());
    fmt::print(stderr, "{} problem{} found; nothing was run.\n", e.problems().size(),
               e.problems().size() == 1 ? "" : "s");
    return 2;
  } catch (const tandem::PluginFault& e) {
    fmt::print(stderr, "error: plugin '{}' failed: {}\n", e.plugin(), e.what());
    return 1;
  } catch (const tandem::PluginError& e) {
    fmt::print(stderr, "error: plugin '{}'{}: {}\n", e.plugin(),
               e.path().empty() ? "" : " (" + e.path() + ")", e.what());
    return 2;
  } catch (const tandem::UsageError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 2;
  } catch (const tandem::OutputError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 2;
  } catch (const tandem::Interrupted& e) {
    fmt::print(stderr, "{}; nothing was written\n", e.what());
    return tandem::cli::kInterruptedExit;
  } catch (const tandem::Error& e) {
    if (e.where()) fmt::print(stderr, "{}: ", e.where()->str());
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Opening a plugin library in a separate process first (plugins/load_probe.hpp).
  if (argc == 3 && std::string_view(argv[1]) == "__probe") return tandem::probe_main(argv[2]);
  tandem::set_probe_program("/proc/self/exe");
  tandem::fault_guard::install();  // a plugin's crash, exit() or hang is named, not silent
  const int code = run_verb_reporting(argc, argv);
  // A failed verb leaves no folder: a default name it reserved and never filled goes too.
  if (code != 0) tandem::unfinished_folders::delete_all();
  return code;
}
