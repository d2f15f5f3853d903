// The one ledger schema: every payout ledger Tandem writes, one row per statement line,
// comes from here. A ledger names the columns it has, in its order; the names, what each
// holds and how a row is formatted and quoted are the same for all of them.
//
//   replication   the replication (a run)                      a number
//   pay_period    the pay period: an index (a run) or a label  text
//   period_kind   month, quarter or year                       text
//   person, role, plan, component                              text
//   cents         the amount, exact, in integer cents          a number
//   amount        the same in currency units ("1234.56")       a number
//   reason        the rule the plan applied                    text
//
// Text is quoted as RFC 4180 says, only when it needs it (csv_field); lines end in "\n".
#pragma once

#include <tandem/money.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

enum class LedgerColumn {
  replication,
  pay_period,
  period_kind,
  person,
  role,
  plan,
  component,
  cents,
  amount,
  reason,
};

// One line of a statement as a ledger row: every column's value, whichever the ledger has.
struct LedgerEntry {
  std::size_t replication = 0;
  std::string_view pay_period;
  std::string_view period_kind;
  std::string_view person;
  std::string_view role;
  std::string_view plan;
  std::string_view component;
  Money amount;
  std::string_view reason;
};

class LedgerSchema {
 public:
  explicit LedgerSchema(std::vector<LedgerColumn> columns) : columns_(std::move(columns)) {}

  // A run's ledger.csv: replication,pay_period,period_kind,person,role,plan,component,
  // cents,amount,reason (pay_period the index of the pay period of its kind).
  static const LedgerSchema& run();
  // `tandem payout`'s ledger: person,role,pay_period,plan,component,cents,amount,reason
  // (pay_period its label, "2025-03").
  static const LedgerSchema& payout();

  // The header line, ending in "\n".
  std::string header() const;
  // One row, ending in "\n", appended to `out`.
  void append_row(fmt::memory_buffer& out, const LedgerEntry& entry) const;

 private:
  std::vector<LedgerColumn> columns_;
};

}  // namespace tandem
