// Credits and pay: what each person is credited with, period by period, and the payouts
// their pay plan computes at the end of each pay period, as ledger rows in exact cents.
#pragma once

#include "config/scenario.hpp"
#include "engine/replication.hpp"
#include "engine/results.hpp"
#include "plugins/registry.hpp"

#include <tandem/money.hpp>
#include <tandem/random.hpp>
#include <tandem/views.hpp>

#include <vector>

namespace tandem {

// One person's results in one simulation period. Crediting: a rep is credited with the
// leads they accept and qualify, the opportunities they open and the deals they win; a
// marketer with the inquiries, MQLs, pipeline and won revenue sourced by the channels
// they run (channel i is run by marketer i mod the number of marketers).
struct Tally {
  Money bookings, pipeline, sourced_revenue;
  std::int64_t deals_won = 0, opportunities = 0, inquiries = 0, mqls = 0, sals = 0, sqls = 0;
};

class Payroll {
 public:
  Payroll(const Scenario& scenario, const RunPlugins& plugins, Stream& stream);

  Tally& tally(int period, int agent) {
    return tallies_[static_cast<std::size_t>(period) * agents_ + static_cast<std::size_t>(agent)];
  }

  // A won deal credited to `agent` (as bookings for a rep, as sourced revenue for a
  // marketer), kept until the agent's pay period that holds it has been paid.
  void credit_deal(int agent, const CreditedDeal& deal) {
    deals_[static_cast<std::size_t>(agent)].push_back(deal);
  }

  // Pays every pay period that ends with simulation period `t`, appending to `ledger`,
  // and, when `statements` is given, each whole statement.
  void end_of_period(int t, std::vector<LedgerRow>& ledger,
                     std::vector<StatementRecord>* statements);

  // Everything paid so far to a role: the sum of its ledger rows.
  Money paid(Role role) const { return role == Role::marketing ? paid_[0] : paid_[1]; }

 private:
  struct Team {
    Role role;
    int first_agent, people;
    GuardedPayPlan plan;
    std::vector<PayPeriod> periods;
    std::vector<int> ending;  // per simulation period: the pay period ending there, or -1
    int paid_through = -1;    // last simulation period of the last pay period paid
    std::vector<std::vector<Credits>> earlier;  // [agent - first_agent]: credits paid on
  };
  // The agent's credits over the pay period; `deals` points into deals_in_period_.
  Credits credits(int agent, const PayPeriod& period);

  std::size_t agents_;
  std::vector<Tally> tallies_;  // [period][agent]
  std::vector<Money> company_bookings_;
  std::vector<std::vector<CreditedDeal>> deals_;  // [agent]: won, not yet paid on
  std::vector<CreditedDeal> deals_in_period_;  // scratch for one call of a plan  // [period]: every
                                               // rep's bookings, once it has ended
  std::vector<Team> teams_;
  Money paid_[2];
};

}  // namespace tandem
