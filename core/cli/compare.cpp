// tandem compare BASE ALT: both scenarios on common random numbers (the same seed and
// replications), then per headline figure the difference ALT - BASE with its paired 95%
// confidence interval, and the unpaired (Welch) one beside it. Writes a compare folder:
// base/ and alt/ (run folders), comparison.csv, comparison.json and report.html.
#include "cli/simulation_options.hpp"
#include "cli/verbs.hpp"

#include "output/comparison_files.hpp"
#include "study/compare.hpp"
#include "study/folder_names.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <iostream>

namespace po = boost::program_options;

namespace tandem::cli {

int compare_verb(const Args& args) {
  std::string base_file, alt_file;
  study::CompareOverrides overrides;
  SimulationOptions o;
  po::options_description options("options");
  options.add_options()("base", po::value(&base_file), "the base scenario file (YAML)")(
      "alt", po::value(&alt_file), "the alternative scenario file (YAML); may be BASE again");
  o.add_to(options,
           {"compare folder to write (default: runs/compare-<base>-vs-<alt>-<time>)",
            "replications of both (default: BASE's)", "random seed of both (default: BASE's)",
            "KEY=VALUE override of both scenarios, e.g. horizon.periods=52 (repeatable)",
            "what to print: table or json (comparison.json)"});
  options.add_options()("set-base", po::value(&overrides.base)->composing(),
                        "KEY=VALUE override of BASE only (repeatable)")(
      "set-alt", po::value(&overrides.alt)->composing(),
      "KEY=VALUE override of ALT only, e.g. sales.pay.params.rate=0.12 (repeatable)");
  po::positional_options_description positionals;
  positionals.add("base", 1).add("alt", 1);
  po::variables_map vm;
  if (!parse("compare",
             "tandem compare BASE ALT [--out DIR] [--replications N] [--seed S] [--threads N] "
             "[--set KEY=VALUE]... [--set-base KEY=VALUE]... [--set-alt KEY=VALUE]... "
             "[--format table|json] [--force] [--db FILE | --no-history]",
             args, options, positionals, vm))
    return 0;
  if (base_file.empty() || alt_file.empty())
    throw UsageError(
        "tandem compare: which two scenarios? e.g. 'tandem compare scenarios/baseline.yaml "
        "scenarios/baseline.yaml --set-alt sales.pay.params.rate=0.12'");
  o.check("compare");
  overrides.both = o.sets;
  overrides.run_size = SimulationOptions::run_size(vm);

  PluginRegistry registry(plugin_search_path(o.plugin_path.paths));
  const std::vector<Scenario> loaded =
      study::load_compared(base_file, {alt_file}, overrides, registry);
  const Scenario &base = loaded[0], &alt = loaded[1];
  const study::ComparedNames names(base_file, alt_file);
  study::check_pairable(base, alt, names);
  const std::filesystem::path dir =
      o.out.empty() ? study::default_out("compare-" + study::folder_part(base.name) + "-vs-" +
                                         study::folder_part(alt.name))
                    : std::filesystem::path(o.out);
  note_left_overs(dir.parent_path());
  study::check_compare_folder(dir, o.force);  // fail before loading plugins or the history
  const RunPlugins base_plugins = resolve_plugins(base, registry),
                   alt_plugins = resolve_plugins(alt, registry);
  study::Recording history = o.open_history("compare", args);  // fails before simulating too

  const study::CompareOutcome compared =
      study::compare_to_folder(base, base_plugins, alt, alt_plugins, names,
                               study::ReportLabels(names, overrides), dir, o.force, o.execution());
  const std::string recorded = history.record(
      RecordKind::compare,
      {study::recorded_scenario("base", base), study::recorded_scenario("alt", alt)}, base.seed,
      base.replications, dir, study::difference_figures(compared.comparison.rows));
  for (const std::string& w : compared.comparison.warnings) fmt::print(stderr, "warning: {}\n", w);
  if (o.format == "json")
    std::cout << summary_text(compared.json);
  else
    print_comparison_table(std::cout, base, compared.comparison.rows);
  o.print_wrote(dir.string(), recorded);
  return 0;
}

}  // namespace tandem::cli
