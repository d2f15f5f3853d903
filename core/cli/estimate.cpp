// tandem estimate SCENARIO: the analytic view of the funnel. The scenario is loaded and
// checked as `tandem run` loads it; the funnel is then solved as an absorbing Markov chain
// (experiments/funnel_chain.hpp) with behaviour held fixed, in milliseconds, and its
// expected figures printed as a table or JSON. Nothing is written to disk.
#include "cli/verbs.hpp"

#include "output/estimate_files.hpp"
#include "study/estimate.hpp"

#include <tandem/errors.hpp>

#include <iostream>

namespace po = boost::program_options;

namespace tandem::cli {

int estimate_verb(const Args& args) {
  std::string scenario_file, format = "table";
  std::vector<std::string> sets;
  PluginPathOption plugin_path;
  po::options_description options("options");
  options.add_options()("scenario", po::value(&scenario_file), "the scenario file (YAML)")(
      "set", po::value(&sets)->composing(),
      "KEY=VALUE override, e.g. sales.pay.params.rate=0.12 (repeatable)")(
      "format", po::value(&format), "what to print: table or json");
  plugin_path.add_to(options);
  po::positional_options_description positionals;
  positionals.add("scenario", 1);
  po::variables_map vm;
  if (!parse("estimate",
             "tandem estimate SCENARIO [--set KEY=VALUE]... [--format table|json] "
             "[--plugin-path DIR]...",
             args, options, positionals, vm))
    return 0;
  if (scenario_file.empty())
    throw UsageError(
        "tandem estimate: which scenario? e.g. 'tandem estimate scenarios/baseline.yaml'");
  if (format != "table" && format != "json")
    throw UsageError("tandem estimate: --format must be 'table' or 'json', got '" + format + "'");

  PluginRegistry registry(plugin_search_path(plugin_path.paths));
  const study::Estimate e = study::estimate(scenario_file, sets, registry);
  std::cout << (format == "json" ? estimate_json(e.scenario, e.figures, e.milliseconds, e.options)
                                 : estimate_table(e.scenario, e.figures, e.milliseconds));
  return 0;
}

}  // namespace tandem::cli
