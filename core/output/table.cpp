#include "output/table.hpp"

#include "output/precision.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

namespace tandem {
namespace {

// "-1234567.8" -> "-1,234,567.8": separators in the integer digits only.
std::string group_thousands(const std::string& plain) {
  const std::size_t begin = plain.front() == '-' ? 1 : 0;
  const std::size_t end = std::min(plain.find('.'), plain.size());
  std::string out = plain.substr(0, begin);
  for (std::size_t i = begin; i < end; ++i) {
    out += plain[i];
    const std::size_t left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out + plain.substr(end);
}

// fmt prints -0.2 with no decimals as "-0"; a table should not.
std::string fixed(double value, int decimals) {
  std::string s = fmt::format("{:.{}f}", value, decimals);
  if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string figure_or_na(const SummaryJson& v, const std::string& unit) {
  if (!v.is_number()) return "n/a";
  return format_figure(v.get<double>(), unit);
}

}  // namespace

std::string format_figure(double value, const std::string& unit) {
  if (std::isnan(value)) return "n/a";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (unit == "money") return group_thousands(fixed(std::round(value), 0));  // halves away from 0
  if (unit == "share") return fixed(value * 100.0, 1) + "%";
  if (unit == "count" || unit == "days") return group_thousands(fixed(value, 1));
  return fmt::format("{:.4g}", value);
}

TableLayout TableLayout::plain() {
  TableLayout layout;
  layout.align.clear();
  layout.rest = Align::left;
  layout.rule = false;
  return layout;
}

std::string table_text(const std::vector<TableRow>& rows, const TableLayout& layout) {
  std::vector<std::size_t> width;
  for (const TableRow& r : rows) {
    width.resize(std::max(width.size(), r.size()));
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  }
  const auto align = [&](std::size_t c) {
    return c < layout.align.size() ? layout.align[c] : layout.rest;
  };
  const auto end_line = [&](std::string& line) {
    if (layout.trim)
      while (!line.empty() && line.back() == ' ') line.pop_back();
    line += "\n";
  };
  std::string text;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const TableRow& r = rows[i];
    std::string line = layout.indent;
    for (std::size_t c = 0; c < r.size(); ++c) {
      if (c > 0) line += "  ";
      if (align(c) == Align::right)
        line += fmt::format("{:>{}}", r[c], width[c]);
      else
        line += c + 1 == r.size() ? r[c] : fmt::format("{:<{}}", r[c], width[c]);
    }
    end_line(line);
    text += line;
    if (layout.rule && i == 0) {
      std::string dashes = layout.indent;
      for (std::size_t c = 0; c < width.size(); ++c)
        dashes += (c == 0 ? "" : "  ") + std::string(width[c], '-');
      end_line(dashes);
      text += dashes;
    }
  }
  return text;
}

void print_summary_table(std::ostream& out, const SummaryJson& summary) {
  std::vector<std::vector<std::string>> rows = {{"metric", "mean", "95% CI"}};
  const auto headline = summary.find("headline");
  if (headline != summary.end() && headline->is_object()) {
    for (const auto& [name, h] : headline->items()) {
      if (!h.is_object()) continue;
      const std::string unit = h.value("unit", "");
      std::string ci = "n/a";
      const auto interval = h.find("ci95");
      if (interval != h.end() && interval->is_array() && interval->size() == 2)
        ci = "[" + figure_or_na((*interval)[0], unit) + ", " + figure_or_na((*interval)[1], unit) +
             "]";
      const auto mean = h.find("mean");
      rows.push_back({name, mean != h.end() ? figure_or_na(*mean, unit) : "n/a", ci});
    }
  }
  out << table_text(rows);
  if (const auto precision = summary.find("precision"); precision != summary.end())
    if (const std::string note = precision_note(*precision); !note.empty())
      out << "\n" << note << "\n";
  if (const auto warnings = summary.find("warnings"); warnings != summary.end())
    for (const auto& w : *warnings) out << "\nwarning: " << w.get<std::string>() << "\n";
}

}  // namespace tandem
