#include "study/calibrate_folder.hpp"

#include "output/atomic_folder.hpp"
#include "output/output_file.hpp"
#include "report/report_page.hpp"

#include <fmt/format.h>

#include <cmath>

namespace tandem::study {

namespace {

const ObservedFigure* observed_figure(const CalibrationRecord& r, const std::string& name) {
  return r.observed->find(name);
}

std::string number(double x) {
  return fmt::format("{:.6g}", x);
}

}  // namespace

void check_calibration_folder(const std::filesystem::path& dir, bool replace_existing) {
  AtomicFolder::check(dir, replace_existing, kCalibrationMarker);
}

nlohmann::ordered_json calibration_json(const CalibrationRecord& r) {
  const Fit& fit = *r.fit;
  const Evaluation& best = fit.best_evaluation();
  nlohmann::ordered_json j;
  j["kind"] = "calibration";
  j["scenario"] = r.scenario_file;
  j["mapping"] = r.mapping_file;
  j["data"] = r.data_folder;
  j["window"] = r.window;
  j["data_read"] = r.data->summary();
  nlohmann::ordered_json dropped = nlohmann::ordered_json::object();
  for (const auto& [reason, n] : r.data->dropped_by_reason) dropped[reason] = n;
  j["rows_left_out"] = dropped;
  j["distance"] = best.distance;
  j["evaluations"] = fit.trace.size();
  j["stopped"] = fit.stopped;
  nlohmann::ordered_json keys = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < fit.keys.size(); ++i)
    keys.push_back({{"key", fit.keys[i].key},
                    {"value", best.values[i]},
                    {"low", fit.keys[i].low},
                    {"high", fit.keys[i].high}});
  j["keys"] = keys;
  nlohmann::ordered_json targets = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < fit.targets.size(); ++i) {
    const FitTarget& t = fit.targets[i];
    const ObservedFigure* o = observed_figure(r, t.name);
    targets.push_back({{"name", t.name},
                       {"unit", o ? o->unit : ""},
                       {"observed", t.observed},
                       {"low", o ? o->low : t.observed},
                       {"high", o ? o->high : t.observed},
                       {"se", t.se},
                       {"simulated", best.simulated[i]},
                       {"z", (best.simulated[i] - t.observed) / t.se},
                       {"from", t.headline}});
  }
  j["targets"] = targets;
  return j;
}

nlohmann::ordered_json write_calibration_folder(const std::filesystem::path& dir,
                                                bool replace_existing, const CalibrationRecord& r) {
  const Fit& fit = *r.fit;
  AtomicFolder folder(dir, replace_existing, kCalibrationMarker);
  const auto& out = folder.partial();

  // The calibrated scenario, saying what was fitted from what.
  std::string head = "# Calibrated by `tandem calibrate` to " + r.mapping_file + " (" + r.window +
                     ").\n# Fitted (" + std::to_string(fit.trace.size()) + " evaluations, " +
                     fit.stopped + "):\n";
  for (std::size_t i = 0; i < fit.keys.size(); ++i)
    head += "#   " + fit.keys[i].key + " = " + number(fit.best_evaluation().values[i]) +
            "   (searched " + number(fit.keys[i].low) + " to " + number(fit.keys[i].high) + ")\n";
  head += "# to these figures of the export (observed -> simulated):\n";
  for (std::size_t i = 0; i < fit.targets.size(); ++i)
    head += "#   " + fit.targets[i].name + ": " + number(fit.targets[i].observed) + " -> " +
            number(fit.best_evaluation().simulated[i]) + "\n";
  head += "# fit.json and report.html beside this file give the intervals and the search.\n";
  write_file(out / "scenario.yaml", head + r.calibrated_yaml);

  // Every evaluation.
  std::string csv = "evaluation";
  for (const FreeKey& k : fit.keys) csv += "," + k.key;
  csv += ",distance";
  for (const FitTarget& t : fit.targets) csv += "," + t.name;
  csv += "\n";
  for (std::size_t e = 0; e < fit.trace.size(); ++e) {
    csv += std::to_string(e + 1);
    for (const double v : fit.trace[e].values) csv += "," + number(v);
    csv += "," + number(fit.trace[e].distance);
    for (const double v : fit.trace[e].simulated) csv += "," + number(v);
    csv += "\n";
  }
  write_file(out / "trace.csv", csv);

  const nlohmann::ordered_json j = calibration_json(r);
  ReportData page;
  page["kind"] = "calibration";
  page["title"] = "Calibration of " + r.scenario_name;
  page["subtitle"] = "to " + r.mapping_file + ", " + r.window;
  page["facts"] = nlohmann::ordered_json::array(
      {nlohmann::ordered_json::array({"data read", r.data->summary()}),
       nlohmann::ordered_json::array({"distance", number(fit.best_evaluation().distance)}),
       nlohmann::ordered_json::array({"evaluations", std::to_string(fit.trace.size())})});
  page["window"] = r.window;
  page["stopped"] = fit.stopped;
  page["keys"] = j["keys"];
  page["targets"] = j["targets"];
  nlohmann::ordered_json trace = nlohmann::ordered_json::array();
  for (const Evaluation& e : fit.trace) trace.push_back(e.distance);
  page["trace"] = trace;
  write_report(out, page);

  write_file(out / kCalibrationMarker, j.dump(2) + "\n");
  folder.commit();
  return j;
}

}  // namespace tandem::study
