// Period labels: "2025-03", "2025-Q1", "2025", and which periods hold which.
#include "data/period_labels.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tandem;

TEST_CASE("labels read and write back as months, quarters and years", "[data]") {
  for (const std::string text : {"2025-03", "2025-Q1", "2025"})
    CHECK(PeriodLabel::parse(text)->str() == text);
  CHECK(PeriodLabel::parse("2025-q2")->str() == "2025-Q2");
  for (const std::string text : {"", "25-03", "2025-13", "2025-00", "2025-Q5", "2025/03", "2025-3"})
    CHECK_FALSE(PeriodLabel::parse(text));
}

TEST_CASE("a month lies in its quarter and year, and overlaps only those", "[data]") {
  const PeriodLabel may = *PeriodLabel::parse("2025-05");
  CHECK(may.in(PeriodKind::quarter).str() == "2025-Q2");
  CHECK(may.in(PeriodKind::year).str() == "2025");
  CHECK(PeriodLabel::parse("2025-Q2")->contains(may));
  CHECK_FALSE(PeriodLabel::parse("2025-Q1")->contains(may));
  CHECK_FALSE(may.contains(*PeriodLabel::parse("2025-Q2")));
  std::vector<std::string> overlapping;
  for (const PeriodLabel& l : may.overlapping()) overlapping.push_back(l.str());
  CHECK(overlapping == std::vector<std::string>{"2025-05", "2025-Q2", "2025"});
  CHECK(PeriodLabel::parse("2025-Q1")->overlapping().size() == 5);  // 3 months, itself, year
}

TEST_CASE("a period's share of a year prorates annual amounts", "[data]") {
  CHECK(period_years(PeriodKind::month) == Approx(1.0 / 12.0));
  CHECK(period_years(PeriodKind::quarter) == 0.25);
  CHECK(period_years(PeriodKind::year) == 1.0);
}
