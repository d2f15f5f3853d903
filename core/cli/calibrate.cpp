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
#include "data/date_time.hpp"
#include "data/observed_funnel.hpp"
#include "study/calibrate.hpp"
#include "study/calibrate_folder.hpp"
#include "study/fit_checks.hpp"
#include "study/folder_names.hpp"
#include "study/recording.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <iostream>

namespace po = boost::program_options;

namespace tandem::cli {

int calibrate_verb(const Args& args) {
  std::string scenario_file, mapping_file, data_folder, from_text, holdout_text;
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
      "(default 200)")("from", po::value(&from_text),
                       "YYYY-MM-DD: leave out leads created before this day (e.g. when the "
                       "export's deals begin later than its leads)")(
      "holdout-from", po::value(&holdout_text),
      "YYYY-MM-DD: fit on what happened before this day, then predict the won deals of the "
      "MQLs created from it on, against the export");
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
             "[--fit ...] [--evaluations N] [--min-mqls N] [--from DATE] [--holdout-from DATE] "
             "[--out DIR] [--replications N] "
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
  if (evaluations < 4) throw UsageError("tandem calibrate: --evaluations must be 4 or more");
  o.check("calibrate");

  // The export, read before any simulating: its problems come first.
  const CrmMapping mapping = load_crm_mapping(
      mapping_file,
      data_folder.empty() ? std::nullopt : std::optional<std::filesystem::path>(data_folder));
  // What to fit: the command line's --fit, else the mapping's `calibrate:` section (whose
  // other settings apply where the command line gives none).
  std::vector<study::FreeKey> keys;
  for (const std::string& t : fit_texts) keys.push_back(study::parse_free_key(t));
  if (mapping.calibrate) {
    const CalibrateDefaults& c = *mapping.calibrate;
    if (keys.empty())
      for (const CalibrateDefaults::Key& k : c.fit) keys.push_back({k.key, k.low, k.high, k.where});
    if (!vm.count("evaluations")) evaluations = c.evaluations;
    if (!vm.count("min-mqls")) min_mqls = c.min_mqls;
    if (!vm.count("from")) from_text = c.from;
    if (!vm.count("holdout-from")) holdout_text = c.holdout_from;
  }
  if (keys.empty())
    throw UsageError(
        "tandem calibrate: what may the fit move? add --fit KEY=LO..HI, e.g. --fit "
        "funnel.contact_rate=0.3..0.9 (or a `calibrate:` section in the mapping, "
        "docs/calibration.md)");
  const auto day = [](const std::string& option, const std::string& text) -> std::optional<double> {
    if (text.empty()) return std::nullopt;
    if (const auto d = data::parse_date_time(text, "%Y-%m-%d")) return d;
    throw UsageError("tandem calibrate: --" + option + " " + text +
                     ": not a date; give YYYY-MM-DD, e.g. --" + option + " 2018-03-01");
  };
  const std::optional<double> from = day("from", from_text),
                              holdout = day("holdout-from", holdout_text);
  if (from && holdout && *holdout <= *from)
    throw UsageError("tandem calibrate: --holdout-from " + holdout_text +
                     " must come after --from " + from_text);

