// Reps work: each period a rep (or SDR) works open opportunities, then routed leads
// (contact attempts, qualification) on the working clock of the period (work_week.hpp);
// leads reassigned on a breach are handed over; reps prospect with the hours left; the
// service level acts on breaches and sends MQLs left untouched too long back to nurture.
#include "engine/funnel.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>

namespace tandem {

// A worker's period: open opportunities first (each needs its hours or it slips), then the
// routed leads in the order the behaviour picks (an adaptive rep: those it chose to work,
// best first). An SDR has no opportunities. Prospecting comes once every worker has
// worked their queue (spend_spare_hours), so a lead handed over can use a rep's hours.
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
    rank_by_yield(r, t, queue);
  else
    floor_.behaviour->order_queue(r, queue, pool_.leads);
  // The service level: leads whose first-touch deadline falls within this period come
  // first, in the rep's own order among themselves, and escalated leads before them. A
  // lead whose deadline passed in an earlier period has breached already: the service
  // level no longer speaks for it (what it does about a breach is its on_breach).
  // (Stable partitions through a scratch list kept between periods: no allocation.)
  const auto to_front = [&](std::size_t from, auto&& first) {
    floor_.scratch.clear();
    std::size_t front = from;
    for (std::size_t i = from; i < queue.size(); ++i) {
      const std::uint32_t id = queue[i];
      if (first(id))
        queue[front++] = id;
      else
        floor_.scratch.push_back(id);
    }
    std::copy(floor_.scratch.begin(), floor_.scratch.end(),
              queue.begin() + static_cast<std::ptrdiff_t>(front));
  };
  const std::int64_t period_start = week_.start(t), period_end = week_.start(t + 1);
  to_front(0, [&](std::uint32_t id) {
    return pool_.past_deadline(id, period_end) && !pool_.past_deadline(id, period_start);
  });
  if (pool_.service.on_breach == BreachAction::escalate)
    to_front(0, [&](std::uint32_t id) { return pool_.leads.escalated[id] != 0; });
  // The least an attempt must be believed to bring for the rep to make it.
  used.left = hours;
  used.available = period_hours;
  used.clock = 0;
  worth_ = chooses ? choose_leads(r, t, hours, queue) : 0.0;
  chooses_ = chooses;
  // Lead work runs on the working clock (work_week.hpp): the worker spreads their selling
  // hours over the period's working hours, so an attempt moves the clock on by its hours
  // times (working hours / selling hours). Whenever they take up a lead, they take the
  // first in their order of those that have arrived by then; when none has, they wait for
  // the next to arrive. So a lead that arrives later but comes first in the order is
  // worked as soon as it is there, ahead of older ones still waiting.
  const double step =
      period_hours > 0 ? s_.funnel.hours_per_attempt * week_.working_hours() / period_hours : 0.0;
  // Positions in the queue: `ready` a min-heap of those arrived, `coming` the rest, the
  // next to arrive last. Both lists are kept between periods: no allocation.
  auto& ready = floor_.scratch;
  auto& coming = floor_.deferred;
  ready.clear();
  coming.clear();
  const auto arrival = [&](std::uint32_t i) { return ready_clock(queue[i], t); };
  for (std::uint32_t i = 0; i < queue.size(); ++i) {
    if (chooses && believed_yield(r, queue[i], t) < worth_) {  // left alone by choice
      pool_.leads.ignored[queue[i]] = 1;
      ++used.ignored;
      continue;
    }
    (arrival(i) <= 0.0 ? ready : coming).push_back(i);
  }
  std::sort(coming.begin(), coming.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double ta = arrival(a), tb = arrival(b);
    return ta != tb ? ta > tb : a > b;
  });
  const auto first_in_order = std::greater<std::uint32_t>();
  std::make_heap(ready.begin(), ready.end(), first_in_order);
  constexpr std::uint32_t kGone = ~std::uint32_t{0};
  while (used.left + 1e-9 >= s_.funnel.hours_per_attempt && used.clock < week_.working_hours()) {
    while (!coming.empty() && arrival(coming.back()) <= used.clock) {
      ready.push_back(coming.back());
      std::push_heap(ready.begin(), ready.end(), first_in_order);
      coming.pop_back();
    }
    if (ready.empty()) {
      if (coming.empty()) break;
      used.clock = arrival(coming.back());  // idle until the next lead arrives
      continue;
    }
    std::pop_heap(ready.begin(), ready.end(), first_in_order);
    const std::uint32_t i = ready.back();
    ready.pop_back();
    if (!work_lead(queue[i], r, t, used, step)) queue[i] = kGone;
  }
  queue.erase(std::remove(queue.begin(), queue.end(), kGone), queue.end());

  if (times_deals) floor_.timing.end_period(r);
}

