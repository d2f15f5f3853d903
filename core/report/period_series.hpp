// Figures per simulation period, replication by replication, and their mean with a 95%
// confidence band per period: what the report's charts over time draw.
#pragma once

#include "model/results.hpp"
#include "model/scenario.hpp"
#include "report/report_page.hpp"

#include <string_view>
#include <vector>

namespace tandem {

using PeriodValues = std::vector<std::vector<double>>;  // [replication][period]

// A metric of metrics.csv summed per period over its rows (the company's, or every
// agent's), per replication, from the replications' digests. Throws Error if the run has
// no such metric.
PeriodValues metric_by_period(const RunResult& result, std::string_view metric, int periods);

// What the ledger pays, per period: each row counted in the last simulation period of the
// pay period it pays for (so pay steps at month or quarter ends, when it is paid out); from
// the replications' digests.
PeriodValues pay_by_period(const RunResult& result, const HorizonConfig& horizon);

// The values of the measured periods only: the warm-up's first periods dropped (every
// chart of a report starts after the warm-up, as the headlines do).
PeriodValues measured_only(const PeriodValues& values, const HorizonConfig& horizon);

// a + b, element by element (same shape).
PeriodValues operator+(const PeriodValues& a, const PeriodValues& b);

// {"mean": [...], "low": [...], "high": [...]}: per period, the mean over replications and
// its 95% confidence interval (Student t); no "low"/"high" with one replication.
ReportData period_band(const PeriodValues& values);

// The x axis of a chart over time: the measured periods, numbered from 0 (drawn from 1).
ReportData measured_periods_axis(const HorizonConfig& horizon);

// Where each period falls in its quarter: 0 for the first week (or month) of a quarter.
std::vector<int> offset_in_quarter(const HorizonConfig& horizon);

}  // namespace tandem