  const CrmExport data = read_crm_export(mapping);
  fmt::print(stderr, "{}: {}\n", mapping_file, data.summary());
  for (std::size_t i = 0; i < data.dropped.size() && i < 5; ++i)
    fmt::print(stderr, "  {}: {}\n", data.dropped[i].where.str(), data.dropped[i].reason);
  if (data.dropped.size() > 5)
    fmt::print(stderr, "  ... and {} more (fit.json counts them by reason)\n",
               data.dropped.size() - 5);
  ObserveOptions window;
  window.from = from;
  window.until = holdout;
  const ObservedFunnel observed = observe_funnel(data, window);
  if (observed.months == 0)
    throw UsageError("tandem calibrate: " + mapping_file + ": no lead of the export " +
                     (from || holdout ? "falls in the window --from and --holdout-from leave"
                                      : "could be used"));
  std::optional<ObservedFunnel> held_out;
  if (holdout) {
    ObserveOptions after;
    after.from = holdout;
    held_out = observe_funnel(data, after);
    if (held_out->months == 0)
      throw UsageError("tandem calibrate: --holdout-from " + holdout_text +
                       ": no lead of the export was created on it or after, so nothing is held "
                       "out; choose an earlier day");
  }
  // Deals that begin long after the leads suggest a CRM that recorded deals only from then:
  // the early leads' wins would be missing, and their shares too low.
  if (observed.first_deal && !from && !observed.leads.empty() &&
      *observed.first_deal - *data::month_start(observed.first_month) > 90)
    fmt::print(stderr,
               "note: the first won deal in the window closed on {}, more than 90 days after "
               "the first lead's month ({}). If the CRM recorded deals only from then, the "
               "earlier leads' wins are missing: start the window there with --from {}-01.\n",
               data::date_of(*observed.first_deal), observed.first_month,
               data::month_of(*observed.first_deal));

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
  note_left_overs(dir.parent_path());
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

  // How closely the figures pin each key down, and the held-out months' prediction.
  std::optional<study::HoldoutPrediction> prediction;
  if (held_out) prediction.emplace(*held_out, base);
  const study::Neighbourhood neighbourhood = study::explore(
      scenario_file, overrides, fit, registry, execution,
      prediction ? study::RunMeasure([&](const RunResult& r) { return prediction->expected(r); })
                 : study::RunMeasure{},
      [](int done, int total) {
        fmt::print(stderr, "\rchecking the fit: run {}/{}   ", done, total);
      });
  fmt::print(stderr, "\n");
  const study::KeyUncertainty uncertainty =
      study::key_uncertainty(fit, neighbourhood, base.replications);
  std::optional<study::HoldoutCheck> check;
  if (prediction)
    check = prediction->check(neighbourhood, fit.targets.size(), uncertainty, holdout_text);

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
  record.neighbourhood = &neighbourhood;
  record.uncertainty = &uncertainty;
  record.holdout = check ? &*check : nullptr;
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
      fmt::print("  {} = {:.6g} {}  (searched {:.6g} to {:.6g})\n", k["key"].get<std::string>(),
                 k["value"].get<double>(),
                 k["se"].is_null() ? std::string("(not pinned down by these figures)")
                                   : fmt::format("± {:.2g}", k["se"].get<double>()),
                 k["low"].get<double>(), k["high"].get<double>());
    fmt::print("\n{:<36} {:>12} {:>26} {:>12} {:>7}\n", "figure", "observed", "95% interval",
               "simulated", "z");
    for (const auto& t : j["targets"])
      fmt::print("{:<36} {:>12.4g} {:>26} {:>12.4g} {:>7.2f}\n", t["name"].get<std::string>(),
                 t["observed"].get<double>(),
                 fmt::format("[{:.4g}, {:.4g}]", t["low"].get<double>(), t["high"].get<double>()),
                 t["simulated"].get<double>(), t["z"].get<double>());
  }
  if (check && o.format != "json") {
    fmt::print(
        "\nheld out: the MQLs created from {} on, their won deals by {} (95% prediction "
        "intervals)\n{:<22} {:>7} {:>9} {:>10} {:>22} {:>7}\n",
        check->from, check->until, "month", "MQLs", "observed", "predicted", "95% interval",
        "inside");
    std::vector<study::HeldOutMonth> rows = check->months;
    rows.push_back(check->total);
    for (const study::HeldOutMonth& m : rows)
      fmt::print("{:<22} {:>7} {:>9} {:>10.1f} {:>22} {:>7}\n", m.month, m.mqls, m.observed,
                 m.predicted, fmt::format("[{:.1f}, {:.1f}]", m.low, m.high),
                 m.inside() ? "yes" : "no");
  }
  o.print_wrote(dir.string(), recorded);
  return 0;
}

}  // namespace tandem::cli
