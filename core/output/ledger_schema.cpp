#include "output/ledger_schema.hpp"

#include "output/csv_writers.hpp"

#include <iterator>
#include <utility>

namespace tandem {

namespace {
const char* name_of(LedgerColumn c) {
  switch (c) {
    case LedgerColumn::replication:
      return "replication";
    case LedgerColumn::pay_period:
      return "pay_period";
    case LedgerColumn::period_kind:
      return "period_kind";
    case LedgerColumn::person:
      return "person";
    case LedgerColumn::role:
      return "role";
    case LedgerColumn::plan:
      return "plan";
    case LedgerColumn::component:
      return "component";
    case LedgerColumn::cents:
      return "cents";
    case LedgerColumn::amount:
      return "amount";
    case LedgerColumn::reason:
      return "reason";
  }
  return "?";
}
}  // namespace

const LedgerSchema& LedgerSchema::run() {
  using C = LedgerColumn;
  static const LedgerSchema schema({C::replication, C::pay_period, C::period_kind, C::person,
                                    C::role, C::plan, C::component, C::cents, C::amount,
                                    C::reason});
  return schema;
}

const LedgerSchema& LedgerSchema::payout() {
  using C = LedgerColumn;
  static const LedgerSchema schema(
      {C::person, C::role, C::pay_period, C::plan, C::component, C::cents, C::amount, C::reason});
  return schema;
}

std::string LedgerSchema::header() const {
  std::string s;
  for (const LedgerColumn c : columns_) s += (s.empty() ? "" : ",") + std::string(name_of(c));
  return s + "\n";
}

void LedgerSchema::append_row(fmt::memory_buffer& out, const LedgerEntry& e) const {
  bool first = true;
  for (const LedgerColumn c : columns_) {
    if (!first) out.push_back(',');
    first = false;
    switch (c) {
      case LedgerColumn::replication:
        fmt::format_to(std::back_inserter(out), "{}", e.replication);
        break;
      case LedgerColumn::pay_period:
        append_csv_field(out, e.pay_period);
        break;
      case LedgerColumn::period_kind:
        append_csv_field(out, e.period_kind);
        break;
      case LedgerColumn::person:
        append_csv_field(out, e.person);
        break;
      case LedgerColumn::role:
        append_csv_field(out, e.role);
        break;
      case LedgerColumn::plan:
        append_csv_field(out, e.plan);
        break;
      case LedgerColumn::component:
        append_csv_field(out, e.component);
        break;
      case LedgerColumn::cents:
        fmt::format_to(std::back_inserter(out), "{}", e.amount.cents());
        break;
      case LedgerColumn::amount: {
        const std::string units = e.amount.str();
        out.append(units.data(), units.data() + units.size());
        break;
      }
      case LedgerColumn::reason:
        append_csv_field(out, e.reason);
        break;
    }
  }
  out.push_back('\n');
}

}  // namespace tandem
