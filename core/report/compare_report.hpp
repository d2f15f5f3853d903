// The data of a comparison's report: every paired difference (alt - base) with its paired
// and unpaired 95% intervals, and both scenarios' revenue and cost over time.
#pragma once

#include "model/results.hpp"
#include "model/scenario.hpp"
#include "report/report_page.hpp"
#include "stats/paired_comparison.hpp"

#include <string>
#include <vector>

namespace tandem {

struct ComparedRuns {
  const Scenario& base;
  const Scenario& alt;
  const RunResult& base_result;
  const RunResult& alt_result;
  std::string base_label, alt_label;  // as the user named them (file and --set-base/-alt)
};

ReportData compare_report_data(const ComparedRuns& runs, const std::vector<PairedComparison>& rows,
                               const std::vector<std::string>& not_compared,
                               const std::vector<std::string>& warnings);

}  // namespace tandem
