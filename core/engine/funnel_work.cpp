// Reps work: each period a rep (or SDR) works open opportunities, then routed leads
// (contact attempts, qualification), then prospects; MQLs left untouched too long go back
// to nurture.
#include "engine/funnel.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace tandem {

// A rep's period: open opportunities first (each needs its hours or it slips), then the
// routed leads in the order the behaviour picks (an adaptive rep: those it chose to work,
// best first), then (optionally) own prospecting. An SDR's period is the routed leads only.
void Funnel::work(int r, int t) {
  const auto ri = static_cast<std::size_t>(r);
  double period_hours = floor_.hours_per_period(r);
  if (adaptive_ && !floor_.is_sdr(r)) {
    // How hard to work this period, valued through the rep's own plans.
    const int agent = agent_of_rep(r);
    floor_.effort.choose(
        r, period_hours,
        [this, agent, t](Money extra) {
          Credits c;
          c.bookings = extra;
          c.deals_won = extra > Money{} ? 1 : 0;
          return payroll_.pay_now(agent, t, c);
        },
        payroll_.stakes(agent), streams_.choices);
    period_hours *= floor_.effort.share(r);
  }
  double hours = period_hours;
  RepHours& used = floor_.hours[ri];
  used = {};
  if (adaptive_ && !floor_.is_sdr(r)) used.effort = floor_.effort.share(r);

  std::size_t keep = 0;
  auto& opps = floor_.opportunities_of(r);
  // Adaptive reps weigh the timing of deals whose pay period it could change.
  const bool times_deals = adaptive_ && !floor_.is_sdr(r);
  const bool next_pays_apart = times_deals && t + 1 < s_.horizon.periods &&
                               !payroll_.same_pay_period(agent_of_rep(r), t, t + 1);
  for (std::size_t i = 0; i < opps.size(); ++i) {
    const std::uint32_t o = opps[i];
    if (hours + 1e-9 >= s_.funnel.hours_per_opportunity) {
      hours -= s_.funnel.hours_per_opportunity;
      used.opportunities += s_.funnel.hours_per_opportunity;
      if (book_.opps.close[o] <= t) {
        if (next_pays_apart && !book_.opps.pushed[o] && hours + 1e-9 >= s_.deals.reschedule_hours &&
            floor_.timing.push(r, book_.size_of(o), t, worth(r, t),
                               payroll_.stakes(agent_of_rep(r)), streams_.choices)) {
          hours -= s_.deals.reschedule_hours;
          used.opportunities += s_.deals.reschedule_hours;
          book_.opps.pushed[o] = 1;
          book_.opps.close[o] = t + 1;  // decided in the first period of the next pay period
          ++counts_[Counter::deals_pushed];
          ++used.pushed;
          opps[keep++] = o;
          continue;
        }
        decide(o, t);
        continue;
      }
    } else if (book_.opps.close[o] <= t) {
      book_.opps.close[o] = t + 1;  // not worked this period: the decision slips
    }
    opps[keep++] = o;
  }
  opps.resize(keep);
  if (times_deals) time_deals(r, t, hours, used);

  auto& queue = floor_.queues[ri];
  // Adaptive reps work the leads they believe bring most first and value which to work
  // at all; everyone else follows the scenario's order.
  const bool chooses = adaptive_ && !floor_.is_sdr(r);
  if (chooses)
    rank_by_yield(r, queue);
  else
    floor_.behaviour->order_queue(r, queue, pool_.leads);
  // The service level: leads whose first-touch deadline falls by the end of this period
  // come first, in the rep's own order among themselves.
  // (A stable partition through a scratch list kept between periods: no allocation.)
  floor_.scratch.clear();
  std::size_t due = 0;
  for (const std::uint32_t id : queue) {
    if (pool_.past_deadline(id, t, days_))
      queue[due++] = id;
    else
      floor_.scratch.push_back(id);
  }
  std::copy(floor_.scratch.begin(), floor_.scratch.end(),
            queue.begin() + static_cast<std::ptrdiff_t>(due));
  // The least an attempt must be believed to bring for the rep to make it.
  const double worth = chooses ? choose_leads(r, t, hours, queue) : 0.0;
  keep = 0;
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const std::uint32_t id = queue[i];
    if (chooses && believed_yield(r, id) < worth) {
      pool_.leads.ignored[id] = 1;
      ++used.ignored;
      queue[keep++] = id;
      continue;
    }
    if (hours + 1e-9 < s_.funnel.hours_per_attempt) {
      queue[keep++] = id;
      continue;
    }
    // When in the period the attempt is made: as far in as the rep's hours are used.
    const double clock = period_hours > 0 ? 1.0 - hours / period_hours : 0.0;
    hours -= s_.funnel.hours_per_attempt;
    used.leads += s_.funnel.hours_per_attempt;
    ++used.attempts;
    const int cell =
        chooses ? floor_.yield.cell(pool_.leads.score[id], pool_.leads.channel[id]) : 0;
    const std::int64_t opened = counts_[Counter::opportunities];
    if (attempt(id, r, t, clock)) queue[keep++] = id;
    if (chooses) floor_.yield.attempted(r, cell, counts_[Counter::opportunities] > opened);
  }
  queue.resize(keep);

  if (times_deals) floor_.timing.end_period(r);

  if (!floor_.is_sdr(r) && floor_.behaviour->prospects(r) && hours > 0) {
    used.prospecting = hours;
    floor_.prospect_hours[ri] += hours;
    const std::int64_t opened = counts_[Counter::opportunities];
    int sourced = 0;
    while (floor_.prospect_hours[ri] >= s_.sales.prospecting_hours_per_lead) {
      floor_.prospect_hours[ri] -= s_.sales.prospecting_hours_per_lead;
      prospect(r, t);
      ++sourced;
    }
    if (adaptive_)
      floor_.yield.prospected(r, sourced,
                              static_cast<int>(counts_[Counter::opportunities] - opened));
  }
}

