#include "output/comparison_files.hpp"

#include "output/table.hpp"

#include <tandem/version.hpp>

#include <fmt/core.h>

#include <cmath>
#include <optional>

namespace tandem {
namespace {

// A CSV cell: empty when there is no value (or it is not finite).
std::string cell(std::optional<double> x) {
  return x && std::isfinite(*x) ? fmt::format("{}", round_significant(*x)) : "";
}

SummaryJson scenario_json(const Scenario& s, const char* folder) {
  SummaryJson j;
  j["scenario"] = s.name;
  j["scenario_hash"] = s.hash;
  j["folder"] = folder;
  return j;
}

// A difference as the table shows it: a difference of shares is in percentage points.
std::string difference_figure(double value, const std::string& unit) {
  std::string text = format_figure(value, unit);
  if (unit == "share" && !text.empty() && text.back() == '%')
    text.replace(text.size() - 1, 1, " pp");
  return text;
}

// A difference with its sign, unless it shows as zero.
std::string signed_figure(double value, const std::string& unit) {
  std::string text = difference_figure(value, unit);
  if (value > 0 && text.find_first_of("123456789") != std::string::npos) text = "+" + text;
  return text;
}

std::string interval_text(const std::optional<Interval>& ci, const std::string& unit) {
  if (!ci) return "n/a";
  return "[" + difference_figure(ci->first, unit) + ", " + difference_figure(ci->second, unit) +
         "]";
}

}  // namespace

std::string comparison_csv(const std::vector<PairedComparison>& rows) {
  std::string text =
      "headline,unit,base_mean,alt_mean,difference,relative_change,paired_ci_low,"
      "paired_ci_high,unpaired_ci_low,unpaired_ci_high,significant\n";
  for (const PairedComparison& c : rows) {
    const auto low = [](const std::optional<Interval>& ci) {
      return ci ? std::optional(ci->first) : std::nullopt;
    };
    const auto high = [](const std::optional<Interval>& ci) {
      return ci ? std::optional(ci->second) : std::nullopt;
    };
    // Headline names and units are plain identifiers: no quoting needed.
    text +=
        fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", c.name, c.unit, cell(c.base_mean),
                    cell(c.alt_mean), cell(c.difference), cell(c.relative_change),
                    cell(low(c.paired_ci95)), cell(high(c.paired_ci95)), cell(low(c.unpaired_ci95)),
                    cell(high(c.unpaired_ci95)), c.significant ? "true" : "false");
  }
  return text;
}

SummaryJson comparison_json(const Scenario& base, const Scenario& alt,
                            const std::vector<PairedComparison>& rows,
                            const std::vector<std::string>& base_only,
                            const std::vector<std::string>& alt_only,
                            const std::vector<std::string>& warnings) {
  SummaryJson j;
  j["base"] = scenario_json(base, "base");
  j["alt"] = scenario_json(alt, "alt");
  j["warnings"] = warnings;
  j["seed"] = base.seed;
  j["replications"] = base.replications;
  j["tandem_version"] = TANDEM_VERSION_STRING;
  j["difference"] = "alt - base, replication by replication (common random numbers)";
  j["confidence"] = 0.95;
  SummaryJson headline = SummaryJson::object();
  for (const PairedComparison& c : rows) {
    SummaryJson h;
    h["unit"] = c.unit;
    h["n"] = c.n;
    h["base_mean"] = number_or_null(c.base_mean);
    h["alt_mean"] = number_or_null(c.alt_mean);
    h["difference"] = number_or_null(c.difference);
    h["relative_change"] = number_or_null(c.relative_change);
    h["paired_ci95"] = interval_or_null(c.paired_ci95);
    h["unpaired_ci95"] = interval_or_null(c.unpaired_ci95);
    h["difference_sd"] = number_or_null(c.difference_sd);
    h["welch_df"] = number_or_null(c.welch_df);
    h["significant"] = c.significant;
    headline[c.name] = std::move(h);
  }
  j["headline"] = std::move(headline);
  j["not_compared"] = {{"base_only", base_only}, {"alt_only", alt_only}};
  return j;
}

void print_comparison_table(std::ostream& out, const Scenario& base,
                            const std::vector<PairedComparison>& rows) {
  std::vector<std::vector<std::string>> table = {
      {"metric", "base", "alt", "alt - base", "paired 95% CI", "unpaired 95% CI"}};
  bool any_significant = false;
  for (const PairedComparison& c : rows) {
    any_significant = any_significant || c.significant;
    table.push_back({c.name, format_figure(c.base_mean, c.unit), format_figure(c.alt_mean, c.unit),
                     signed_figure(c.difference, c.unit) + (c.significant ? " *" : "  "),
                     interval_text(c.paired_ci95, c.unit), interval_text(c.unpaired_ci95, c.unit)});
  }
  std::string text =
      fmt::format("alt - base on common random numbers: {} paired replication{}, seed {}\n\n",
                  base.replications, base.replications == 1 ? "" : "s", base.seed) +
      table_text(table);
  if (any_significant)
    text +=
        "\n* the paired 95% CI excludes 0: a difference the replications cannot explain "
        "away as chance\n";
  out << text;
}

}  // namespace tandem
