#include "report/compare_report.hpp"

#include "output/summary.hpp"
#include "report/run_report.hpp"

#include <utility>

namespace tandem {
namespace {

ReportData difference(const PairedComparison& c) {
  return {{"name", c.name},
          {"unit", c.unit},
          {"base_mean", number_or_null(c.base_mean)},
          {"alt_mean", number_or_null(c.alt_mean)},
          {"difference", number_or_null(c.difference)},
          {"relative", number_or_null(c.relative_change)},
          {"paired_ci95", interval_or_null(c.paired_ci95)},
          {"unpaired_ci95", interval_or_null(c.unpaired_ci95)},
          {"significant", c.significant}};
}

// Both runs' series side by side: base solid, alt dashed, one colour per side.
ReportData side_by_side(const ComparedRuns& runs) {
  ReportData all = ReportData::array();
  const auto add = [&](ReportData series, int color, bool dashed) {
    for (auto& s : series) {
      s["color"] = color;
      s["dashed"] = dashed;
      all.push_back(std::move(s));
    }
  };
  add(money_over_time(runs.base, runs.base_result, " (base)"), 0, false);
  add(money_over_time(runs.alt, runs.alt_result, " (alt)"), 1, true);
  return all;
}

}  // namespace

ReportData compare_report_data(const ComparedRuns& runs, const std::vector<PairedComparison>& rows,
                               const std::vector<std::string>& not_compared,
                               const std::vector<std::string>& warnings) {
  ReportData differences = ReportData::array();
  for (const PairedComparison& c : rows) differences.push_back(difference(c));
  ReportData facts = ReportData::array({{"base", runs.base_label},
                                        {"alt", runs.alt_label},
                                        {"base hash", runs.base.hash},
                                        {"alt hash", runs.alt.hash},
                                        {"seed (both)", runs.base.seed},
                                        {"replications (paired)", runs.base.replications}});
  return {{"kind", "compare"},
          {"title", "Tandem comparison: " + runs.base.name + " vs " + runs.alt.name},
          {"subtitle",
           "Both scenarios on common random numbers: the same seed and replications, so where "
           "they do not differ they see the same market, leads and luck."},
          {"notes", warnings},  // shown first, under the title (report.js header())
          {"facts", std::move(facts)},
          {"differences", std::move(differences)},
          {"not_compared", not_compared},
          {"over_time",
           {{"period_unit", runs.base.horizon.period == SimPeriod::week ? "week" : "month"},
            {"periods", measured_periods_axis(runs.base.horizon)},
            {"measured", measured_periods_text(runs.base.horizon)},
            {"series", side_by_side(runs)}}}};
}

}  // namespace tandem