// Worker r takes up lead `id` (arrived) at their working clock. Returns true if the lead
// stays in their queue.
bool Funnel::work_lead(std::uint32_t id, int r, int t, RepHours& used, double step) {
  double at = used.clock;
  // Reached after its first-touch deadline: a breach, and what the service level does
  // about it.
  // (Compared in calendar hours: a deadline at night falls on the next working hour's
  // clock, but a lead touched then has still waited past it.)
  if (pool_.leads.attempts[id] == 0 && !pool_.leads.breached[id]) {
    const double start = static_cast<double>(week_.start(t));
    const double deadline = week_.clock_at(pool_.deadline(id) - start);
    if (start + week_.hour_at(at) > pool_.deadline(id)) {
      if (!breach(id, r, t)) return false;  // handed over or recycled
      // Escalated: first touched at the next working hour after the deadline.
      if (pool_.service.on_breach == BreachAction::escalate)
        at = std::max(ready_clock(id, t), deadline);
    }
  }
  used.clock += step;
  used.left -= s_.funnel.hours_per_attempt;
  used.leads += s_.funnel.hours_per_attempt;
  ++used.attempts;
  const double hour = static_cast<double>(week_.start(t)) + week_.hour_at(at);
  const int cell = chooses_ ? floor_.yield.cell(hour - pool_.leads.arrived_hour[id],
                                                pool_.leads.score[id], pool_.leads.channel[id])
                            : 0;
  const std::int64_t opened = counts_[Counter::opportunities];
  const bool stays = attempt(id, r, t, hour);
  if (chooses_) floor_.yield.attempted(r, cell, counts_[Counter::opportunities] > opened);
  return stays;
}

// Lead `id` (in worker r's queue, not yet touched) missed its first-touch deadline: the
// breach is counted and the service level's action taken. Returns true if r keeps the
// lead; false if it left r's queue (handed over for reassignment, or recycled).
bool Funnel::breach(std::uint32_t id, int /*r*/, int t) {
  pool_.leads.breached[id] = 1;
  ++counts_[Counter::sla_breaches];
  switch (pool_.service.on_breach) {
    case BreachAction::none:
      return true;
    case BreachAction::escalate:
      ++counts_[Counter::sla_escalated];
      pool_.leads.escalated[id] = 1;
      return true;
    case BreachAction::reassign:
      ++counts_[Counter::sla_reassigned];
      floor_.handed_over.push_back(id);
      return false;
    case BreachAction::recycle:
      ++counts_[Counter::sla_recycled];
      pool_.policy.on_outcome(view(id, t), Outcome::recycled);
      pool_.to_nurture(id, t);
      return false;
  }
  return true;
}

// Of the workers MQLs are routed to (the reps, or the SDRs), the one with the largest
// share of this period's hours still free; another than `except` when there is one.
int Funnel::most_hours_free(int except) const {
  const int first = floor_.sdrs > 0 ? floor_.reps : 0, last = floor_.workers();
  int best = -1;
  double best_free = -1;
  for (int w = first; w < last; ++w) {
    if (w == except && last - first > 1) continue;
    const RepHours& h = floor_.hours[static_cast<std::size_t>(w)];
    const double free = h.available > 0 ? h.left / h.available : 0.0;
    if (free > best_free) best = w, best_free = free;
  }
  return best;
}

// Leads reassigned on a breach this period: each goes to the worker with the most hours
// still free, who attempts it at once (at the later of their working clock and the
// deadline) if their hours and the period allow, or else queues it.
void Funnel::hand_over(int t) {
  for (const std::uint32_t id : floor_.handed_over) {
    const int from = pool_.leads.rep[id];
    const int to = most_hours_free(from);
    pool_.leads.rep[id] = to;
    pool_.leads.routed[id] = floor_.next_route++;
    RepHours& used = floor_.hours[static_cast<std::size_t>(to)];
    const double deadline =
        week_.clock_at(pool_.deadline(id) - static_cast<double>(week_.start(t)));
    const double at = std::max({used.clock, ready_clock(id, t), deadline});
    if (used.left + 1e-9 >= s_.funnel.hours_per_attempt && at < week_.working_hours()) {
      const double step = used.available > 0
                              ? s_.funnel.hours_per_attempt * week_.working_hours() / used.available
                              : 0.0;
      used.clock = at + step;
      used.left -= s_.funnel.hours_per_attempt;
      used.leads += s_.funnel.hours_per_attempt;
      ++used.attempts;
      if (!attempt(id, to, t, static_cast<double>(week_.start(t)) + week_.hour_at(at))) continue;
    }
    floor_.queues[static_cast<std::size_t>(to)].push_back(id);
  }
  floor_.handed_over.clear();
}

