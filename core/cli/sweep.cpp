// tandem sweep SCENARIO --vary KEY=V1,V2,... [--vary ...]: the scenario at every point of
// the grid, all on the same random numbers (the same seed and replications), one row per
// point with each headline figure's mean and 95% confidence interval. Writes a sweep
// folder: sweep.csv, sweep.json, report.html and points/<n>/ (each point's summary.json and
// scenario.yaml).
#include "cli/progress.hpp"
#include "cli/simulation_options.hpp"
#include "cli/verbs.hpp"

#include "study/folder_names.hpp"
#include "study/sweep.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <iostream>

namespace po = boost::program_options;

namespace tandem::cli {

int sweep_verb(const Args& args) {
  std::string scenario_file;
  std::vector<std::string> vary_texts;
  SimulationOptions o;
  po::options_description options("options");
  options.add_options()("scenario", po::value(&scenario_file), "the scenario file (YAML)")(
      "vary", po::value(&vary_texts)->composing(),
      "KEY=V1,V2,... the values of one key, e.g. sales.pay.params.rate=0.08,0.10,0.12 "
      "(repeatable: several give a grid)");
  o.add_to(options, {"sweep folder to write (default: runs/sweep-<name>-<time>)",
                     "replications per point (default: the scenario's)",
                     "random seed of every point (default: the scenario's)",
                     "KEY=VALUE override of every point (repeatable)",
                     "what to print: table or json (sweep.json)"});
  po::positional_options_description positionals;
  positionals.add("scenario", 1);
  po::variables_map vm;
  if (!parse("sweep",
             "tandem sweep SCENARIO --vary KEY=V1,V2,... [--vary ...] [--out DIR] "
             "[--replications N] [--seed S] [--threads N] [--set KEY=VALUE]... "
             "[--format table|json] [--force] [--db FILE | --no-history]",
             args, options, positionals, vm))
    return 0;
  if (scenario_file.empty())
    throw UsageError(
        "tandem sweep: which scenario? e.g. 'tandem sweep scenarios/baseline.yaml --vary "
        "sales.pay.params.rate=0.08,0.10,0.12'");
  if (vary_texts.empty())
    throw UsageError(
        "tandem sweep: what to vary? add --vary KEY=V1,V2,... e.g. --vary "
        "sales.pay.params.rate=0.08,0.10,0.12");
  o.check("sweep");
  const std::vector<Vary> varies = study::parse_varies(vary_texts);

  PluginRegistry registry(plugin_search_path(o.plugin_path.paths));
  std::vector<SweepPoint> points = study::load_sweep(
      scenario_file, o.sets, SimulationOptions::run_size(vm), grid_points(varies), registry);
  const Scenario& first = points.front().scenario;
  const std::filesystem::path dir =
      o.out.empty() ? study::default_out("sweep-" + study::folder_part(first.name))
                    : std::filesystem::path(o.out);
  note_left_overs(dir.parent_path());
  study::check_sweep_folder(dir, o.force);                   // fail before spending time simulating
  study::Recording history = o.open_history("sweep", args);  // fails before simulating too

  study::Execution execution = o.execution();
  SweepProgress bar(static_cast<int>(points.size()), first.replications);
  execution.progress = [&bar](int point, int, const std::string&) { return bar.point(point); };
  study::run_sweep(points, registry, execution);
  const SummaryJson sweep = study::write_sweep_folder(dir, o.force, scenario_file, varies, points);
  const std::string recorded =
      history.record(RecordKind::sweep, study::recorded_points(points), first.seed,
                     first.replications, dir, study::point_figures(points));
  for (const auto& w : sweep.at("warnings"))
    fmt::print(stderr, "warning: {}\n", w.get<std::string>());
  if (o.format == "json")
    std::cout << summary_text(sweep);
  else
    print_sweep_table(std::cout, varies, points);
  o.print_wrote(dir.string(), recorded);
  return 0;
}

}  // namespace tandem::cli
