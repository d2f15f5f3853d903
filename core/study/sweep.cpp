#include "study/sweep.hpp"

#include "common/did_you_mean.hpp"
#include "config/scenario.hpp"
#include "output/atomic_folder.hpp"
#include "output/output_file.hpp"
#include "report/sweep_report.hpp"
#include "stats/statistics.hpp"
#include "study/compare.hpp"
#include "study/recording.hpp"
#include "study/run.hpp"

#include <tandem/errors.hpp>

#include <algorithm>

namespace tandem::study {

std::vector<Vary> parse_varies(const std::vector<std::string>& texts) {
  std::vector<Vary> varies;
  for (const std::string& text : texts) {
    varies.push_back(parse_vary(text));
    const std::string& key = varies.back().key;
    if (key == "seed" || key == "replications")
      throw UsageError("tandem sweep: --vary " + key +
                       ": every point runs the same random numbers; vary what the scenario "
                       "describes, and set --" +
                       key + " for all points");
  }
  return varies;
}

std::vector<SweepPoint> load_sweep(const std::string& file,
                                   const std::vector<std::string>& overrides,
                                   const std::vector<std::string>& run_size,
                                   const std::vector<std::vector<std::string>>& grid,
                                   PluginRegistry& registry) {
  std::vector<std::string> unvaried = overrides;
  unvaried.insert(unvaried.end(), run_size.begin(), run_size.end());
  load_scenario(file, unvaried, registry);  // problems of the overrides, named as --set
  std::vector<Problem> problems;
  std::vector<SweepPoint> points;
  for (const auto& assignments : grid) {
    std::vector<std::string> at_point = overrides;
    at_point.insert(at_point.end(), assignments.begin(), assignments.end());
    at_point.insert(at_point.end(), run_size.begin(), run_size.end());
    try {
      points.push_back({assignments, load_scenario(file, at_point, registry), {}, {}});
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

std::vector<std::string> sweep_warnings(const std::vector<SweepPoint>& points) {
  std::vector<std::string> warnings;
  if (points.size() < 2) return warnings;
  const Scenario& first = points.front().scenario;
  const auto mode_differs = [&](const SweepPoint& p) {
    return p.scenario.behaviour.mode != first.behaviour.mode;
  };
  if (std::any_of(points.begin(), points.end(), mode_differs)) {
    warnings.push_back(
        "the points run different behaviour modes: fixed and adaptive behaviour are different "
        "companies on the same market, so differences between points mix the keys varied with "
        "how people decide. Sweep one mode at a time, e.g. --set behaviour.mode=adaptive.");
    return warnings;
  }
  std::vector<std::string> differ;
  for (const SweepPoint& p : points)
    for (const std::string& team : teams_paid_differently(first, p.scenario))
      if (std::find(differ.begin(), differ.end(), team) == differ.end()) differ.push_back(team);
  if (first.behaviour.mode == BehaviourMode::fixed && !differ.empty())
    warnings.push_back(
        "the pay of " + join(differ, " and ") +
        " differs between points, but behaviour is fixed at every point: nobody responds to "
        "pay, so revenue and volumes cannot move and only the cost of the pay shows. To see "
        "how people respond, add --set behaviour.mode=adaptive.");
  return warnings;
}

void run_sweep(std::vector<SweepPoint>& points, PluginRegistry& registry,
               const Execution& execution) {
  const int parts = static_cast<int>(points.size());
  for (int i = 0; i < parts; ++i) {
    SweepPoint& p = points[static_cast<std::size_t>(i)];
    const RunPlugins plugins = resolve_plugins(p.scenario, registry);
    // A point keeps only its summary: its rows are released as soon as they are digested.
    const RunResult result = run_in_memory(p.scenario, plugins, execution, i, parts, "");
    p.headlines = headline_stats(result);
    p.summary = make_summary(p.scenario, result, run_manifest(p.scenario, plugins));
  }
}

void check_sweep_folder(const std::filesystem::path& dir, bool replace_existing) {
  AtomicFolder::check(dir, replace_existing, kSweepMarker);
}

SummaryJson write_sweep_folder(const std::filesystem::path& dir, bool replace_existing,
                               const std::string& file, const std::vector<Vary>& varies,
                               const std::vector<SweepPoint>& points) {
  const SummaryJson sweep = sweep_json(file, varies, points, sweep_warnings(points));
  AtomicFolder folder(dir, replace_existing, kSweepMarker);  // names the folder in its errors
  try {
    const std::filesystem::path& at = folder.partial();
    for (std::size_t i = 0; i < points.size(); ++i) {
      const std::filesystem::path point_dir = at / sweep_point_folder(i);
      std::filesystem::create_directories(point_dir);
      write_file(point_dir / "scenario.yaml", points[i].scenario.resolved_yaml);
      write_file(point_dir / "summary.json", summary_text(points[i].summary));
    }
    write_file(at / "sweep.csv", sweep_csv(varies, points));
    std::vector<SummaryJson> summaries;
    for (const SweepPoint& p : points) summaries.push_back(p.summary);
    write_report(at, sweep_report_data(sweep, summaries));
    // Last, so that even the partial folder holds sweep.json only once the rest is there.
    write_file(at / kSweepMarker, summary_text(sweep));
  } catch (const std::exception& e) {
    // The partial folder goes with `folder`; the final name never appeared.
    throw OutputError("cannot write output folder '" + dir.string() + "': " + e.what());
  }
  folder.commit();
  return sweep;
}

std::vector<RecordedScenario> recorded_points(const std::vector<SweepPoint>& points) {
  std::vector<RecordedScenario> scenarios;
  for (std::size_t i = 0; i < points.size(); ++i)
    scenarios.push_back(recorded_scenario("point " + std::to_string(i + 1), points[i].scenario));
  return scenarios;
}

std::vector<RecordedFigure> point_figures(const std::vector<SweepPoint>& points) {
  std::vector<RecordedFigure> figures;
  for (std::size_t i = 0; i < points.size(); ++i)
    for (RecordedFigure& f : headline_figures(points[i].summary, static_cast<int>(i)))
      figures.push_back(std::move(f));
  return figures;
}

}  // namespace tandem::study
