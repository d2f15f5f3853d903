#include "study/calibrate_folder.hpp"

#include "output/atomic_folder.hpp"
#include "output/output_file.hpp"
#include "report/report_page.hpp"
#include "study/recorded_figures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace tandem::study {

namespace {

const ObservedFigure* observed_figure(const CalibrationRecord& r, const std::string& name) {
  return r.observed->find(name);
}

std::string number(double x) {
  return fmt::format("{:.6g}", x);
}

nlohmann::ordered_json or_null(const std::optional<double>& x) {
  return x ? nlohmann::ordered_json(*x) : nlohmann::ordered_json(nullptr);
}

// Days from MQL to a won close, cumulative: [[days, share closed within]], observed and as
// the export would have recorded the best run.
nlohmann::ordered_json days_to_close(const CalibrationRecord& r) {
  const std::vector<double>& won = r.observed->won_days;
  nlohmann::ordered_json j = {{"observed", nlohmann::ordered_json::array()},
                              {"simulated", nlohmann::ordered_json::array()}};
  if (won.empty() || !r.neighbourhood) return j;
  const int last = std::min(400, static_cast<int>(std::ceil(won.back())));
  for (int d = 0; d <= last; ++d) {
    const auto within =
        std::lower_bound(won.begin(), won.end(), static_cast<double>(d)) - won.begin();
    j["observed"].push_back({d, static_cast<double>(within) / static_cast<double>(won.size())});
  }
  std::vector<double> seen;
  for (const ObservedLead& l : r.observed->leads) seen.push_back(l.days_seen);
  const CloseDays close(r.neighbourhood->best);
  if (close.empty()) return j;
  const std::vector<double> cumulative = close.recorded_cumulative(seen, last);
  for (int d = 0; d <= last; ++d)
    j["simulated"].push_back({d, cumulative[static_cast<std::size_t>(d)]});
  return j;
}

nlohmann::ordered_json month_json(const HeldOutMonth& m) {
  return {{"month", m.month},         {"mqls", m.mqls}, {"observed", m.observed},
          {"predicted", m.predicted}, {"low", m.low},   {"high", m.high},
          {"inside", m.inside()}};
}

nlohmann::ordered_json holdout_json(const HoldoutCheck* h) {
  if (!h) return nullptr;
  nlohmann::ordered_json months = nlohmann::ordered_json::array();
  for (const HeldOutMonth& m : h->months) months.push_back(month_json(m));
  return {{"from", h->from},
          {"until", h->until},
          {"months", months},
          {"total", month_json(h->total)},
          {"passed", h->passed()}};
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
                    {"se", r.uncertainty ? or_null(r.uncertainty->se[i]) : nullptr},
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
  j["days_to_close"] = days_to_close(r);
  j["holdout"] = holdout_json(r.holdout);
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
  for (std::size_t i = 0; i < fit.keys.size(); ++i) {
    std::string se;
    if (r.uncertainty)
      se = r.uncertainty->se[i] ? " ± " + number(r.uncertainty->se[i].value_or(0.0))
                                : " (not pinned down by these figures)";
    head += "#   " + fit.keys[i].key + " = " + number(fit.best_evaluation().values[i]) + se +
            "   (searched " + number(fit.keys[i].low) + " to " + number(fit.keys[i].high) + ")\n";
  }
  head += "# to these figures of the export (observed -> simulated):\n";
  for (std::size_t i = 0; i < fit.targets.size(); ++i)
    head += "#   " + fit.targets[i].name + ": " + number(fit.targets[i].observed) + " -> " +
            number(fit.best_evaluation().simulated[i]) + "\n";
  if (r.holdout)
    head += fmt::format(
        "# Held out from {}: {} won deals of {} MQLs observed by {}, {:.1f} predicted "
        "(95% prediction interval {:.1f} to {:.1f}).\n",
        r.holdout->from, r.holdout->total.observed, r.holdout->total.mqls, r.holdout->until,
        r.holdout->total.predicted, r.holdout->total.low, r.holdout->total.high);
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
  page["days_to_close"] = j["days_to_close"];
  page["holdout"] = j["holdout"];
  nlohmann::ordered_json trace = nlohmann::ordered_json::array();
  for (const Evaluation& e : fit.trace) trace.push_back(e.distance);
  page["trace"] = trace;
  write_report(out, page);

  write_file(out / kCalibrationMarker, j.dump(2) + "\n");
  folder.commit();
  return j;
}

}  // namespace tandem::study
