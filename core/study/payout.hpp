// `tandem payout` as a library call: a pay plan applied to given credited results
// (historical or forecast), without a simulation. The statements, the ledger and the
// totals per role; the ledger's cents sum to the totals.
#pragma once

#include "config/plan_file.hpp"
#include "data/credited_results.hpp"
#include "output/statement_text.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tandem::study {

struct Payout {
  std::string statements;  // one block per person and pay period, each then a blank line
  std::string ledger;      // the ledger CSV (output/ledger_schema.hpp), header first
  std::size_t ledger_rows = 0;
  std::map<std::string, RoleTotal> totals;  // by role; empty when no one was paid
  std::size_t skipped = 0;                  // rows of roles the plan does not pay
};

// Pays `credited` (sorted by person, then period, as the results reader returns them)
// with the plan: rows of a role the plan does not pay are skipped; each person's earlier
// pay periods are their pay history. Only the guarded call: a plugin that throws or pays a
// negative amount is a PluginFault. Refused first (ScenarioError, located in the plan
// file; `results` names the results in the message): a plan role that no row has, and a
// plan that refuses what the results give it (config/pay_probe.hpp).
Payout payout(const PlanFile& plan, std::vector<CreditedPeriod> credited,
              const std::string& results = "the results");

// Reads `results` for the plan's pay period and people (ScenarioError with every problem
// located in the file), then pays them as above.
Payout payout(const PlanFile& plan, const std::filesystem::path& results);

// Writes the ledger to `target` through a hidden sibling renamed into place once complete,
// so the ledger's name never holds a partial file. Throws OutputError naming the file.
void write_ledger(const std::filesystem::path& target, const std::string& ledger);

}  // namespace tandem::study
