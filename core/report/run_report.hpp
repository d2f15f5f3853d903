// The data of a run's report: the funnel waterfall, revenue and cost over time with 95%
// bands, pay by role and its spread, the behaviour panel, each plan's earnings curve and
// every headline figure. Built from what the run folder already holds (the summary and
// the results), so the page and the files can never disagree.
#pragma once

#include "experiments/earnings_curve.hpp"
#include "model/results.hpp"
#include "model/scenario.hpp"
#include "output/summary.hpp"
#include "report/period_series.hpp"
#include "report/report_page.hpp"

#include <string>
#include <vector>

namespace tandem {

// `summary` is the run's summary.json; `curves` each plan's earnings curve (as written to
// earnings_curve.csv).
ReportData run_report_data(const Scenario& scenario, const RunResult& result,
                           const SummaryJson& summary, const std::vector<EarningsCurve>& curves);

// The revenue and cost series ("revenue", "cost", "marketing_spend", "pay"), each
// {"name", "label", "mean", "low", "high"}: drawn by run and compare reports alike.
ReportData money_over_time(const Scenario& scenario, const RunResult& result,
                           const std::string& label_suffix = {});

// The header facts every report opens with: [name, value] pairs.
ReportData scenario_facts(const Scenario& scenario);

}  // namespace tandem
