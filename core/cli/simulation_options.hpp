// The options every verb that simulates (run, compare, sweep) takes, declared once:
// --out, --replications, --seed, --threads, --set, --format, --force, --plugin-path,
// --db and --no-history. Each verb gives its own help words for the few that differ.
#pragma once

#include "cli/verbs.hpp"
#include "study/execution.hpp"
#include "study/recording.hpp"

#include <string>
#include <vector>

namespace tandem::cli {

// The help texts that differ between verbs.
struct SimulationHelp {
  const char* out;           // what --out names, with its default
  const char* replications;  // whose replications
  const char* seed;          // whose seed
  const char* set;           // what --set overrides
  const char* format;        // what --format json prints
};

struct SimulationOptions {
  std::string out;
  std::string format = "table";
  std::vector<std::string> sets;
  int threads = 0;
  bool force = false;
  PluginPathOption plugin_path;
  std::string db;
  bool no_history = false;

  void add_to(boost::program_options::options_description& options, const SimulationHelp& help);

  // Throws UsageError for a --format or --threads out of range.
  void check(const std::string& verb) const;

  // --seed and --replications, when given, as the overrides "seed=S" and "replications=N":
  // validated like any other and recorded in the scenario.yaml and hash of what was run.
  static std::vector<std::string> run_size(const boost::program_options::variables_map& vm);

  // The threads, the Ctrl-C flag and terminal progress bars labelled by part (none when
  // stderr is not a terminal).
  study::Execution execution() const;

  // The run history this command records in (none with --no-history), opened now: call it
  // before simulating, so a history that cannot be written fails before any work.
  study::Recording open_history(const std::string& verb, const Args& args) const;

  // The "wrote DIR (history: run N)" line, after the table or the JSON.
  void print_wrote(const std::string& folder, const std::string& recorded) const;
};

}  // namespace tandem::cli
