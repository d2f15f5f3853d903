// The terminal's tables. One renderer lays out every aligned text table Tandem prints
// (the headline figures after a run, a comparison, a sweep, the estimate, the run history,
// the plugin lists); the short table after a run shows each headline figure with its mean
// and 95% confidence interval, money in whole currency units with thousands separators,
// shares as percentages.
#pragma once

#include "output/summary.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace tandem {

enum class Align { left, right };

// How table_text lays rows out. Every column is as wide as its widest cell, columns are
// two spaces apart, and a left-aligned cell that ends its row is never padded. The
// default is a table of figures: the first column left-aligned (names), the others
// right-aligned (digits line up), a rule under the header.
struct TableLayout {
  std::vector<Align> align{Align::left};  // column by column; the columns after: `rest`
  Align rest = Align::right;
  bool rule = true;    // a line of dashes under the first row
  std::string indent;  // before every line
  bool trim = false;   // no trailing spaces, even after an empty last cell

  // Every column left-aligned and no rule: lists of words, such as "key  value" lines.
  static TableLayout plain();
};

using TableRow = std::vector<std::string>;

std::string table_text(const std::vector<TableRow>& rows, const TableLayout& layout = {});

// Reads the "headline" block of a summary (make_summary, or summary.json parsed as an
// ordered_json). A figure without an interval (one replication) shows "n/a".
void print_summary_table(std::ostream& out, const SummaryJson& summary);

// One figure as the table shows it, by unit: "money" -> "1,234,568", "share" -> "12.3%",
// "count" and "days" -> "1,234.5", anything else -> 4 significant digits.
std::string format_figure(double value, const std::string& unit);

}  // namespace tandem
