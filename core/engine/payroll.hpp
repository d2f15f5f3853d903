// Credits and pay: what each person is credited with, period by period, and the payouts
// their pay plan computes at the end of each pay period, as ledger rows in exact cents.
#pragma once

#include "engine/choice_rule.hpp"
#include "engine/pay_history.hpp"
#include "engine/replication.hpp"
#include "model/results.hpp"
#include "model/scenario.hpp"
#include "plugins/registry.hpp"

#include <tandem/money.hpp>
#include <tandem/random.hpp>
#include <tandem/views.hpp>

#include <array>
#include <vector>

namespace tandem {

// One person's results in one simulation period: the fields of Credits of their own
// results and cancellations (model/credit_fields.hpp), the rest left empty. A rep (or an
// SDR) is credited with the leads they accept and qualify and the opportunities they open;
// a marketer with the inquiries and MQLs of the channels they run (channel i is run by
// marketer i mod the number of marketers). Pipeline, won deals and cancellations are
// credited by engine/crediting.hpp.
using Tally = Credits;

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
    without_.agent = -1;  // what worth_of_deal() kept no longer holds
  }
  // A credited deal whose customer cancelled in `deal.cancelled_period`.
  void credit_cancellation(int agent, const CreditedDeal& deal) {
    cancellations_[static_cast<std::size_t>(agent)].push_back(deal);
    without_.agent = -1;
  }

  // Pays every pay period that ends with simulation period `t`, appending to `ledger`,
  // and, when `statements` is given, each whole statement.
  void end_of_period(int t, std::vector<LedgerRow>& ledger,
                     std::vector<StatementRecord>* statements);

  // Counterfactual valuation (adaptive agents): what every plan paying `agent` would pay
  // for the pay period holding period `t` if the agent were credited `extra` more (its
  // money and count fields; bookings as one won deal), on top of what is credited so far.
  // Calls the plans themselves: no plan is known to the caller.
  Money pay_now(int agent, int t, const Credits& extra);
  // What they would pay for the pay period after it, were the agent credited `expected`.
  Money pay_next(int agent, int t, const Credits& expected);
  // Does every plan paying the agent hold periods t and `at` in one pay period?
  bool same_pay_period(int agent, int t, int at) const;
  // Does the agent's main plan end a pay period with period t?
  bool ends_pay_period(int agent, int t) const;
  // The last simulation period of the agent's main plan's pay period holding t.
  int pay_period_end(int agent, int t) const;
  // The last simulation period of the agent's main plan's pay period after the one
  // holding t (the horizon's last period if there is none).
  int next_pay_period_end(int agent, int t) const;

  // The agent's stakes, what their choices are weighed against (engine/choice_rule.hpp):
  // their pay per pay period of their main plan, the mean of those paid so far; before the
  // first, what their plans would pay for a pay period with one deal of the scenario's
  // median size credited (or 1 currency unit if that is nothing).
  double stakes(int agent) const { return stakes_[static_cast<std::size_t>(agent)]; }

  // Deal timing: what a deal worth `value`, won in period `at` (>= t), is worth to `agent`
  // at period t. For each plan paying the agent: its pay for its pay period holding `at`
  // with the deal and without, on top of what is credited in that pay period so far and
  // `expected` for each of its periods still to come (uncertain: see payroll.cpp), the
  // difference weighted by `time`
  // (periods until that pay period is paid; whether it is later than the one holding t).
  double worth_of_deal(int agent, int t, int at, Money value, Money expected,
                       const TimePreference& time);

  // Everything paid to a role since the warm-up: the sum of its ledger rows of the pay
  // periods that end in the measured periods.
  Money paid(Role role) const { return paid_[static_cast<std::size_t>(role)]; }
  // The warm-up is over: pay counts from the next pay period paid on.
  void start_measuring() {
    for (Money& m : paid_) m = Money{};
  }

 private:
  struct Team {
    Role role;
    int first_agent, people;
    GuardedPayPlan plan;
    std::vector<PayPeriod> periods;
    std::vector<int> ending;          // per simulation period: the pay period ending there, or -1
    std::vector<int> period_of;       // per simulation period: the pay period holding it
    int paid_through = -1;            // last simulation period of the last pay period paid
    std::vector<PayHistory> history;  // [agent - first_agent]: the credits paid on
  };
  // The agent's credits over the pay period, with `deals` and `cancellations` pointing
  // into the scratch lists below; `team` and `earlier` are left for the caller.
  Credits credits(int agent, const PayPeriod& period);
  // The team's totals over the pay period.
  TeamView team_view(const Team& team, const PayPeriod& period);
  // The members' annual base salaries, summed: TeamView::salaries in every pay period.
  Money team_salaries(const Team& team) const;
  bool member(const Team& team, int agent) const {
    return agent >= team.first_agent && agent < team.first_agent + team.people;
  }

  std::size_t agents_;
  std::vector<Tally> tallies_;           // [period][agent]
  std::vector<Money> company_bookings_;  // [period]: every rep's bookings, once it has ended
  std::vector<Money> salaries_;          // [agent]: annual base salary, as declared
  std::vector<std::vector<CreditedDeal>> deals_;          // [agent]: won, not yet paid on
  std::vector<std::vector<CreditedDeal>> cancellations_;  // [agent]: not yet paid on
  std::vector<CreditedDeal> deals_in_period_, cancellations_in_period_;  // scratch
  std::vector<Credits> team_credits_;  // scratch: one team's credits for one pay period
  std::vector<Team> teams_;
  Money paid_[4];                   // by Role
  std::vector<double> stakes_;      // [agent]
  std::vector<int> stake_periods_;  // [agent]: main-plan pay periods paid so far
  std::vector<Money> paid_to_;      // [agent]: everything paid so far
  Money typical_deal_;              // what reps take a deal to be worth, forecasting
  // worth_of_deal's pay without the deal, per (team, pay period), for one (agent, t, expected)
  // worth_of_deal's base for one plan's pay period: what is credited so far (owning its
  // deal lists, the last deal a slot for the deal valued) and the pay at each point of
  // what the rest of the pay period may bring, without the deal.
  struct WorthBase {
    std::size_t key = 0;  // team * 100000 + pay period index
    Credits base;
    std::vector<CreditedDeal> deals, cancellations;
    std::size_t points = 1;
    std::array<double, 3> more{}, weight{};
    std::array<Money, 3> without{};
    Credits at(std::size_t i) const {
      Credits c = base;
      c.cancellations = cancellations;
      const Money extra = Money::from_units(more[i]);
      c.bookings += extra;
      c.team.bookings += extra;
      return c;
    }
  };
  struct WithoutCache {
    int agent = -1, t = -1;
    Money expected;
    std::vector<WorthBase> entries;
  } without_;
};

}  // namespace tandem
