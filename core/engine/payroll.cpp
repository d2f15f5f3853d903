#include "engine/payroll.hpp"

#include "engine/calendar.hpp"
#include "engine/replication.hpp"
#include "model/credit_fields.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>

namespace tandem {

namespace {

// One salary for everyone, or one per person (load_scenario checked the count).
void declare_salaries(const std::vector<double>& declared, int first, int people,
                      std::vector<Money>& salaries) {
  for (int i = 0; i < people && !declared.empty(); ++i)
    salaries[static_cast<std::size_t>(first + i)] =
        Money::from_units(declared[declared.size() == 1 ? 0 : static_cast<std::size_t>(i)]);
}

}  // namespace

Payroll::Payroll(const Scenario& s, const RunPlugins& plugins, Stream& stream)
    : agents_(scenario_agents(s).size()),
      tallies_(agents_ * static_cast<std::size_t>(s.horizon.periods)),
      company_bookings_(static_cast<std::size_t>(s.horizon.periods)),
      salaries_(agents_),
      deals_(agents_),
      cancellations_(agents_),
      typical_deal_(s.deals.median_size) {
  const auto team = [&](Role role, int first, int people, const LoadedPlugin& plugin,
                        const PayChoice& pay) {
    const auto n = static_cast<std::size_t>(people);
    Team t{role,
           first,
           people,
           GuardedPayPlan(plugin, plugin.make_pay_plan(pay.params, stream)),
           pay_periods(s.horizon, pay.period),
           std::vector<int>(static_cast<std::size_t>(s.horizon.periods), -1),
           {},
           -1,
           std::vector<PayHistory>(n)};
    for (const auto& p : t.periods) t.ending[static_cast<std::size_t>(p.last_period)] = p.index;
    t.period_of = pay_period_of(t.periods, s.horizon.periods);
    teams_.push_back(std::move(t));
  };
  // One team per plan: a role paid by several plans has one team for each, same people.
  const std::vector<PaidTeam> paid = paid_teams(s);
  for (std::size_t i = 0; i < paid.size(); ++i) {
    const PaidTeam& p = paid[i];
    declare_salaries(*p.salaries, p.first_agent, p.people, salaries_);
    const Role r = role_of_team(p.key);
    const std::vector<const LoadedPlugin*>& loaded = plugins.pay.at(i);
    team(r, p.first_agent, p.people, *loaded.at(0), *p.pay);
    for (std::size_t c = 0; c < p.pay->components.size(); ++c)
      team(r, p.first_agent, p.people, *loaded.at(c + 1), p.pay->components[c]);
  }
  // Stakes before anything is paid: a pay period with one typical deal credited. Only
  // adaptive agents weigh choices against them.
  stakes_.assign(agents_, 1.0);
  stake_periods_.assign(agents_, 0);
  paid_to_.assign(agents_, Money{});
  for (std::size_t a = 0; a < agents_ && s.behaviour.mode == BehaviourMode::adaptive; ++a) {
    Money pay;
    bool paid = false;
    for (Team& team : teams_) {
      if (!member(team, static_cast<int>(a)) || team.periods.empty()) continue;
      const PayPeriod& period = team.periods.front();
      CreditedDeal deal;
      deal.value = deal.deal_value = s.deals.median_size;
      Credits c;
      c.salary = salaries_[a];
      c.bookings = s.deals.median_size;
      c.deals_won = 1;
      c.deals = std::span<const CreditedDeal>(&deal, 1);
      c.team.members = team.people;
      c.team.bookings = c.bookings;
      c.team.salaries = team_salaries(team);  // a plan split by salary needs them
      pay += team.plan.pay(c, period).total();
      paid = true;
    }
    if (paid) stakes_[a] = std::max(1.0, pay.units());
  }
}

namespace {
// Adds a person's own results and cancellations in `x` (a period's Tally, or hypothetical
// Credits) to `c`: not the company's bookings, which the payroll sums itself from every
// rep's tally, nor the salary, lists or views.
void add_results(Credits& c, const Credits& x) {
  add_credits(c, x, {CreditScope::own, CreditScope::cancellation});
}
}  // namespace

Credits Payroll::credits(int agent, const PayPeriod& period) {
  Credits c;
  for (int t = period.first_period; t <= period.last_period; ++t) {
    add_results(c, tally(t, agent));
    c.company_bookings += company_bookings_[static_cast<std::size_t>(t)];
  }
  c.salary = salaries_[static_cast<std::size_t>(agent)];
  const auto in_period = [&](int p) { return p >= period.first_period && p <= period.last_period; };
  deals_in_period_.clear();
  for (const CreditedDeal& d : deals_[static_cast<std::size_t>(agent)])
    if (in_period(d.period)) deals_in_period_.push_back(d);
  c.deals = deals_in_period_;
  cancellations_in_period_.clear();
  for (const CreditedDeal& d : cancellations_[static_cast<std::size_t>(agent)])
    if (in_period(d.cancelled_period)) cancellations_in_period_.push_back(d);
  c.cancellations = cancellations_in_period_;
  return c;
}

TeamView Payroll::team_view(const Team& team, const PayPeriod& period) {
  TeamView view;
  view.members = team.people;
  for (int agent = team.first_agent; agent < team.first_agent + team.people; ++agent) {
    for (int p = period.first_period; p <= period.last_period; ++p) {
      view.bookings += tally(p, agent).bookings;
      view.sourced_revenue += tally(p, agent).sourced_revenue;
    }
  }
  view.salaries = team_salaries(team);
  return view;
}

Money Payroll::team_salaries(const Team& team) const {
  Money sum;
  for (int agent = team.first_agent; agent < team.first_agent + team.people; ++agent)
    sum += salaries_[static_cast<std::size_t>(agent)];
  return sum;
}

Money Payroll::pay_now(int agent, int t, const Credits& extra) {
  Money total;
  for (Team& team : teams_) {
    if (!member(team, agent)) continue;
    const PayPeriod& period =
        team.periods[static_cast<std::size_t>(team.period_of[static_cast<std::size_t>(t)])];
    Credits c = credits(agent, period);
    c.team = team_view(team, period);
    c.earlier = team.history[static_cast<std::size_t>(agent - team.first_agent)].earlier();
    if (extra.bookings > Money{}) {
      // The hypothetical deal, won now, as the plan would see it.
      CreditedDeal deal;
      deal.id = 0;
      deal.value = deal.deal_value = extra.bookings;
      deal.period = t;
      deals_in_period_.push_back(deal);
      c.deals = deals_in_period_;
    }
    add_results(c, extra);
    c.team.bookings += extra.bookings;
    c.team.sourced_revenue += extra.sourced_revenue;
    total += team.plan.pay(c, period).total();
  }
  return total;
}

Money Payroll::pay_next(int agent, int t, const Credits& expected) {
  Money total;
  for (Team& team : teams_) {
    if (!member(team, agent)) continue;
    const auto now = static_cast<std::size_t>(team.period_of[static_cast<std::size_t>(t)]);
    const PayPeriod& period = team.periods[std::min(now + 1, team.periods.size() - 1)];
    Credits c;
    add_results(c, expected);
    c.salary = salaries_[static_cast<std::size_t>(agent)];
    c.team.members = team.people;
    c.team.salaries = team_salaries(team);
    c.team.bookings = c.bookings;
    c.team.sourced_revenue = c.sourced_revenue;
    c.earlier = team.history[static_cast<std::size_t>(agent - team.first_agent)].earlier();
    total += team.plan.pay(c, period).total();
  }
  return total;
}

double Payroll::worth_of_deal(int agent, int t, int at, Money value, Money expected,
                              const TimePreference& time) {
  if (without_.agent != agent || without_.t != t || without_.expected != expected) {
    without_.agent = agent;
    without_.t = t;
    without_.expected = expected;
    without_.entries.clear();
  }
  double worth = 0;
  for (std::size_t k = 0; k < teams_.size(); ++k) {
    Team& team = teams_[k];
    if (!member(team, agent)) continue;
    const int now = team.period_of[static_cast<std::size_t>(t)];
    const int then = team.period_of[static_cast<std::size_t>(at)];
    const PayPeriod& period = team.periods[static_cast<std::size_t>(then)];
    // What the pay period is expected to credit without the deal: so far (if it has
    // started) and, for each period still to come, `expected` on average. What is to come
    // is uncertain: a Poisson count of deals of the typical size, so its spread is
    // sqrt(mean x typical deal). The plan is valued at the three points of a
    // Gauss-Hermite rule for it (mean -+ sqrt(3) sd, weights 1/6, 2/3, 1/6), so a quota or
    // a cap that the rest of the pay period may or may not reach counts as such. What is
    // credited so far, and each point's pay without the deal, are worked out once per
    // agent and period (until a credit changes them).
    const std::size_t key = k * 100000 + static_cast<std::size_t>(then);
    auto entry = std::find_if(without_.entries.begin(), without_.entries.end(),
                              [&](const WorthBase& e) { return e.key == key; });
    if (entry == without_.entries.end()) {
      WorthBase e;
      e.key = key;
      if (then == now) {
        e.base = credits(agent, period);
        e.base.team = team_view(team, period);
        e.deals = deals_in_period_;
        e.cancellations = cancellations_in_period_;
      } else {
        e.base.salary = salaries_[static_cast<std::size_t>(agent)];
        e.base.team.members = team.people;
        e.base.team.salaries = team_salaries(team);
      }
      e.base.earlier = team.history[static_cast<std::size_t>(agent - team.first_agent)].earlier();
      const int to_come = period.last_period - std::max(t, period.first_period - 1);
      const double mean = expected.units() * to_come;
      const double sd = std::sqrt(mean * typical_deal_.units());
      e.points = sd > 0 ? 3 : 1;
      e.more = {std::max(0.0, mean - std::sqrt(3.0) * sd), mean, mean + std::sqrt(3.0) * sd};
      e.weight = {1.0 / 6, 2.0 / 3, 1.0 / 6};
      if (e.points == 1) {
        e.more[0] = mean;
        e.weight[0] = 1.0;
      }
      e.deals.push_back({});  // the slot of the deal valued
      without_.entries.push_back(std::move(e));
      entry = without_.entries.end() - 1;
      WorthBase& b = *entry;
      for (std::size_t i = 0; i < b.points; ++i) {
        Credits c = b.at(i);
        c.deals = std::span<const CreditedDeal>(b.deals.data(), b.deals.size() - 1);
        b.without[i] = team.plan.pay(c, period).total();
      }
    }
    WorthBase& b = *entry;
    CreditedDeal& deal = b.deals.back();
    deal = {};
    deal.value = deal.deal_value = value;
    deal.period = at;
    double gain = 0;
    for (std::size_t i = 0; i < b.points; ++i) {
      Credits c = b.at(i);
      c.deals = b.deals;
      c.bookings += value;
      ++c.deals_won;
      c.team.bookings += value;
      gain += b.weight[i] * (team.plan.pay(c, period).total() - b.without[i]).units();
    }
    worth += gain * time.weight(period.last_period - t, then != now);
  }
  return worth;
}

int Payroll::pay_period_end(int agent, int t) const {
  for (const Team& team : teams_)
    if (member(team, agent))
      return team.periods[static_cast<std::size_t>(team.period_of[static_cast<std::size_t>(t)])]
          .last_period;
  return t;
}

int Payroll::next_pay_period_end(int agent, int t) const {
  for (const Team& team : teams_)
    if (member(team, agent)) {
      const auto now = static_cast<std::size_t>(team.period_of[static_cast<std::size_t>(t)]);
      return team.periods[std::min(now + 1, team.periods.size() - 1)].last_period;
    }
  return t;
}

bool Payroll::same_pay_period(int agent, int t, int at) const {
  for (const Team& team : teams_)
    if (member(team, agent) &&
        team.period_of[static_cast<std::size_t>(t)] != team.period_of[static_cast<std::size_t>(at)])
      return false;
  return true;
}

bool Payroll::ends_pay_period(int agent, int t) const {
  for (const Team& team : teams_)
    if (member(team, agent)) return team.ending[static_cast<std::size_t>(t)] >= 0;
  return false;
}

void Payroll::end_of_period(int t, std::vector<LedgerRow>& ledger,
                            std::vector<StatementRecord>* statements) {
  // Company bookings: what every rep booked in the period, summed once here rather than
  // once per person paid.
  Money booked;
  for (std::size_t a = 0; a < agents_; ++a) booked += tally(t, static_cast<int>(a)).bookings;
  company_bookings_[static_cast<std::size_t>(t)] = booked;
  for (Team& team : teams_) {
    const int index = team.ending[static_cast<std::size_t>(t)];
    if (index < 0) continue;
    const PayPeriod& period = team.periods[static_cast<std::size_t>(index)];
    // The team view: every member's credits first, so each member's plan sees the whole.
    const TeamView view = team_view(team, period);
    for (int agent = team.first_agent; agent < team.first_agent + team.people; ++agent) {
      PayHistory& history = team.history[static_cast<std::size_t>(agent - team.first_agent)];
      Credits c = credits(agent, period);
      c.team = view;
      c.earlier = history.earlier();
      const Statement statement =
          team.plan.pay(c, period, agent_id(team.role, agent - team.first_agent + 1));
      for (const StatementLine& line : statement.lines()) {
        ledger.push_back({period.index, period.kind, agent, team.plan.plugin().name(),
                          line.component, line.amount, line.reason});
        paid_[static_cast<std::size_t>(team.role)] += line.amount;
      }
      history.record(c);
      paid_to_[static_cast<std::size_t>(agent)] += statement.total();
      if (statements) {
        c.deals = {};
        c.cancellations = {};
        c.earlier = {};
        statements->push_back(
            {period, agent, c, deals_in_period_, cancellations_in_period_, statement.lines()});
      }
    }
    team.paid_through = period.last_period;
  }
  // Stakes: the mean pay per main-plan pay period, once one has been paid.
  for (std::size_t a = 0; a < agents_; ++a)
    if (ends_pay_period(static_cast<int>(a), t)) {
      const int n = ++stake_periods_[a];
      stakes_[a] = std::max(1.0, paid_to_[a].units() / n);
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
    std::erase_if(cancellations_[a],
                  [&](const CreditedDeal& d) { return d.cancelled_period <= done_through; });
  }
}

}  // namespace tandem
