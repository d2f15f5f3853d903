// The results CSV of `tandem payout`: every problem located at file:row:column, all at
// once; rows summed into the plan's pay periods exactly, to the cent.
#include "data/credited_results.hpp"

#include "model/credit_fields.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tandem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::vector<std::string> csv_problems(const std::string& text,
                                      PeriodKind period = PeriodKind::month) {
  std::vector<std::string> out;
  try {
    parse_credited_results(text, "r.csv", period);
  } catch (const ScenarioError& e) {
    for (const auto& p : e.problems()) out.push_back(p.str());
  }
  return out;
}

}  // namespace

TEST_CASE("results rows become credits with missing columns as zero", "[data]") {
  const auto rows = parse_credited_results(
      "person,role,period,bookings,mqls\n"
      "Ben,sales,2025-02,100.5,\n"
      "Ana,sales,2025-01,12345.67,0\n"
      "Cy,marketing,2025-01,,31\n",
      "r.csv", PeriodKind::month);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].person == "Ana");
  CHECK(rows[0].period == "2025-01");
  CHECK(rows[0].credits.bookings == Money::from_cents(1'234'567));
  CHECK(rows[0].pay_period.index == 0);
  CHECK(rows[0].pay_period.kind == PeriodKind::month);
  CHECK(rows[0].pay_period.years == 1.0 / 12.0);
  CHECK(rows[0].pay_period.first_period == 0);
  CHECK(rows[0].pay_period.last_period == 0);
  CHECK(rows[1].person == "Ben");
  CHECK(rows[1].credits.bookings == Money::from_cents(10'050));
  CHECK(rows[1].pay_period.index == 1);
  CHECK(rows[2].person == "Cy");
  CHECK(rows[2].role == "marketing");
  CHECK(rows[2].credits.mqls == 31);
  CHECK(rows[2].credits.bookings == Money{});
  CHECK(rows[2].credits.deals_won == 0);
}

TEST_CASE("months are summed into quarters exactly to the cent", "[data]") {
  const auto rows = parse_credited_results(
      "person,role,period,bookings,deals_won,company_bookings\n"
      "Ana,sales,2025-01,0.10,1,1000000.01\n"
      "Ana,sales,2025-02,0.20,2,1000000.01\n"
      "Ana,sales,2025-03,0.30,3,1000000.01\n"
      "Ana,sales,2025-04,99.99,1,0\n"
      "Ana,sales,2024-12,5,0,0\n",
      "r.csv", PeriodKind::quarter);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].period == "2024-Q4");
  CHECK(rows[0].pay_period.index == 0);
  CHECK(rows[1].period == "2025-Q1");
  CHECK(rows[1].credits.bookings == Money::from_cents(60));  // not 0.6000000000000001
  CHECK(rows[1].credits.deals_won == 6);
  CHECK(rows[1].credits.company_bookings == Money::from_cents(300'000'003));
  CHECK(rows[1].pay_period.index == 1);
  CHECK(rows[1].pay_period.kind == PeriodKind::quarter);
  CHECK(rows[1].pay_period.years == 0.25);
  CHECK(rows[2].period == "2025-Q2");
  CHECK(rows[2].credits.bookings == Money::from_cents(9'999));
}

TEST_CASE("quarters and months are summed into a year", "[data]") {
  const auto rows = parse_credited_results(
      "person,role,period,bookings\n"
      "Ana,sales,2025-Q1,100\n"
      "Ana,sales,2025-04,0.01\n"
      "Ana,sales,2025-q3,1\n",
      "r.csv", PeriodKind::year);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].period == "2025");
  CHECK(rows[0].credits.bookings == Money::from_cents(10'101));
  CHECK(rows[0].pay_period.years == 1.0);
}

TEST_CASE("quoted fields and CRLF lines are read as RFC 4180 says", "[data]") {
  const auto rows = parse_credited_results(
      "person,role,period,bookings\r\n\"Okafor, Chidi\",sales,2025-01,\"1.50\"\r\n\r\n", "r.csv",
      PeriodKind::month);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].person == "Okafor, Chidi");
  CHECK(rows[0].credits.bookings == Money::from_cents(150));
}

TEST_CASE("a UTF-8 byte-order mark is not part of the first column's name", "[data]") {
  // Excel's "CSV UTF-8" writes one.
  const auto rows = parse_credited_results(
      "\xEF\xBB\xBFperson,role,period,bookings\nAna,sales,2025-01,1\n", "r.csv", PeriodKind::month);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].person == "Ana");
}

TEST_CASE("a header with no rows is refused rather than paying no one", "[data]") {
  const auto p = csv_problems("person,role,period,bookings\r\n");
  REQUIRE(p.size() == 1);
  CHECK_THAT(p[0], StartsWith("r.csv:1:1: the file has a header but no rows"));
}

