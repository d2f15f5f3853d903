// Period labels as CRM exports and finance teams write them: "2025-03" (a month),
// "2025-Q1" (a quarter), "2025" (a year), and which periods hold which.
#pragma once

#include <tandem/views.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace tandem {

// Months < quarters < years.
int period_rank(PeriodKind kind);

// A period's length as a share of a year, to prorate annual amounts (PayPeriod::years).
double period_years(PeriodKind kind);

// A month, a quarter or a year.
struct PeriodLabel {
  PeriodKind kind = PeriodKind::month;
  int year = 0;
  int sub = 0;  // month 1-12, quarter 1-4, 0 for a year

  // "2025-03", "2025-Q1" or "2025" (2025-q1 reads as a quarter; nothing else does).
  static std::optional<PeriodLabel> parse(std::string_view text);
  std::string str() const;

  // The label of the `coarser` period holding this one (itself for its own kind).
  PeriodLabel in(PeriodKind coarser) const;
  // Whether `other` lies within this period (a period contains itself).
  bool contains(const PeriodLabel& other) const;
  // Every label that equals or overlaps this one: itself, the periods holding it and the
  // periods inside it (all in its year).
  std::vector<PeriodLabel> overlapping() const;

  // A total order over labels of any kind, for maps (operator<=> compares within a kind).
  std::tuple<int, int, int> key() const { return {period_rank(kind), year, sub}; }
  friend bool operator==(const PeriodLabel&, const PeriodLabel&) = default;
  friend auto operator<=>(const PeriodLabel& a, const PeriodLabel& b) {
    return std::tie(a.year, a.sub) <=> std::tie(b.year, b.sub);
  }
};

}  // namespace tandem