// One contact attempt, made `clock` (0..1) of the way through period t. Speed to lead:
// the chance to reach the lead falls exponentially with the days it really waited since
// it became an MQL; a lead without contact details cannot be reached. A first touch
// later than the service level's first-touch time is a breach. Returns true if the lead
// stays in the rep's queue.
bool Funnel::attempt(std::uint32_t id, int r, int t, double clock) {
  const double waited = std::max(0.0, (t + clock) * days_ - pool_.leads.arrived_day[id]);
  if (!pool_.leads.touched[id]) {
    pool_.leads.touched[id] = 1;
    if (pool_.leads.was_mql[id] == 1) ++pool_.touched_leads;  // not a warm-up MQL
    floor_.first_touch_wait.add(static_cast<int>(waited * 24.0));
    if (waited * 24.0 > pool_.service.first_touch_hours && !pool_.leads.breached[id]) {
      pool_.leads.breached[id] = 1;
      ++counts_[Counter::sla_breaches];
    }
  }
  const double decay = std::exp(-s_.funnel.decay_per_day * waited);
  floor_.value_lost_sum += 1.0 - decay;
  ++floor_.attempts_total;
  ++pool_.leads.attempts[id];
  const double reach = pool_.leads.has_contact[id] ? s_.funnel.contact_rate * decay : 0.0;
  if (streams_.contact.bernoulli(reach)) {
    // In conversation the rep forms a view of the need: right with the scenario's
    // accuracy. What sales-accepted policies accept on, and learn from.
    const bool right = streams_.sales_read.bernoulli(s_.funnel.sales_read_accuracy);
    pool_.leads.sales_read[id] =
        static_cast<std::int8_t>(right == (pool_.leads.real_need[id] != 0));
    if (!pool_.policy.accepts(view(id, t))) {
      pool_.policy.on_outcome(view(id, t), Outcome::rejected);
      pool_.to_nurture(id, t);
      return false;
    }
    pool_.policy.on_outcome(view(id, t), Outcome::accepted);
    qualify(id, r, t);
    return false;
  }
  if (pool_.leads.attempts[id] >= pool_.service.max_touches) {
    pool_.policy.on_outcome(view(id, t), Outcome::recycled);
    pool_.to_nurture(id, t);
    return false;
  }
  return true;
}

// A reached lead is sales-accepted (SAL); the rep's discovery qualifies it (SQL) with a
// chance that depends on whether the need is real; a discovery meeting may open an
// opportunity. Leads that fall out go back to nurture.
void Funnel::qualify(std::uint32_t id, int r, int t) {
  const int agent = agent_of_rep(r);
  ++counts_[Counter::sals];
  ++tally(t, agent).sals;
  const double p =
      pool_.leads.real_need[id] ? s_.funnel.qualify_sensitivity : s_.funnel.qualify_false_positive;
  if (streams_.contact.bernoulli(p)) {
    ++counts_[Counter::sqls];
    ++tally(t, agent).sqls;
    if (streams_.contact.bernoulli(s_.funnel.sql_to_opportunity)) {
      open_opportunity(id, r, t);
      return;
    }
  }
  if (pool_.leads.was_mql[id]) pool_.policy.on_outcome(view(id, t), Outcome::disqualified);
  pool_.to_nurture(id, t);
}

// Own prospecting: a lead the rep sources, already reached, so it starts as an SAL.
void Funnel::prospect(int r, int t) {
  const bool in_market = streams_.prospecting.bernoulli(s_.sales.prospect_in_market_share);
  const std::uint32_t a = market_.pick(in_market, s_.sales.prospect_fit_tilt, streams_.prospecting);
  const std::uint32_t id = new_lead(a, kProspected, 0.0, t);
  pool_.leads.rep[id] = r;
  qualify(id, r, t);
}

// The service level: an MQL nobody touched within recycle_after_periods goes back to
// nurture ("MQLs never worked").
void Funnel::enforce_service_level(int t) {
  for (auto& queue : floor_.queues) {
    std::size_t keep = 0;
    for (std::size_t i = 0; i < queue.size(); ++i) {
      const std::uint32_t id = queue[i];
      if (pool_.leads.attempts[id] == 0 &&
          t - pool_.leads.arrived[id] + 1 >= pool_.service.recycle_after_periods) {
        ++counts_[Counter::mqls_recycled_unworked];
        if (pool_.leads.ignored[id]) ++floor_.mqls_ignored;  // untouched because a rep chose so
        if (!pool_.leads.breached[id] && pool_.past_deadline(id, t, days_)) {
          pool_.leads.breached[id] = 1;
          ++counts_[Counter::sla_breaches];
        }
        pool_.policy.on_outcome(view(id, t), Outcome::recycled);
        pool_.to_nurture(id, t);
        continue;
      }
      queue[keep++] = id;
    }
    queue.resize(keep);
  }
}

}  // namespace tandem
