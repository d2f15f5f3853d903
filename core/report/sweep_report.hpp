// The data of a sweep's report: each headline figure's response curve across the points
// (mean and 95% band), and total pay's P5 / median / P95 at each point (a bad and a good
// year, as a stress sweep over market demand asks).
#pragma once

#include "output/summary.hpp"
#include "report/report_page.hpp"

#include <vector>

namespace tandem {

// `sweep` is the sweep's sweep.json; `point_summaries` each point's summary.json, in order.
ReportData sweep_report_data(const SummaryJson& sweep,
                             const std::vector<SummaryJson>& point_summaries);

}  // namespace tandem
