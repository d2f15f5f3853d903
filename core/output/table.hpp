// The short table the terminal shows after a run: each headline figure with its mean and
// 95% confidence interval, money in whole currency units with thousands separators,
// shares as percentages.
#pragma once

#include "output/summary.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace tandem {

// Reads the "headline" block of a summary (make_summary, or summary.json parsed as an
// ordered_json). A figure without an interval (one replication) shows "n/a".
void print_summary_table(std::ostream& out, const SummaryJson& summary);

// Rows as a text table, the first row a header with a rule under it: the first column
// left-aligned (names), the others right-aligned (figures: digits line up).
std::string table_text(const std::vector<std::vector<std::string>>& rows);

// One figure as the table shows it, by unit: "money" -> "1,234,568", "share" -> "12.3%",
// "count" and "days" -> "1,234.5", anything else -> 4 significant digits.
std::string format_figure(double value, const std::string& unit);

}  // namespace tandem
