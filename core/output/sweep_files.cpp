#include "output/sweep_files.hpp"

#include "output/csv_writers.hpp"
#include "output/table.hpp"

#include <tandem/version.hpp>

#include <fmt/core.h>

#include <cmath>
#include <filesystem>

namespace tandem {
namespace {

// The figures the terminal table shows, when the run reports them (all are in the files).
constexpr const char* kShown[] = {"revenue", "won_deals", "pay_sales", "pay_marketing",
                                  "cost_of_sales_share"};

std::string csv_number(double x) {
  return std::isfinite(x) ? fmt::format("{}", round_significant(x)) : "";
}

std::string value_of(const std::string& assignment) {
  return assignment.substr(assignment.find('=') + 1);
}

}  // namespace

std::string sweep_point_folder(std::size_t index) {
  return fmt::format("points/{:03}", index + 1);
}

std::string sweep_csv(const std::vector<Vary>& varies, const std::vector<SweepPoint>& points) {
  std::string text = "point";
  for (const Vary& v : varies) text += "," + v.key;
  for (const HeadlineStats& h : points.front().headlines)
    text += "," + h.name + "," + h.name + "_ci_low," + h.name + "_ci_high";
  text += "\n";
  for (std::size_t i = 0; i < points.size(); ++i) {
    text += std::to_string(i + 1);
    for (const std::string& a : points[i].assignments) text += "," + csv_field(value_of(a));
    for (const HeadlineStats& h : points[i].headlines) {
      text += "," + csv_number(h.stats.mean);
      text += "," + (h.stats.ci95 ? csv_number(h.stats.ci95->first) : std::string());
      text += "," + (h.stats.ci95 ? csv_number(h.stats.ci95->second) : std::string());
    }
    text += "\n";
  }
  return text;
}

SummaryJson sweep_json(const std::string& file, const std::vector<Vary>& varies,
                       const std::vector<SweepPoint>& points,
                       const std::vector<std::string>& warnings) {
  SummaryJson j;
  const Scenario& first = points.front().scenario;
  j["scenario"] = first.name;
  j["file"] = std::filesystem::path(file).filename().string();
  j["seed"] = first.seed;
  j["replications"] = first.replications;
  j["tandem_version"] = TANDEM_VERSION_STRING;
  j["random_numbers"] = "common: every point runs the same seed and replications";
  j["warnings"] = warnings;
  SummaryJson vary = SummaryJson::array();
  for (const Vary& v : varies) vary.push_back({{"key", v.key}, {"values", v.values}});
  j["vary"] = std::move(vary);
  SummaryJson rows = SummaryJson::array();
  for (std::size_t i = 0; i < points.size(); ++i) {
    SummaryJson row;
    row["point"] = i + 1;
    row["folder"] = sweep_point_folder(i);
    row["scenario_hash"] = points[i].scenario.hash;
    SummaryJson values = SummaryJson::object();
    for (const std::string& a : points[i].assignments)
      values[a.substr(0, a.find('='))] = value_of(a);
    row["values"] = std::move(values);
    SummaryJson headline = SummaryJson::object();
    for (const HeadlineStats& h : points[i].headlines)
      headline[h.name] = {{"unit", h.unit},
                          {"mean", number_or_null(h.stats.mean)},
                          {"ci95", interval_or_null(h.stats.ci95)}};
    row["headline"] = std::move(headline);
    rows.push_back(std::move(row));
  }
  j["points"] = std::move(rows);
  return j;
}

void print_sweep_table(std::ostream& out, const std::vector<Vary>& varies,
                       const std::vector<SweepPoint>& points) {
  std::vector<std::string> header{"point"};
  for (const Vary& v : varies) header.push_back(v.key);
  std::vector<const char*> shown;
  for (const char* name : kShown)
    for (const HeadlineStats& h : points.front().headlines)
      if (h.name == name) shown.push_back(name);
  for (const char* name : shown) header.emplace_back(name);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < points.size(); ++i) {
    std::vector<std::string> row{std::to_string(i + 1)};
    for (const std::string& a : points[i].assignments) row.push_back(value_of(a));
    for (const char* name : shown)
      for (const HeadlineStats& h : points[i].headlines)
        if (h.name == name) {
          std::string cell = format_figure(h.stats.mean, h.unit);
          if (h.stats.ci95)
            cell += " [" + format_figure(h.stats.ci95->first, h.unit) + ", " +
                    format_figure(h.stats.ci95->second, h.unit) + "]";
          row.push_back(cell);
        }
    rows.push_back(std::move(row));
  }
  rows.insert(rows.begin(), header);
  out << table_text(rows);
}

}  // namespace tandem
