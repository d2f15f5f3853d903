// tandem run SCENARIO: validate, simulate every replication, write the run folder.
#include "cli/simulation_options.hpp"
#include "cli/verbs.hpp"

#include "config/scenario.hpp"
#include "output/run_folder.hpp"
#include "output/table.hpp"
#include "study/folder_names.hpp"
#include "study/recording.hpp"
#include "study/run.hpp"

#include <tandem/errors.hpp>

#include <iostream>

namespace po = boost::program_options;

namespace tandem::cli {

int run_verb(const Args& args) {
  std::string scenario_file;
  SimulationOptions o;
  po::options_description options("options");
  options.add_options()("scenario", po::value(&scenario_file), "the scenario file (YAML)");
  o.add_to(options,
           {"run folder to write (default: runs/<name>-<time>)",
            "replications (overrides the scenario's)", "random seed (overrides the scenario's)",
            "KEY=VALUE override, e.g. sales.pay.params.rate=0.12 (repeatable)",
            "what to print: table or json (the summary)"});
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
  o.check("run");

  std::vector<std::string> sets = o.sets;
  for (std::string& s : SimulationOptions::run_size(vm)) sets.push_back(std::move(s));
  PluginRegistry registry(plugin_search_path(o.plugin_path.paths));
  const Scenario scenario = load_scenario(scenario_file, sets, registry);
  const std::filesystem::path dir = o.out.empty()
                                        ? study::default_out(study::folder_part(scenario.name))
                                        : std::filesystem::path(o.out);
  note_left_overs(dir.parent_path());
  check_run_folder(dir, o.force);  // fail before spending time simulating
  const RunPlugins plugins = resolve_plugins(scenario, registry);
  study::Recording history = o.open_history("run", args);  // fails before simulating too

  const study::RunOutcome run =
      study::run_to_folder(scenario, plugins, dir, o.force, o.execution());
  const std::string recorded = history.record(
      RecordKind::run, {study::recorded_scenario("scenario", scenario)}, scenario.seed,
      scenario.replications, dir, study::headline_figures(run.summary));
  if (o.format == "json")
    std::cout << summary_text(run.summary);
  else
    print_summary_table(std::cout, run.summary);
  o.print_wrote(dir.string(), recorded);
  return 0;
}

}  // namespace tandem::cli
