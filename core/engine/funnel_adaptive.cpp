// Adaptive choices (behaviour mode "adaptive"): reps time their deals, value their effort
// and which leads to work, marketers choose their targeting, channel mix and enablement,
// each through their own pay plans and by one choice rule (engine/choice_rule.hpp).
#include "engine/funnel.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>

namespace tandem {

// Each period, the rep weighs the timing of each open deal whose close date is near
// (deals.pull_window_days) and falls in a later pay period of one of their plans than now
// (a deal paid in the same pay periods either way has no timing to weigh): let it close at
// its date, or ask the buying group to decide now at a discount depth (the ask takes
// deals.reschedule_hours). A group that will buy agrees with the chance the depth buys
// (DealTiming::agrees) and signs now; one that will not buy declines (its verdict, drawn
// at the ask, stands at its date); a group that declines may be asked again later.
void Funnel::time_deals(int r, int t, double& hours, RepHours& used) {
  const int agent = agent_of_rep(r);
  const int window = t + static_cast<int>(std::floor(s_.deals.pull_window_days / days_ + 1e-9));
  const DealTiming::Worth value = worth(r, t);
  auto& opps = floor_.rep_opps[static_cast<std::size_t>(r)];
  std::size_t keep = 0;
  for (std::size_t i = 0; i < opps.size(); ++i) {
    const std::uint32_t o = opps[i];
    const int close = book_.opps.close[o];
    if (close > t && close <= window && close < s_.horizon.periods &&
        hours + 1e-9 >= s_.deals.reschedule_hours && !payroll_.same_pay_period(agent, t, close)) {
      const double depth = floor_.timing.pull(r, book_.size_of(o), t, close, value,
                                              payroll_.stakes(agent), streams_.choices);
      if (depth > 0) {
        hours -= s_.deals.reschedule_hours;
        used.opportunities += s_.deals.reschedule_hours;
        // A group that will not buy is not ready to decide early either; one that will
        // agrees with the chance the depth buys.
        if (verdict(o) == DealResult::won &&
            streams_.choices.bernoulli(floor_.timing.agrees(depth, close - t))) {
          book_.opps.pulled[o] = 1;
          book_.opps.depth[o] = static_cast<float>(depth);
          ++counts_[Counter::deals_pulled];
          ++used.pulled;
          used.depth_sum += depth;
          decide(o, t);
          continue;
        }
      }
    }
    opps[keep++] = o;
  }
  opps.resize(keep);
}

// What a deal won in period `at` would be worth to rep r at period t: through every plan
// paying them, weighted by their time preference (Payroll::worth_of_deal).
DealTiming::Worth Funnel::worth(int r, int t) {
  const int agent = agent_of_rep(r);
  const Money expected = floor_.timing.expected_per_period(r);
  return [this, agent, t, expected](int at, Money value) {
    return payroll_.worth_of_deal(agent, t, at, value, expected, time_);
  };
}

// What each rep's hours brought this period: the beliefs effort and lead choices are
// valued on.
void Funnel::learn(int t) {
  for (int r = 0; r < floor_.reps; ++r) {
    const RepHours& h = floor_.hours[static_cast<std::size_t>(r)];
    floor_.effort.observe(r, h.leads + h.opportunities + h.prospecting,
                          tally(t, agent_of_rep(r)).bookings.units());
  }
  // The sales team pools what its reps learned, as far as the scenario says it does.
  floor_.effort.pool(s_.behaviour.belief_sharing);
  floor_.timing.pool(s_.behaviour.belief_sharing);
  floor_.yield.end_period(s_.behaviour.belief_sharing);
}

// The rep's queue, best first by what the rep believes an attempt brings (ties in the
// order the leads were routed).
void Funnel::rank_by_yield(int r, int t, std::vector<std::uint32_t>& queue) {
  floor_.ranked.clear();
  for (const std::uint32_t id : queue) floor_.ranked.emplace_back(believed_yield(r, id, t), id);
  std::stable_sort(floor_.ranked.begin(), floor_.ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < queue.size(); ++i) queue[i] = floor_.ranked[i].second;
}

// Which of its leads rep r works this period. Each option works the leads believed to
// bring at least a given chance of an opportunity per attempt (each chance in the queue
// is a threshold; above them all: work none), in the queue's order while hours last, and
// spends the hours left on prospecting when reps prospect. Its value: what the rep's own
// plans would pay on the bookings those opportunities are believed to bring, in this pay
// period if the believed cycle ends in it (else in the next), less the cost of the hours
// it uses. Returns the chosen threshold.
double Funnel::choose_leads(int r, int t, double hours, const std::vector<std::uint32_t>& queue) {
  if (queue.empty()) return 0.0;
  floor_.worth.clear();
  for (const std::uint32_t id : queue) floor_.worth.push_back(believed_yield(r, id, t));
  std::vector<double>& thresholds = floor_.thresholds;
  thresholds.assign(floor_.worth.begin(), floor_.worth.end());
  std::sort(thresholds.begin(), thresholds.end(), std::greater<>());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
  thresholds.push_back(std::numeric_limits<double>::infinity());

  const int agent = agent_of_rep(r);
  const int end = payroll_.pay_period_end(agent, t);
  const int next_end = payroll_.next_pay_period_end(agent, t);
  const bool closes_in_period = t + floor_.yield.cycle_periods(r) <= end + 1e-9;
  // Bookings in this pay period, or in the next (on what a pay period is expected to
  // bring), paid then and weighted by the rep's time preference.
  const Money base =
      floor_.timing.expected_per_period(r).times(static_cast<double>(next_end - end));
  const auto booked = [](Money value) {
    Credits c;
    c.bookings = value;
    c.deals_won = value > Money{} ? 1 : 0;
    return c;
  };
  const auto pay = [&](Money extra) {
    return (closes_in_period ? payroll_.pay_now(agent, t, booked(extra))
                             : payroll_.pay_next(agent, t, booked(base + extra)))
        .units();
  };
  const double weight = closes_in_period ? 1.0 : time_.weight(next_end - t, true);
  const double without = pay(Money{});
  const double per_attempt_hours = s_.funnel.hours_per_attempt;
  const bool prospects = floor_.behaviour->prospects(r);
  std::vector<double>& value = floor_.option_values;
  value.clear();
  for (const double q : thresholds) {
    double left = hours, opportunities = 0;
    for (std::size_t i = 0; i < queue.size() && left + 1e-9 >= per_attempt_hours; ++i) {
      if (floor_.worth[i] < q) continue;
      left -= per_attempt_hours;
      opportunities += floor_.worth[i];
    }
    if (prospects) opportunities += left * floor_.yield.per_prospecting_hour(r);
    const double used = prospects ? hours : hours - left;
    const Money bookings = Money::from_units(opportunities * floor_.yield.per_opportunity(r));
    value.push_back(weight * (pay(bookings) - without) - s_.behaviour.effort_cost_per_hour * used);
  }
  // The status quo: work every lead, in the queue's order (the lowest threshold).
  const std::size_t every = thresholds.size() - 2;
  return thresholds[choice_.choose(value, every, payroll_.stakes(agent), streams_.choices)];
}

// Each marketer learns from what their channels brought this period and chooses their
// targeting and channel mix for the next, each valued through their own pay plans over
// what is left of the pay period (or over the next one, when this period ends it).
void Funnel::choose_marketing(int t) {
  for (std::size_t c = 0; c < marketing_.channel_tally.size(); ++c) {
    const ChannelTally& x = marketing_.channel_tally[c];
    marketing_.mix.observe(static_cast<int>(c), x.spend, x.inquiries, x.mqls, x.pipeline,
                           x.revenue);
    marketing_.channel_tally[c] = {};
  }
  for (int m = 0; m < marketing_.marketers; ++m) {
    const Tally& x = tally(t, m);
    marketing_.targeting.observe(m, static_cast<double>(x.inquiries), static_cast<double>(x.mqls),
                                 x.pipeline.units(), x.sourced_revenue.units());
    ++marketing_.targeting_periods[static_cast<std::size_t>(marketing_.targeting.level(m))];
    marketing_.enablement.observe(m, x.sourced_revenue.units(),
                                  counts_.money(Counter::revenue).units());
    marketing_.enablement_periods += marketing_.enablement.producing(m) ? 1 : 0;
  }
  // The marketing team pools what it learned about targeting, as far as it does.
  marketing_.targeting.pool(s_.behaviour.belief_sharing);
  for (int m = 0; m < marketing_.marketers; ++m) {
    const int left = payroll_.pay_period_end(m, t) - t;
    const int next = payroll_.next_pay_period_end(m, t) - t;
    const auto pay = [this, m, t, left](const Credits& extra) {
      return left > 0 ? payroll_.pay_now(m, t, extra) : payroll_.pay_next(m, t, extra);
    };
    const int periods = left > 0 ? left : std::max(1, next);
    const double stakes = payroll_.stakes(m);
    marketing_.targeting.choose(m, periods, pay, stakes, streams_.choices);
    marketing_.mix.choose(m, periods, pay, stakes, streams_.choices);
    marketing_.enablement.choose(m, pay, stakes, streams_.choices);
  }
  marketing_.enablement.settle();
}

}  // namespace tandem
