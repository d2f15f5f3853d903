// The one ledger schema: both ledgers' columns, and one rule for formatting and quoting a
// row whichever columns a ledger has.
#include "output/ledger_schema.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace tandem;

namespace {
std::string row(const LedgerSchema& schema, const LedgerEntry& entry) {
  fmt::memory_buffer out;
  schema.append_row(out, entry);
  return fmt::to_string(out);
}
}  // namespace

TEST_CASE("the run's and payout's ledgers name their columns from one schema", "[output]") {
  CHECK(LedgerSchema::run().header() ==
        "replication,pay_period,period_kind,person,role,plan,component,cents,amount,reason\n");
  CHECK(LedgerSchema::payout().header() ==
        "person,role,pay_period,plan,component,cents,amount,reason\n");
}

TEST_CASE("a ledger row quotes text that needs it and writes amounts exactly", "[output]") {
  const LedgerEntry e{2,
                      "2025-03",
                      "month",
                      "Okafor, Chidi",
                      "sales",
                      "flat_commission",
                      "commission",
                      Money::from_cents(-123457),
                      "10% of \"net\""};
  CHECK(row(LedgerSchema::run(), e) ==
        "2,2025-03,month,\"Okafor, Chidi\",sales,flat_commission,commission,-123457,-1234.57,"
        "\"10% of \"\"net\"\"\"\n");
  CHECK(row(LedgerSchema::payout(), e) ==
        "\"Okafor, Chidi\",sales,2025-03,flat_commission,commission,-123457,-1234.57,"
        "\"10% of \"\"net\"\"\"\n");
  CHECK(row(LedgerSchema({LedgerColumn::cents}), e) == "-123457\n");
}
