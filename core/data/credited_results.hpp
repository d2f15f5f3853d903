// Credited results from a CRM export, for `tandem payout`: one CSV row per person and
// period, summed into the plan's pay periods.
//
//   person,role,period,bookings,deals_won,pipeline,opportunities,inquiries,mqls,sals,sqls,
//   sourced_revenue,company_bookings,cancelled,deals_cancelled,salary
//
// `person`, `role` (marketing|sales|sdr) and `period` are required; every other column (a
// field of Credits) is optional (absent or empty: 0). `salary` is per person (the same in all their
// rows); the others are summed. Each row's team (Credits::team) is the people of its role with a
// row in the same pay period. Money columns are exact (at most two decimals); counts are whole
// numbers. `period` is `2025-03` (a month), `2025-Q1` (a quarter) or `2025` (a year); rows finer
// than the plan's pay period are summed into it, coarser ones are an error. Every problem is
// reported at once, at file:row:column (the header is row 1).
#pragma once

#include <tandem/views.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

// One person's credits over one of the plan's pay periods.
struct CreditedPeriod {
  std::string person;
  std::string role;    // "marketing" or "sales"
  std::string period;  // the pay period's label: "2025-03", "2025-Q1" or "2025"
  PayPeriod pay_period;
  Credits credits;
};

// Who the results may name: when `people` is not empty, every row of `role` (of any role,
// when there is none) must name one of them.
struct Roster {
  std::vector<std::string> people;
  std::optional<std::string> role;
};

// The columns a results file may have, in the order above: the required ones, then one
// per field of Credits (model/credit_fields.hpp).
const std::vector<std::string>& results_columns();

// Parses `text` (named `file` in messages) into the plan's pay periods, sorted by person,
// then period. PayPeriod::index counts the file's distinct pay periods in time order;
// first_period and last_period are 0 (no simulation). Throws ScenarioError with every
// problem, located as file:row:column with the column's name as the key.
std::vector<CreditedPeriod> parse_credited_results(std::string_view text, const std::string& file,
                                                   PeriodKind pay_period,
                                                   const Roster& roster = {});

// Reads `file` and parses it as above. An unreadable file is a ScenarioError too.
std::vector<CreditedPeriod> read_credited_results(const std::filesystem::path& file,
                                                  PeriodKind pay_period, const Roster& roster = {});

}  // namespace tandem
