// Pay at the expected results: each person's expected credits per pay period, as the
// crediting rule gives them, with each of their plans called on them as totals.
#include "experiments/funnel_chain_detail.hpp"

#include "engine/calendar.hpp"
#include "engine/pay_history.hpp"

#include <tandem/money.hpp>

namespace tandem::funnel_chain_detail {

// Every person's expected credits, period by period (payroll.hpp, crediting.cpp): a
// marketer is credited with the inquiries, MQLs and opportunities of the channels they
// run (channel i: marketer i mod marketers) and the sourced share of their pipeline and
// won revenue; influence credit (a prospected lead nurture brought back) is split among
// marketers; reps share the rest evenly (the sales pieces of a deal add up to it), and
// SDRs, when there are any, the MQLs' work and their share. Each plan is then called on
// each person's credits per pay period, as totals.
PayEstimate Estimator::pay(const Flows& f) {
  struct Expected {
    double bookings = 0, pipeline = 0, sourced = 0, deals_won = 0, opportunities = 0, inquiries = 0,
           mqls = 0, sals = 0, sqls = 0;
  };
  const int H = s_.horizon.periods, M = s_.marketing.people, R = s_.sales.people,
            S = s_.sdrs.people;
  const int agents = M + R + S;
  std::vector<Expected> tally(at(H) * at(agents));
  std::vector<double> company(at(H), 0.0);
  const CreditingConfig& cr = s_.crediting;
  const auto add = [&](int t, int first, int people, auto field, double value) {
    for (int a = first; a < first + people; ++a)
      tally[at(t) * at(agents) + at(a)].*field += value / people;
  };
  for (int t = 0; t < H; ++t) {
    const auto tt = at(t);
    double mql_work[3] = {}, own_work[3] = {};  // sals, sqls, opportunities
    double mql_value = 0, own_value = 0, mql_pipe = 0, own_pipe = 0, mql_won = 0, own_won = 0;
    for (std::size_t g = 0; g < sources_.size(); ++g) {
      const PeriodFlows& pf = f.sources[g][tt];
      const double won = pf.won[0] + pf.won[1], value = pf.revenue[0] + pf.revenue[1];
      const double opps = pf.opportunities[0] + pf.opportunities[1];
      const double pipe = pf.pipeline[0] + pf.pipeline[1];
      company[tt] += value;
      if (!sources_[g].prospecting()) {
        const int m = sources_[g].channel % M;
        Expected& x = tally[tt * at(agents) + at(m)];
        x.inquiries += pf.inquiries;
        x.mqls += pf.mqls;
        x.opportunities += opps;
        x.pipeline += cr.sourced_share * pipe;
        x.sourced += cr.sourced_share * value;
        if (cr.sourced_share > 0) x.deals_won += won;
        mql_work[0] += pf.sals, mql_work[1] += pf.sqls, mql_work[2] += opps;
        mql_value += value, mql_pipe += pipe, mql_won += won;
        continue;
      }
      // Prospected: at pass 0 the rep's own work; once back from nurture, an MQL like any.
      const double sals0 = f.prospected[tt];
      double sqls0 = 0;
      for (int fl = 0; fl < 8; ++fl)
        sqls0 +=
            sals0 * source_rates_[g].passes[0].entry[at(fl)] * rates_.qualify[(fl & kNeed) ? 1 : 0];
      own_work[0] += sals0, own_work[1] += sqls0, own_work[2] += pf.opportunities[0];
      mql_work[0] += pf.sals - sals0, mql_work[1] += pf.sqls - sqls0,
          mql_work[2] += pf.opportunities[1];
      own_value += pf.revenue[0], own_pipe += pf.pipeline[0], own_won += pf.won[0];
      mql_value += pf.revenue[1], mql_pipe += pf.pipeline[1], mql_won += pf.won[1];
      if (cr.influenced_share > 0) {
        add(t, 0, M, &Expected::sourced, cr.influenced_share * pf.revenue[1]);
        add(t, 0, M, &Expected::pipeline, cr.influenced_share * pf.pipeline[1]);
        add(t, 0, M, &Expected::deals_won, M * pf.won[1]);
      }
    }
    // Sales: SDRs (when there are any) work the MQLs and take their share of those deals.
    const int worker_first = S > 0 ? M + R : M, workers_n = S > 0 ? S : R;
    add(t, worker_first, workers_n, &Expected::sals, mql_work[0]);
    add(t, worker_first, workers_n, &Expected::sqls, mql_work[1]);
    add(t, worker_first, workers_n, &Expected::opportunities, mql_work[2]);
    add(t, M, R, &Expected::sals, own_work[0]);
    add(t, M, R, &Expected::sqls, own_work[1]);
    add(t, M, R, &Expected::opportunities, own_work[2] + (S > 0 ? mql_work[2] : 0.0));
    const double sdr_part = S > 0 ? (1.0 - cr.team_share) * cr.sdr_share : 0.0;
    add(t, M, R, &Expected::bookings, own_value + mql_value * (1.0 - sdr_part));
    add(t, M, R, &Expected::pipeline, own_pipe + mql_pipe * (1.0 - sdr_part));
    const double pieces =
        1.0 + (cr.account_owner_share > 0 ? (R - 1.0) / R : 0.0) + (cr.team_share > 0 ? R : 0.0);
    add(t, M, R, &Expected::deals_won, (own_won + mql_won) * pieces);
    if (S > 0) {
      add(t, M + R, S, &Expected::bookings, mql_value * sdr_part);
      add(t, M + R, S, &Expected::pipeline, mql_pipe * sdr_part);
      if (sdr_part > 0) add(t, M + R, S, &Expected::deals_won, mql_won);
    }
  }

  PayEstimate out;
  Stream stream(s_.seed, kEstimateReplication, kPayStream);
  const std::vector<PaidTeam> teams = paid_teams(s_);
  for (std::size_t ti = 0; ti < teams.size(); ++ti) {
    const PaidTeam& team = teams[ti];
    const Role role = role_of_team(team.key);
    double& total = role == Role::marketing ? out.marketing
                    : role == Role::sdr     ? out.sdrs
                                            : out.sales;
    std::vector<const PayChoice*> choices = {team.pay};
    for (const PayChoice& c : team.pay->components) choices.push_back(&c);
    for (std::size_t ci = 0; ci < choices.size(); ++ci) {
      const LoadedPlugin& plugin = *plugins_.pay.at(ti).at(ci);
      const GuardedPayPlan plan(plugin, plugin.make_pay_plan(choices[ci]->params, stream));
      std::vector<PayHistory> earlier(at(team.people));
      for (const PayPeriod& period : pay_periods(s_.horizon, choices[ci]->period)) {
        std::vector<Credits> credits(at(team.people));
        TeamView view;
        view.members = team.people;
        for (int p = 0; p < team.people; ++p) {
          const int agent = team.first_agent + p;
          Expected x;
          double booked = 0;
          for (int t = period.first_period; t <= period.last_period; ++t) {
            const Expected& y = tally[at(t) * at(agents) + at(agent)];
            x.bookings += y.bookings, x.pipeline += y.pipeline, x.sourced += y.sourced;
            x.deals_won += y.deals_won, x.opportunities += y.opportunities;
            x.inquiries += y.inquiries, x.mqls += y.mqls, x.sals += y.sals, x.sqls += y.sqls;
            booked += company[at(t)];
          }
          Credits& c = credits[at(p)];
          c.bookings = Money::from_units(x.bookings);
          c.pipeline = Money::from_units(x.pipeline);
          c.sourced_revenue = Money::from_units(x.sourced);
          c.company_bookings = Money::from_units(booked);
          c.deals_won = std::llround(x.deals_won);
          c.opportunities = std::llround(x.opportunities);
          c.inquiries = std::llround(x.inquiries);
          c.mqls = std::llround(x.mqls);
          c.sals = std::llround(x.sals);
          c.sqls = std::llround(x.sqls);
          const std::vector<double>& salaries = *team.salaries;
          if (!salaries.empty())
            c.salary = Money::from_units(salaries[salaries.size() == 1 ? 0 : at(p)]);
          view.bookings += c.bookings;
          view.sourced_revenue += c.sourced_revenue;
          view.salaries += c.salary;
        }
        for (int p = 0; p < team.people; ++p) {
          Credits& c = credits[at(p)];
          c.team = view;
          c.earlier = earlier[at(p)].earlier();
          total += plan.pay(c, period).total().units();
          earlier[at(p)].record(c);
        }
      }
    }
  }
  return out;
}

}  // namespace tandem::funnel_chain_detail
