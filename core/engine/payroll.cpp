#include "engine/payroll.hpp"

#include "engine/calendar.hpp"

#include <algorithm>
#include <limits>

namespace tandem {

Payroll::Payroll(const Scenario& s, const RunPlugins& plugins, Stream& stream)
    : agents_(static_cast<std::size_t>(s.marketing.people + s.sales.people)),
      tallies_(agents_ * static_cast<std::size_t>(s.horizon.periods)),
      company_bookings_(static_cast<std::size_t>(s.horizon.periods)),
      deals_(agents_) {
  const auto team = [&](Role role, int first, int people, const LoadedPlugin& plugin,
                        const PayChoice& pay) {
    Team t{role,
           first,
           people,
           GuardedPayPlan(plugin, plugin.make_pay_plan(pay.params, stream)),
           pay_periods(s.horizon, pay.period),
           std::vector<int>(static_cast<std::size_t>(s.horizon.periods), -1),
           -1,
           std::vector<std::vector<Credits>>(static_cast<std::size_t>(people))};
    for (const auto& p : t.periods) t.ending[static_cast<std::size_t>(p.last_period)] = p.index;
    teams_.push_back(std::move(t));
  };
  // One team per plan: a role paid by several plans has one team for each, same people.
  const auto role = [&](Role r, int first, int people,
                        const std::vector<const LoadedPlugin*>& loaded, const PayChoice& pay) {
    team(r, first, people, *loaded.at(0), pay);
    for (std::size_t i = 0; i < pay.components.size(); ++i)
      team(r, first, people, *loaded.at(i + 1), pay.components[i]);
  };
  role(Role::marketing, 0, s.marketing.people, plugins.marketing_pay, s.marketing.pay);
  role(Role::sales, s.marketing.people, s.sales.people, plugins.sales_pay, s.sales.pay);
}

Credits Payroll::credits(int agent, const PayPeriod& period) {
  Credits c;
  for (int t = period.first_period; t <= period.last_period; ++t) {
    const Tally& x = tally(t, agent);
    c.bookings += x.bookings;
    c.deals_won += x.deals_won;
    c.pipeline += x.pipeline;
    c.opportunities += x.opportunities;
    c.inquiries += x.inquiries;
    c.mqls += x.mqls;
    c.sals += x.sals;
    c.sqls += x.sqls;
    c.sourced_revenue += x.sourced_revenue;
    c.company_bookings += company_bookings_[static_cast<std::size_t>(t)];
  }
  deals_in_period_.clear();
  for (const CreditedDeal& d : deals_[static_cast<std::size_t>(agent)])
    if (d.period >= period.first_period && d.period <= period.last_period)
      deals_in_period_.push_back(d);
  c.deals = deals_in_period_;
  return c;
}

void Payroll::end_of_period(int t, std::vector<LedgerRow>& ledger,
                            std::vector<StatementRecord>* statements) {
  // Team bookings: what every rep booked in the period (the company's bookings), summed
  // once here rather than once per person paid.
  Money booked;
  for (std::size_t a = 0; a < agents_; ++a) booked += tally(t, static_cast<int>(a)).bookings;
  company_bookings_[static_cast<std::size_t>(t)] = booked;
  for (Team& team : teams_) {
    const int index = team.ending[static_cast<std::size_t>(t)];
    if (index < 0) continue;
    const PayPeriod& period = team.periods[static_cast<std::size_t>(index)];
    for (int agent = team.first_agent; agent < team.first_agent + team.people; ++agent) {
      std::vector<Credits>& earlier =
          team.earlier[static_cast<std::size_t>(agent - team.first_agent)];
      Credits c = credits(agent, period);
      c.earlier = earlier;
      const Statement statement = team.plan.pay(c, period);
      for (const StatementLine& line : statement.lines()) {
        ledger.push_back({period.index, period.kind, agent, team.plan.plugin().name(),
                          line.component, line.amount, line.reason});
        paid_[team.role == Role::marketing ? 0 : 1] += line.amount;
      }
      c.deals = {};
      c.earlier = {};
      if (statements)
        statements->push_back({period, agent, c, deals_in_period_, statement.lines()});
      earlier.push_back(c);
    }
    team.paid_through = period.last_period;
  }
  // A deal is done with once every plan paying its holder has paid the period holding it
  // (a quarterly component still needs the deals a monthly plan has already paid on).
  for (std::size_t a = 0; a < agents_; ++a) {
    int done_through = std::numeric_limits<int>::max();
    for (const Team& team : teams_)
      if (static_cast<int>(a) >= team.first_agent &&
          static_cast<int>(a) < team.first_agent + team.people)
        done_through = std::min(done_through, team.paid_through);
    std::erase_if(deals_[a], [&](const CreditedDeal& d) { return d.period <= done_through; });
  }
}

}  // namespace tandem
