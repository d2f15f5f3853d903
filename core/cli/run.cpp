// tandem run SCENARIO: validate, simulate every replication, write the run folder.
#include "cli/verbs.hpp"

#include "cli/interrupt.hpp"
#include "cli/run_support.hpp"
#include "config/scenario.hpp"
#include "engine/metrics.hpp"
#include "engine/replication.hpp"
#include "engine/simulation.hpp"
#include "output/run_folder.hpp"
#include "output/summary.hpp"
#include "output/table.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <iostream>

namespace po = boost::program_options;

namespace tandem::cli {
int run_verb(const Args& args) {
  std::string scenario_file, out, format = "table";
  std::vector<std::string> sets;
  int threads = 0;
  PluginPathOption plugin_path;
  HistoryHook history;
  po::options_description options("options");
  options.add_options()("scenario", po::value(&scenario_file), "the scenario file (YAML)")(
      "out,o", po::value(&out), "run folder to write (default: runs/<name>-<time>)")(
      "replications,r", po::value<long long>(), "replications (overrides the scenario's)")(
      "seed,s", po::value<unsigned long long>(), "random seed (overrides the scenario's)")(
      "threads,j", po::value(&threads),
      "worker threads (default: all cores); results do not depend on it")(
      "set", po::value(&sets)->composing(),
      "KEY=VALUE override, e.g. sales.pay.params.rate=0.12 (repeatable)")(
      "format", po::value(&format), "what to print: table or json (the summary)")(
      "force", "replace the --out folder if it exists");
  plugin_path.add_to(options);
  history.add_to(options);
  po::positional_options_description positionals;
  positionals.add("scenario", 1);
  po::variables_map vm;
  if (!parse("run",
             "tandem run SCENARIO [--out DIR] [--replications N] [--seed S] [--threads N] "
             "[--set KEY=VALUE]... [--format table|json] [--db FILE | --no-history]",
             args, options, positionals, vm))
    return 0;
  if (scenario_file.empty())
    throw UsageError("tandem run: which scenario? e.g. 'tandem run scenarios/baseline.yaml'");
  if (format != "table" && format != "json")
    throw UsageError("tandem run: --format must be 'table' or 'json', got '" + format + "'");
  if (threads < 0) throw UsageError("tandem run: --threads must be 0 (all cores) or more");

  // --seed and --replications are overrides like any other: validated the same way, and
  // recorded in the run's scenario.yaml and hash.
  for (std::string& s : seed_and_replications(vm)) sets.push_back(std::move(s));

  PluginRegistry registry(plugin_search_path(plugin_path.paths));
  const Scenario scenario = load_scenario(scenario_file, sets, registry);
  const std::filesystem::path dir =
      out.empty() ? default_out(folder_part(scenario.name)) : std::filesystem::path(out);
  const bool replace = vm.count("force") > 0;
  check_run_folder(dir, replace);  // fail before spending time simulating

  const RunPlugins plugins = resolve_plugins(scenario, registry);
  history.open("run", args);  // a history that cannot be written fails before simulating too
  // Each replication's rows go to the (partial) folder as it finishes, and are released.
  RunFolderWriter folder(dir, scenario, scenario_agents(scenario), metric_catalogue(), replace);
  RunOptions run_options;
  run_options.threads = threads;
  run_options.stop = stop_on_interrupt();
  run_options.progress = terminal_progress();
  run_options.on_replication = write_and_release(folder);
  const RunResult result = run_simulation(scenario, plugins, run_options);

  const RunManifest manifest = run_manifest(scenario, plugins);
  // The summary as written, so the terminal shows exactly what summary.json holds.
  const SummaryJson summary =
      folder.finish(result, manifest, run_folder_extras(scenario, plugins, result));
  const std::string recorded =
      history.record(RecordKind::run, {recorded_scenario("scenario", scenario)}, scenario.seed,
                     scenario.replications, dir, headline_figures(summary));
  if (format == "json") {
    std::cout << summary_text(summary);
    fmt::print(stderr, "wrote {}{}\n", dir.string(), recorded);
  } else {
    print_summary_table(std::cout, summary);
    fmt::print("\nwrote {}{}\n", dir.string(), recorded);
  }
  return 0;
}

}  // namespace tandem::cli
