// Pay statements from `tandem payout`, as text for people and as ledger rows for tools.
//
// The text, one block per person and pay period:
//   Ana Ruiz (sales), 2025-03
//     credited: bookings 12345.67, deals_won 3
//     deals: D12 8000.00 (period 9), D40 4345.67 (period 11)     (when the deals are known)
//     base salary  5000.00  60000.00 a year, prorated for a month (0.0833 of a year)
//     commission   1234.57  10.0% of 12345.67 booked
//     total        6234.57
//
// The ledger: person,role,pay_period,plan,component,cents,amount,reason — one row per
// statement line: the payout's columns of the one ledger schema (output/ledger_schema.hpp).
#pragma once

#include "data/credited_results.hpp"

#include <tandem/money.hpp>
#include <tandem/pay_plan.hpp>

#include <map>
#include <string>

namespace tandem {

// "bookings 12345.67, deals_won 3": the credits that are not zero, by column name
// (model/credit_fields.hpp), in its order; "nothing" when all are.
std::string credited_text(const Credits& credits);

// The block shown above, ending in a newline.
std::string statement_text(const CreditedPeriod& credited, const Statement& statement);

// The ledger's header line and the rows of one statement, each ending in a newline.
std::string payout_ledger_header();
std::string payout_ledger_rows(const CreditedPeriod& credited, const std::string& plan,
                               const Statement& statement);

// "total marketing: 27000.00 (2 people, 6 statements)", one line per role, by role name.
struct RoleTotal {
  Money total;
  std::size_t people = 0;
  std::size_t statements = 0;
};
std::string totals_text(const std::map<std::string, RoleTotal>& by_role);

}  // namespace tandem