TEST_CASE("bytes that are not text are located at their row and column", "[data]") {
  const auto p = csv_problems("person,role,period,bookings\nAna,sales,2025-01,1\nBen,sales,\xE9\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "r.csv:3:3: period: byte 0xE9 is not UTF-8 text; save the file as UTF-8");
}

TEST_CASE("sums too large to hold are located at the row that overflows them", "[data]") {
  const auto p = csv_problems(
      "person,role,period,bookings\n"
      "Ana,sales,2025-01,90000000000000000.00\n"
      "Ana,sales,2025-02,90000000000000000.00\n",
      PeriodKind::quarter);
  REQUIRE_FALSE(p.empty());
  CHECK_THAT(p[0], StartsWith("r.csv:3:4: bookings: the sum of bookings for 'Ana' in 2025-Q1 is "
                              "too large to hold"));
}

TEST_CASE("an unknown column suggests the nearest name", "[data]") {
  const auto p = csv_problems("person,role,period,bookngs\nAna,sales,2025-01,1\n");
  REQUIRE(p.size() == 1);
  CHECK_THAT(p[0], Contains("r.csv:1:4: bookngs: unknown column 'bookngs'; did you mean "
                            "'bookings'?"));
}

TEST_CASE("a missing required column is named", "[data]") {
  const auto p = csv_problems("person,period,bookings\nAna,2025-01,1\n");
  REQUIRE(p.size() == 1);
  CHECK_THAT(p[0], Contains("r.csv:1:1: role: missing required column 'role'"));
}

TEST_CASE("a column named twice is a problem", "[data]") {
  const auto p = csv_problems("person,role,period,mqls,mqls\nAna,sales,2025-01,1,1\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "r.csv:1:5: mqls: column 'mqls' appears twice (first as column 4)");
}

TEST_CASE("every bad value is located at its row and column all at once", "[data]") {
  const auto p = csv_problems(
      "person,role,period,bookings,deals_won\n"
      "Ana,sales,2025-01,12.345,1\n"
      "Ben,salse,2025-13,1,-2\n"
      "Cy,sales,2025-01,\"1,000.00\",x\n"
      ",sales,2025-02,-1,1.5\n"
      "Dee,sales,2025-01\n");
  REQUIRE(p.size() == 10);
  CHECK(p[0] ==
        "r.csv:2:4: bookings: expected an amount with at most two decimals (12345.67), got "
        "'12.345'");
  CHECK(p[1] ==
        "r.csv:3:2: role: expected marketing, sales or sdr, got 'salse'; did you mean "
        "'sales'?");
  CHECK(p[2] ==
        "r.csv:3:3: period: expected a month (2025-03), a quarter (2025-Q1) or a year (2025), "
        "got '2025-13'");
  CHECK(p[3] == "r.csv:3:5: deals_won: expected a whole number of zero or more, got '-2'");
  CHECK_THAT(p[4], Contains("r.csv:4:4: bookings:") && Contains("'1,000.00'"));
  CHECK(p[5] == "r.csv:4:5: deals_won: expected a whole number of zero or more, got 'x'");
  CHECK(p[6] == "r.csv:5:1: person: expected a name, got nothing");
  CHECK(p[7] == "r.csv:5:4: bookings: expected zero or more, got -1");
  CHECK(p[8] == "r.csv:5:5: deals_won: expected a whole number of zero or more, got '1.5'");
  CHECK(p[9] ==
        "r.csv:6:4: bookings: this row has 3 fields; the header has 5: give every column a "
        "field, an empty one for nothing");
}

TEST_CASE("a duplicate person and period is located at the second row", "[data]") {
  const auto p = csv_problems(
      "person,role,period\n"
      "Ana,sales,2025-01\n"
      "Ana,sales,2025-02\n"
      "Ana,sales,2025-01\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0] ==
        "r.csv:4:3: period: a second row for 'Ana' in 2025-01 (first in row 2); give one row "
        "per person and period");
}

TEST_CASE("a quarter row overlapping a month row is a problem", "[data]") {
  const auto p = csv_problems(
      "person,role,period\n"
      "Ana,sales,2025-02\n"
      "Ana,sales,2025-Q1\n",
      PeriodKind::quarter);
  REQUIRE(p.size() == 1);
  CHECK_THAT(p[0], Contains("r.csv:3:3: period: 2025-Q1 overlaps 2025-02 in row 2"));
}

TEST_CASE("an overlap names the earliest row it overlaps and only rows that do", "[data]") {
  const auto p = csv_problems(
      "person,role,period\n"
      "Ana,sales,2025-Q2\n"  // row 2
      "Ana,sales,2025-03\n"  // row 3: a month of Q1, not of Q2
      "Ana,sales,2024\n"     // row 4: another year
      "Ana,sales,2025-Q1\n"  // row 5: holds row 3's month
      "Ana,sales,2025\n"     // row 6: holds rows 2, 3 and 5; row 2 is the earliest
      "Bo,sales,2025\n",     // row 7: another person
      PeriodKind::year);
  REQUIRE(p.size() == 2);
  CHECK_THAT(p[0], Contains("r.csv:5:3: period: 2025-Q1 overlaps 2025-03 in row 3"));
  CHECK_THAT(p[1], Contains("r.csv:6:3: period: 2025 overlaps 2025-Q2 in row 2"));
}

TEST_CASE("a person has one role", "[data]") {
  const auto p = csv_problems(
      "person,role,period\n"
      "Ana,sales,2025-01\n"
      "Ana,marketing,2025-02\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "r.csv:3:2: role: 'Ana' is sales in row 2; a person has one role");
}

TEST_CASE("a period coarser than the plan's is a problem", "[data]") {
  const auto p = csv_problems("person,role,period\nAna,sales,2025-Q1\nBen,sales,2025\n");
  REQUIRE(p.size() == 2);
  CHECK_THAT(p[0], Contains("r.csv:2:3: period: '2025-Q1' is a quarter but the plan pays by "
                            "month"));
  CHECK_THAT(p[1], Contains("r.csv:3:3: period: '2025' is a year but the plan pays by month"));
}

TEST_CASE("an empty results file names the columns", "[data]") {
  const auto p = csv_problems("");
  REQUIRE(p.size() == 1);
  CHECK_THAT(p[0], Contains("r.csv:1:1: the file is empty") && Contains("person,role,period"));
}

TEST_CASE("an unreadable results file is a located problem", "[data]") {
  try {
    read_credited_results("no-such-results.csv", PeriodKind::month);
    FAIL("no error");
  } catch (const ScenarioError& e) {
    CHECK_THAT(std::string(e.what()),
               Contains("no-such-results.csv: cannot read the results file"));
  }
}

TEST_CASE("a roster refuses rows of people the plan does not pay", "[data]") {
  const std::string text =
      "person,role,period,bookings\n"
      "Ana Ruiz,sales,2025-01,100\n"
      "Ana Ruis,sales,2025-02,100\n"
      "Eli Park,marketing,2025-01,0\n";
  // Only sales rows are checked when the plan pays sales: Eli is skipped, not refused.
  try {
    parse_credited_results(text, "r.csv", PeriodKind::month,
                           Roster{{"Ana Ruiz", "Ben Cho"}, std::string("sales")});
    FAIL("no error");
  } catch (const ScenarioError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].str() ==
          "r.csv:3:1: person: unknown person 'Ana Ruis': not among the plan's people; did you "
          "mean 'Ana Ruiz'? (people: Ana Ruiz, Ben Cho); fix the name, or add them to the plan's "
          "people");
  }
  // Without a roster anyone is paid.
  CHECK(parse_credited_results(text, "r.csv", PeriodKind::month).size() == 3);
}

TEST_CASE("cancellations and salaries are read and the team is the role's people", "[data]") {
  const auto rows = parse_credited_results(
      "person,role,period,bookings,cancelled,deals_cancelled,salary\n"
      "Ana,sales,2025-01,100.00,10.00,1,60000\n"
      "Ana,sales,2025-02,50.00,,,60000\n"
      "Ben,sales,2025-01,30.00,,,72000.50\n"
      "Cy,marketing,2025-01,,,,90000\n",
      "r.csv", PeriodKind::quarter);
  REQUIRE(rows.size() == 3);
  const Credits& ana = rows[0].credits;
  CHECK(ana.bookings == Money::from_cents(15'000));
  CHECK(ana.cancelled == Money::from_cents(1'000));
  CHECK(ana.deals_cancelled == 1);
  CHECK(ana.salary == Money::from_cents(6'000'000));  // per person: not summed over months
  CHECK(ana.team.members == 2);                       // Ana and Ben, not Cy
  CHECK(ana.team.bookings == Money::from_cents(18'000));
  CHECK(ana.team.salaries == Money::from_cents(13'200'050));
  CHECK(rows[2].credits.team.members == 1);
}

TEST_CASE("a person has one salary", "[data]") {
  try {
    parse_credited_results(
        "person,role,period,salary\nAna,sales,2025-01,60000\nAna,sales,2025-02,61000\n", "r.csv",
        PeriodKind::month);
    FAIL("no error");
  } catch (const ScenarioError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].str() ==
          "r.csv:3:4: salary: 'Ana' has salary 60000.00 in row 2; a person has one salary (per "
          "year)");
  }
}

TEST_CASE("every field of the Credits table is a column, read into its own field", "[data]") {
  for (const CreditField& f : credit_fields()) {
    INFO(f.name);
    const auto rows =
        parse_credited_results("person,role,period," + f.name + "\nAna Ruiz,sales,2025-01,7\n",
                               "r.csv", PeriodKind::month);
    REQUIRE(rows.size() == 1);
    CHECK(f.text(rows[0].credits) == (f.is_money() ? "7.00" : "7"));
    for (const CreditField& other : credit_fields())
      if (other.name != f.name) CHECK(other.is_zero(rows[0].credits));
  }
  CHECK(results_columns().size() == 3 + credit_fields().size());
}
