// tandem sweep SCENARIO --vary KEY=V1,V2,... [--vary ...]: the scenario at every point of
// the grid, all on the same random numbers (the same seed and replications), one row per
// point with each headline figure's mean and 95% confidence interval. Writes a sweep
// folder: sweep.csv, sweep.json, report.html and points/<n>/ (each point's summary.json and
// scenario.yaml).
#include "cli/verbs.hpp"

#include "cli/interrupt.hpp"
#include "cli/run_support.hpp"
#include "config/scenario.hpp"
#include "engine/row_digest.hpp"
#include "engine/simulation.hpp"
#include "experiments/sweep_grid.hpp"
#include "output/atomic_folder.hpp"
#include "output/csv_writers.hpp"
#include "output/output_file.hpp"
#include "stats/statistics.hpp"
#include "output/summary.hpp"
#include "output/table.hpp"
#include "plugins/registry.hpp"
#include "report/sweep_report.hpp"

#include <tandem/errors.hpp>
#include <tandem/version.hpp>

#include <fmt/chrono.h>
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace tandem::cli {
namespace {

// Every sweep folder has it (written last); --force replaces only folders that do.
constexpr const char* kMarker = "sweep.json";

constexpr const char* kUsage =
    "tandem sweep SCENARIO --vary KEY=V1,V2,... [--vary ...] [--out DIR] [--replications N] "
    "[--seed S] [--threads N] [--set KEY=VALUE]... [--format table|json] [--force] "
    "[--db FILE | --no-history]";

// The figures the terminal table shows, when the run reports them (all are in the files).
constexpr const char* kShown[] = {"revenue", "won_deals", "pay_sales", "pay_marketing",
                                  "cost_of_sales_share"};

struct Point {
  std::vector<std::string> assignments;  // KEY=VALUE, one per --vary
  Scenario scenario;
  std::vector<HeadlineStats> headlines;
  SummaryJson summary;
};

// Loads the scenario at every point. Problems in --set are reported as they are; a
// problem a point brings (a key that does not exist, a value of the wrong type) is located
// at "--vary", once however many points share it. Nothing runs unless every point loads.
std::vector<Point> load_points(const std::string& file, const std::vector<std::string>& sets,
                               const std::vector<std::string>& run_size,
                               const std::vector<std::vector<std::string>>& grid,
                               PluginRegistry& registry) {
  std::vector<std::string> unvaried = sets;
  unvaried.insert(unvaried.end(), run_size.begin(), run_size.end());
  load_scenario(file, unvaried, registry);  // --set problems, named as --set
  std::vector<Problem> problems;
  std::vector<Point> points;
  for (const auto& assignments : grid) {
    // --set, then the point's values (a varied key wins over a --set of it), then
    // --seed and --replications.
    std::vector<std::string> overrides = sets;
    overrides.insert(overrides.end(), assignments.begin(), assignments.end());
    overrides.insert(overrides.end(), run_size.begin(), run_size.end());
    try {
      points.push_back({assignments, load_scenario(file, overrides, registry), {}, {}});
    } catch (const ScenarioError& e) {
      for (Problem p : e.problems()) {
        if (p.where.file == "--set") p.where.file = "--vary";
        if (std::none_of(problems.begin(), problems.end(),
                         [&](const Problem& q) { return q.str() == p.str(); }))
          problems.push_back(std::move(p));
      }
    }
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  return points;
}

std::string csv_number(double x) {
  return std::isfinite(x) ? fmt::format("{}", round_significant(x)) : "";
}

// One row per point: its index, each varied key's value, then per headline figure its
// mean and 95% interval (empty with one replication).
std::string sweep_csv(const std::vector<Vary>& varies, const std::vector<Point>& points) {
  std::string text = "point";
  for (const Vary& v : varies) text += "," + v.key;
  for (const HeadlineStats& h : points.front().headlines)
    text += "," + h.name + "," + h.name + "_ci_low," + h.name + "_ci_high";
  text += "\n";
  for (std::size_t i = 0; i < points.size(); ++i) {
    text += std::to_string(i + 1);
    for (const std::string& a : points[i].assignments)
      text += "," + csv_field(a.substr(a.find('=') + 1));
    for (const HeadlineStats& h : points[i].headlines) {
      text += "," + csv_number(h.stats.mean);
      text += "," + (h.stats.ci95 ? csv_number(h.stats.ci95->first) : std::string());
      text += "," + (h.stats.ci95 ? csv_number(h.stats.ci95->second) : std::string());
    }
    text += "\n";
  }
  return text;
}

SummaryJson sweep_json(const std::string& file, const std::vector<Vary>& varies,
                       const std::vector<Point>& points) {
  SummaryJson j;
  const Scenario& first = points.front().scenario;
  j["scenario"] = first.name;
  j["file"] = fs::path(file).filename().string();
  j["seed"] = first.seed;
  j["replications"] = first.replications;
  j["tandem_version"] = TANDEM_VERSION_STRING;
  j["random_numbers"] = "common: every point runs the same seed and replications";
  SummaryJson vary = SummaryJson::array();
  for (const Vary& v : varies) vary.push_back({{"key", v.key}, {"values", v.values}});
  j["vary"] = std::move(vary);
  SummaryJson rows = SummaryJson::array();
  for (std::size_t i = 0; i < points.size(); ++i) {
    SummaryJson row;
    row["point"] = i + 1;
    row["folder"] = fmt::format("points/{:03}", i + 1);
    row["scenario_hash"] = points[i].scenario.hash;
    SummaryJson values = SummaryJson::object();
    for (const std::string& a : points[i].assignments)
      values[a.substr(0, a.find('='))] = a.substr(a.find('=') + 1);
    row["values"] = std::move(values);
    SummaryJson headline = SummaryJson::object();
    for (const HeadlineStats& h : points[i].headlines)
      headline[h.name] = {{"unit", h.unit},
                          {"mean", number_or_null(h.stats.mean)},
                          {"ci95", interval_or_null(h.stats.ci95)}};
    row["headline"] = std::move(headline);
    rows.push_back(std::move(row));
  }
  j["points"] = std::move(rows);
  return j;
}

void print_sweep_table(std::ostream& out, const std::vector<Vary>& varies,
                       const std::vector<Point>& points) {
  std::vector<std::string> header{"point"};
  for (const Vary& v : varies) header.push_back(v.key);
  std::vector<const char*> shown;
  for (const char* name : kShown)
    for (const HeadlineStats& h : points.front().headlines)
      if (h.name == name) shown.push_back(name);
  for (const char* name : shown) header.emplace_back(name);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < points.size(); ++i) {
    std::vector<std::string> row{std::to_string(i + 1)};
    for (const std::string& a : points[i].assignments) row.push_back(a.substr(a.find('=') + 1));
    for (const char* name : shown)
      for (const HeadlineStats& h : points[i].headlines)
        if (h.name == name) {
          std::string cell = format_figure(h.stats.mean, h.unit);
          if (h.stats.ci95)
            cell += " [" + format_figure(h.stats.ci95->first, h.unit) + ", " +
                    format_figure(h.stats.ci95->second, h.unit) + "]";
          row.push_back(cell);
        }
    rows.push_back(std::move(row));
  }
  rows.insert(rows.begin(), header);
  out << table_text(rows);
}

}  // namespace

int sweep_verb(const Args& args) {
  std::string scenario_file, out, format = "table";
  std::vector<std::string> sets, vary_texts;
  int threads = 0;
  PluginPathOption plugin_path;
  HistoryHook history;
  po::options_description options("options");
  options.add_options()("scenario", po::value(&scenario_file), "the scenario file (YAML)")(
      "vary", po::value(&vary_texts)->composing(),
      "KEY=V1,V2,... the values of one key, e.g. sales.pay.params.rate=0.08,0.10,0.12 "
      "(repeatable: several give a grid)")(
      "out,o", po::value(&out), "sweep folder to write (default: runs/sweep-<name>-<time>)")(
      "replications,r", po::value<long long>(), "replications per point (default: the scenario's)")(
      "seed,s", po::value<unsigned long long>(),
      "random seed of every point (default: the scenario's)")(
      "threads,j", po::value(&threads),
      "worker threads (default: all cores); results do not depend on it")(
      "set", po::value(&sets)->composing(), "KEY=VALUE override of every point (repeatable)")(
      "format", po::value(&format), "what to print: table or json (sweep.json)")(
      "force", "replace the --out folder if it exists");
  plugin_path.add_to(options);
  history.add_to(options);
  po::positional_options_description positionals;
  positionals.add("scenario", 1);
  po::variables_map vm;
  if (!parse("sweep", kUsage, args, options, positionals, vm)) return 0;
  if (scenario_file.empty())
    throw UsageError(
        "tandem sweep: which scenario? e.g. 'tandem sweep scenarios/baseline.yaml --vary "
        "sales.pay.params.rate=0.08,0.10,0.12'");
  if (vary_texts.empty())
    throw UsageError(
        "tandem sweep: what to vary? add --vary KEY=V1,V2,... e.g. --vary "
        "sales.pay.params.rate=0.08,0.10,0.12");
  if (format != "table" && format != "json")
    throw UsageError("tandem sweep: --format must be 'table' or 'json', got '" + format + "'");
  if (threads < 0) throw UsageError("tandem sweep: --threads must be 0 (all cores) or more");

  std::vector<Vary> varies;
  for (const std::string& text : vary_texts) {
    varies.push_back(parse_vary(text));
    const std::string& key = varies.back().key;
    if (key == "seed" || key == "replications")
      throw UsageError("tandem sweep: --vary " + key +
                       ": every point runs the same random numbers; vary what the scenario "
                       "describes, and set --" +
                       key + " for all points");
  }
  // --seed and --replications as overrides of every point, recorded in each scenario.yaml.
  const std::vector<std::string> run_size = seed_and_replications(vm);

  PluginRegistry registry(plugin_search_path(plugin_path.paths));
  std::vector<Point> points =
      load_points(scenario_file, sets, run_size, grid_points(varies), registry);
  const fs::path dir = out.empty()
                           ? default_out("sweep-" + folder_part(points.front().scenario.name))
                           : fs::path(out);
  const bool replace = vm.count("force") > 0;
  AtomicFolder::check(dir, replace, kMarker);  // fail before spending time simulating
  history.open("sweep", args);  // a history that cannot be written fails before simulating too

  SweepProgress progress(static_cast<int>(points.size()), points.front().scenario.replications);
  for (std::size_t i = 0; i < points.size(); ++i) {
    Point& p = points[i];
    const RunPlugins plugins = resolve_plugins(p.scenario, registry);
    RunOptions run_options;
    run_options.threads = threads;
    run_options.stop = stop_on_interrupt();
    run_options.progress = progress.point(static_cast<int>(i));
    // A point keeps only its summary: its rows are released as soon as they are digested.
    run_options.on_replication = [](int, ReplicationResult& r) { release_rows(r); };
    const RunResult result = run_simulation(p.scenario, plugins, run_options);
    p.headlines = headline_stats(result);
    p.summary = make_summary(p.scenario, result, run_manifest(p.scenario, plugins));
  }
  const SummaryJson sweep = sweep_json(scenario_file, varies, points);

  {
    AtomicFolder folder(dir, replace, kMarker);  // names the folder in its errors
    try {
      const fs::path& at = folder.partial();
      for (std::size_t i = 0; i < points.size(); ++i) {
        const fs::path point_dir = at / fmt::format("points/{:03}", i + 1);
        fs::create_directories(point_dir);
        write_file(point_dir / "scenario.yaml", points[i].scenario.resolved_yaml);
        write_file(point_dir / "summary.json", summary_text(points[i].summary));
      }
      write_file(at / "sweep.csv", sweep_csv(varies, points));
      std::vector<SummaryJson> summaries;
      for (const Point& p : points) summaries.push_back(p.summary);
      write_report(at, sweep_report_data(sweep, summaries));
      // Last, so that even the partial folder holds sweep.json only once the rest is there.
      write_file(at / kMarker, summary_text(sweep));
    } catch (const std::exception& e) {
      // The partial folder goes with `folder`; the final name never appeared.
      throw OutputError("cannot write output folder '" + dir.string() + "': " + e.what());
    }
    folder.commit();
  }
  // Every point is one scenario of the record, with its figures.
  std::vector<RecordedScenario> scenarios;
  std::vector<RecordedFigure> figures;
  for (std::size_t i = 0; i < points.size(); ++i) {
    scenarios.push_back(recorded_scenario("point " + std::to_string(i + 1), points[i].scenario));
    for (RecordedFigure& f : headline_figures(points[i].summary, static_cast<int>(i)))
      figures.push_back(std::move(f));
  }
  const Scenario& first = points.front().scenario;
  const std::string recorded = history.record(RecordKind::sweep, std::move(scenarios), first.seed,
                                              first.replications, dir, std::move(figures));

  if (format == "json") {
    std::cout << summary_text(sweep);
    fmt::print(stderr, "wrote {}{}\n", dir.string(), recorded);
  } else {
    print_sweep_table(std::cout, varies, points);
    fmt::print("\nwrote {}{}\n", dir.string(), recorded);
  }
  return 0;
}

}  // namespace tandem::cli
