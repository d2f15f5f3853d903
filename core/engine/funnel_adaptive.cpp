// Adaptive choices (behaviour mode "adaptive"): reps pull deals in at the end of a pay
// period and value effort, marketers choose their targeting, each through their own pay
// plans.
#include "engine/funnel.hpp"

#include <algorithm>
#include <cstddef>

namespace tandem {

// At the end of a pay period, the rep considers each open deal due in the next one: pulled
// in with a discount, it is decided now (the same hours as any deal's decision).
void Funnel::pull_deals(int r, int t, double& hours, RepHours& used) {
  const int horizon = payroll_.next_pay_period_end(agent_of_rep(r), t);
  auto& opps = rep_opps_[static_cast<std::size_t>(r)];
  std::size_t keep = 0;
  for (std::size_t i = 0; i < opps.size(); ++i) {
    const std::uint32_t o = opps[i];
    if (opps_.close[o] > t && opps_.close[o] <= horizon &&
        hours + 1e-9 >= s_.funnel.hours_per_opportunity &&
        timing_.pull(r, size_of(o), outlook(r, t), choice_stream_)) {
      hours -= s_.funnel.hours_per_opportunity;
      used.opportunities += s_.funnel.hours_per_opportunity;
      opps_.pulled[o] = 1;
      ++period_.pulled;
      decide(o, t);
      continue;
    }
    opps[keep++] = o;
  }
  opps.resize(keep);
}

// What rep r's own plans would pay, now and next pay period: the rep's valuation.
PayOutlook Funnel::outlook(int r, int t) {
  const int agent = agent_of_rep(r);
  const auto booked = [](Money value) {
    Credits c;
    c.bookings = value;
    c.deals_won = value > Money{} ? 1 : 0;
    return c;
  };
  return {
      [this, agent, t, booked](Money extra) { return payroll_.pay_now(agent, t, booked(extra)); },
      [this, agent, t, booked](Money base, Money extra) {
        return payroll_.pay_next(agent, t, booked(base + extra));
      }};
}

// What each rep's hours brought this period: the belief effort is valued on.
void Funnel::learn_effort(int t) {
  for (int r = 0; r < reps_; ++r) {
    const RepHours& h = hours_[static_cast<std::size_t>(r)];
    effort_.observe(r, h.leads + h.opportunities + h.prospecting,
                    tally(t, agent_of_rep(r)).bookings.units());
  }
  // The sales team pools what its reps learned, as far as the scenario says it does.
  effort_.pool(s_.behaviour.belief_sharing);
  timing_.pool(s_.behaviour.belief_sharing);
}

// Each marketer learns from what their channels brought this period and chooses their
// targeting for the next, valued through their own pay plans over what is left of the
// pay period (or over the next one, when this period ends it).
void Funnel::choose_targeting(int t) {
  for (int m = 0; m < marketers_; ++m) {
    const Tally& x = tally(t, m);
    targeting_.observe(m, static_cast<double>(x.inquiries), static_cast<double>(x.mqls),
                       x.pipeline.units(), x.sourced_revenue.units());
    ++targeting_periods_[static_cast<std::size_t>(targeting_.level(m))];
    const int left = payroll_.pay_period_end(m, t) - t;
    const int next = payroll_.next_pay_period_end(m, t) - t;
    const auto pay = [this, m, t, left](const Credits& extra) {
      return left > 0 ? payroll_.pay_now(m, t, extra) : payroll_.pay_next(m, t, extra);
    };
    targeting_.choose(m, left > 0 ? left : std::max(1, next), pay, choice_stream_);
  }
}

}  // namespace tandem