// A rep's hours left after opportunities and leads go to their own prospecting.
void Funnel::spend_spare_hours(int r, int t) {
  const auto ri = static_cast<std::size_t>(r);
  RepHours& used = floor_.hours[ri];
  const double hours = used.left;
  if (!floor_.behaviour->prospects(r) || hours <= 0) return;
  used.prospecting = hours;
  used.left = 0;
  floor_.prospect_hours[ri] += hours;
  const std::int64_t opened = counts_[Counter::opportunities];
  int sourced = 0;
  while (floor_.prospect_hours[ri] >= s_.sales.prospecting_hours_per_lead) {
    floor_.prospect_hours[ri] -= s_.sales.prospecting_hours_per_lead;
    prospect(r, t);
    ++sourced;
  }
  if (adaptive_)
    floor_.yield.prospected(r, sourced, static_cast<int>(counts_[Counter::opportunities] - opened));
}

// One contact attempt, made at `hour` (from the run's start). Speed to lead: the chance to
// reach the lead is contact_rate x (floor + (1 - floor) x e^(-hours waited / decay_hours)),
// the hours it waited since it became an MQL; a lead without contact details cannot be
// reached. A first touch later than the service level's first-touch time is a breach.
// Returns true if the lead stays in the rep's queue.
bool Funnel::attempt(std::uint32_t id, int r, int t, double hour) {
  const double waited = std::max(0.0, hour - pool_.leads.arrived_hour[id]);
  if (pool_.leads.attempts[id] == 0) {
    const int band = wait_band(waited);
    pool_.leads.touch_band[id] = static_cast<std::int8_t>(band);
    ++floor_.first_touches[static_cast<std::size_t>(band)];
  }
  if (!pool_.leads.touched[id]) {
    pool_.leads.touched[id] = 1;
    if (pool_.leads.was_mql[id] == 1) ++pool_.touched_leads;  // not a warm-up MQL
    floor_.first_touch_wait.add(static_cast<int>(waited));
    if (waited > pool_.service.first_touch_hours && !pool_.leads.breached[id]) {
      pool_.leads.breached[id] = 1;
      ++counts_[Counter::sla_breaches];
    }
  }
  const SpeedToLeadConfig& speed = s_.funnel.speed_to_lead;
  const double fresh = speed.floor + (1.0 - speed.floor) * std::exp(-waited / speed.decay_hours);
  floor_.value_lost_sum += 1.0 - fresh;
  ++floor_.attempts_total;
  ++pool_.leads.attempts[id];
  pool_.leads.escalated[id] = 0;
  const double reach = pool_.leads.has_contact[id] ? s_.funnel.contact_rate * fresh : 0.0;
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
    if (pool_.leads.touch_band[id] >= 0)
      ++floor_.sqls_by_wait[static_cast<std::size_t>(pool_.leads.touch_band[id])];
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
  pool_.leads.created_hour[id] =
      static_cast<std::int32_t>(week_.start(t) + week_.spread_hour(pool_.leads.serial[id]));
  pool_.leads.arrived_hour[id] = pool_.leads.created_hour[id];
  qualify(id, r, t);
}

// The service level at the end of the period: an MQL still untouched past its first-touch
// deadline is a breach, and the service level's action is taken (a lead reassigned now is
// worked by whoever has hours left, or queued with them); an MQL nobody touched within
// recycle_after_periods goes back to nurture ("MQLs never worked").
void Funnel::enforce_service_level(int t) {
  const std::int64_t period_end = week_.start(t + 1);
  for (std::size_t w = 0; w < floor_.queues.size(); ++w) {
    auto& queue = floor_.queues[w];
    std::size_t keep = 0;
    for (std::size_t i = 0; i < queue.size(); ++i) {
      const std::uint32_t id = queue[i];
      if (pool_.leads.attempts[id] == 0 && !pool_.leads.breached[id] &&
          pool_.past_deadline(id, period_end) && !breach(id, static_cast<int>(w), t))
        continue;  // handed over or recycled
      if (pool_.leads.attempts[id] == 0 &&
          t - pool_.leads.arrived[id] + 1 >= pool_.service.recycle_after_periods) {
        ++counts_[Counter::mqls_recycled_unworked];
        if (pool_.leads.ignored[id]) ++floor_.mqls_ignored;  // untouched because a rep chose so
        pool_.policy.on_outcome(view(id, t), Outcome::recycled);
        pool_.to_nurture(id, t);
        continue;
      }
      queue[keep++] = id;
    }
    queue.resize(keep);
  }
  hand_over(t);
}

}  // namespace tandem
