// tandem calibrate SCENARIO --mapping FILE [--data DIR] --fit KEY=LO..HI [--fit ...]: the
// values of the free keys that bring the scenario closest to what a CRM export observed
// (simulated method of moments, on common random numbers). Reads the export with the
// mapping, says which rows it left out and why, fits, and writes a calibration folder:
// the calibrated scenario.yaml, fit.json, trace.csv and report.html.
#include "cli/progress.hpp"
#include "cli/simulation_options.hpp"
#include "cli/verbs.hpp"

#include "config/crm_mapping.hpp"
#include "config/scenario.hpp"
#include "data/observed_funnel.hpp"
#include "study/calibrate.hpp"
#include "study/calibrate_folder.hpp"
#include "study/folder_names.hpp"
#include "study/recording.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <iostream>

namespace po = boost::program_options;

namespace tandem::cli {

int calibrate_verb(const Args& args) {
  std::string scenario_file, mapping_file, data_folder;
  std::vector<std::string> fit_texts;
  int evaluations = 60, min_mqls = 200;
  SimulationOptions o;
  po::options_description options("options");
  options.add_options()("scenario", po::value(&scenario_file), "the scenario file (YAML)")(
      "mapping", po::value(&mapping_file),
      "the mapping file: which column of the CRM export is which (see docs/calibration.md)")(
      "data", po::value(&data_folder),
      "the folder holding the export's tables (default: the mapping's folder)")(
      "fit", po::value(&fit_texts)->composing(),
      "KEY=LO..HI a key the fit may move, and its range, e.g. funnel.contact_rate=0.3..0.9 "
      "(repeatable)")("evaluations", po::value(&evaluations),
                      "scenario runs the search may make in all (default 60)")(
      "min-mqls", po::value(&min_mqls),
      "a channel's figures are fitted when the data has at least this many of its MQLs "
      "(default 200)");
  o.add_to(options, {"calibration folder to write (default: runs/calibrate-<name>-<time>)",
                     "replications of every evaluation (default: the scenario's)",
                     "random seed of every evaluation (default: the scenario's)",
                     "KEY=VALUE override of the scenario (repeatable)",
                     "what to print: table or json (fit.json)"});
  po::positional_options_description positionals;
  positionals.add("scenario", 1);
  po::variables_map vm;
  if (!parse("calibrate",
             "tandem calibrate SCENARIO --mapping FILE [--data DIR] --fit KEY=LO..HI "
             "[--fit ...] [--evaluations N] [--min-mqls N] [--out DIR] [--replications N] "
             "[--seed S] [--threads N] [--set KEY=VALUE]... [--format table|json] [--force] "
             "[--db FILE | --no-history]",
             args, options, positionals, vm))
    return 0;
  if (scenario_file.empty())
    throw UsageError(
        "tandem calibrate: which scenario? e.g. 'tandem calibrate scenarios/olist/olist.yaml "
        "--mapping scenarios/olist/mapping.yaml --data DIR --fit funnel.contact_rate=0.3..0.9'");
  if (mapping_file.empty())
    throw UsageError(
        "tandem calibrate: which export? give --mapping FILE (and --data DIR, the folder of its "
        "tables); docs/calibration.md shows how to write one");
  if (fit_texts.empty())
    throw UsageError(
        "tandem calibrate: what may the fit move? add --fit KEY=LO..HI, e.g. --fit "
        "funnel.contact_rate=0.3..0.9");
  if (evaluations < 4) throw UsageError("tandem calibrate: --evaluations must be 4 or more");
  o.check("calibrate");
  std::vector<study::FreeKey> keys;
  for (const std::string& t : fit_texts) keys.push_back(study::parse_free_key(t));

  // The export, read before any simulating: its problems come first.
  const CrmMapping mapping = load_crm_mapping(
      mapping_file,
      data_folder.empty() ? std::nullopt : std::optional<std::filesystem::path>(data_folder));
  const CrmExport data = read_crm_export(mapping);
  fmt::print(stderr, "{}: {}\n", mapping_file, data.summary());
  for (std::size_t i = 0; i < data.dropped.size() && i < 5; ++i)
    fmt::print(stderr, "  {}: {}\n", data.dropped[i].where.str(), data.dropped[i].reason);
  if (data.dropped.size() > 5)
    fmt::print(stderr, "  ... and {} more (fit.json counts them by reason)\n",
               data.dropped.size() - 5);
  const ObservedFunnel observed = observe_funnel(data);
  if (observed.months == 0)
    throw Error("tandem calibrate: " + mapping_file + ": no lead of the export could be used");

  PluginRegistry registry(plugin_search_path(o.plugin_path.paths));
  std::vector<std::string> overrides = o.sets;
  for (const std::string& s : SimulationOptions::run_size(vm)) overrides.push_back(s);
  const Scenario base = load_scenario(scenario_file, overrides, registry);
  const std::vector<study::FitTarget> targets = study::fit_targets(observed, base, min_mqls);
  if (targets.empty())
    throw UsageError(
        "tandem calibrate: no figure of the export has a standard error to fit to "
        "(fewer than " +
        std::to_string(min_mqls) + " MQLs on every channel? lower --min-mqls)");
  const std::filesystem::path dir =
      o.out.empty() ? study::default_out("calibrate-" + study::folder_part(base.name))
                    : std::filesystem::path(o.out);
  study::check_calibration_folder(dir, o.force);
  study::Recording history = o.open_history("calibrate", args);

  study::FitOptions fit_options;
  fit_options.evaluations = evaluations;
  fit_options.progress = [&](int n, double best) {
    fmt::print(stderr, "\revaluation {}/{}: best distance {:.4g}   ", n, evaluations, best);
  };
  study::Execution execution = o.execution();
  execution.progress = nullptr;  // one line per evaluation instead of a bar per run
  const study::Fit fit =
      study::calibrate(scenario_file, overrides, keys, targets, registry, execution, fit_options);
  fmt::print(stderr, "\n");

  std::vector<std::string> calibrated_overrides = overrides;
  for (const std::string& s : study::fitted_overrides(keys, fit.best_evaluation().values))
    calibrated_overrides.push_back(s);
  const Scenario calibrated = load_scenario(scenario_file, calibrated_overrides, registry);
  study::CalibrationRecord record;
  record.scenario_file = scenario_file;
  record.mapping_file = mapping_file;
  record.data_folder = mapping.leads.file.parent_path().string();
  record.scenario_name = base.name;
  record.data = &data;
  record.observed = &observed;
  record.fit = &fit;
  record.calibrated_yaml = calibrated.resolved_yaml;
  record.window = observed.first_month + " to " + observed.last_month + ", " +
                  std::to_string(observed.months) + " months";
  const auto j = study::write_calibration_folder(dir, o.force, record);

  std::vector<RecordedFigure> figures;
  for (const auto& t : j["targets"])
    figures.push_back({FigureKind::mean, 0, t["name"].get<std::string>(),
                       t["unit"].get<std::string>(), t["simulated"].get<double>(), std::nullopt,
                       std::nullopt});
  const std::string recorded =
      history.record(RecordKind::calibration, {study::recorded_scenario("scenario", calibrated)},
                     calibrated.seed, calibrated.replications, dir, figures);
  if (o.format == "json") {
    std::cout << j.dump(2) << "\n";
  } else {
    fmt::print("fitted ({} evaluations, {}; distance {:.4g}):\n", fit.trace.size(), fit.stopped,
               fit.best_evaluation().distance);
    for (const auto& k : j["keys"])
      fmt::print("  {} = {:.6g}   (searched {:.6g} to {:.6g})\n", k["key"].get<std::string>(),
                 k["value"].get<double>(), k["low"].get<double>(), k["high"].get<double>());
    fmt::print("\n{:<36} {:>12} {:>26} {:>12} {:>7}\n", "figure", "observed", "95% interval",
               "simulated", "z");
    for (const auto& t : j["targets"])
      fmt::print("{:<36} {:>12.4g} {:>26} {:>12.4g} {:>7.2f}\n", t["name"].get<std::string>(),
                 t["observed"].get<double>(),
                 fmt::format("[{:.4g}, {:.4g}]", t["low"].get<double>(), t["high"].get<double>()),
                 t["simulated"].get<double>(), t["z"].get<double>());
  }
  o.print_wrote(dir.string(), recorded);
  return 0;
}

}  // namespace tandem::cli
