#include "engine/deal_timing.hpp"

#include "engine/beliefs.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace tandem {

namespace {

// Mean and variance of a payoff of `a` with chance p, `b` with chance q, else nothing.
struct Gamble {
  double mean, variance;
};
Gamble gamble(double p, double a, double q = 0, double b = 0) {
  const double mean = p * a + q * b;
  return {mean, p * a * a + q * b * b - mean * mean};
}

// What a gamble is worth to a rep of risk aversion `rho`.
double ce(const Gamble& g, double rho) {
  return certainty_equivalent(g.mean, g.variance, rho);
}

}  // namespace

DealTiming::DealTiming(const Scenario& s, int reps, double days_per_period)
    : days_(days_per_period),
      depths_(s.deals.discount_depths),
      signing_scale_(s.deals.early_signing_discount),
      push_loss_(s.deals.push_loss),
      ask_cost_(s.deals.reschedule_hours * s.behaviour.effort_cost_per_hour),
      risk_aversion_(s.behaviour.risk_aversion),
      learning_rate_(s.behaviour.learning_rate),
      rule_(s.behaviour),
      win_(static_cast<std::size_t>(reps), s.behaviour.prior_win_rate),
      per_period_(static_cast<std::size_t>(reps), 0.0),
      booked_(static_cast<std::size_t>(reps)),
      periods_seen_(static_cast<std::size_t>(reps), 0) {}

double DealTiming::agrees(double depth, int periods_early) const {
  // Each month earlier takes early_signing_discount more depth for the same chance.
  const double months = std::max(1, periods_early) * days_ / 30.0;
  return 1.0 - std::exp(-depth / (signing_scale_ * months));
}

double DealTiming::pull(int rep, Money value, int t, int close, const Worth& worth, double stakes,
                        Stream& stream) const {
  const double w = win_[static_cast<std::size_t>(rep)];
  const double at_close = worth(close, value);
  const double keep = ce(gamble(w, at_close), risk_aversion_);
  // Option 0 lets the deal close at its date; option i asks at depth i - 1. Asked, the
  // group agrees (and decides now, at the discounted value) or it closes at its date.
  std::vector<double>& option = options_;
  option.assign(1, 0.0);
  for (const double d : depths_) {
    const double a = agrees(d, close - t);
    const double now = worth(t, value.times(1.0 - d));
    option.push_back(ce(gamble(a * w, now, (1 - a) * w, at_close), risk_aversion_) - keep -
                     ask_cost_);
  }
  const std::size_t chosen = rule_.choose(option, 0, stakes, stream);
  return chosen == 0 ? 0.0 : depths_[chosen - 1];
}

bool DealTiming::push(int rep, Money value, int t, const Worth& worth, double stakes,
                      Stream& stream) const {
  const double w = win_[static_cast<std::size_t>(rep)];
  // Delayed, the buyer may walk away: the chance of the win falls by push_loss.
  const double gain = ce(gamble(w * (1 - push_loss_), worth(t + 1, value)), risk_aversion_) -
                      ce(gamble(w, worth(t, value)), risk_aversion_) - ask_cost_;
  const std::array<double, 2> options{0.0, gain};
  return rule_.choose(options, 0, stakes, stream) == 1;
}

void DealTiming::learn(int rep, bool won) {
  double& belief = win_[static_cast<std::size_t>(rep)];
  belief += learning_rate_ * ((won ? 1.0 : 0.0) - belief);
}

void DealTiming::pool(double sharing) {
  share_beliefs(win_, sharing);
}

void DealTiming::end_period(int rep) {
  const auto r = static_cast<std::size_t>(rep);
  // The first period sets the belief; later ones move it by the learning rate.
  const double booked = booked_[r].units();
  per_period_[r] = periods_seen_[r]++ == 0
                       ? booked
                       : per_period_[r] + learning_rate_ * (booked - per_period_[r]);
  booked_[r] = Money{};
}

}  // namespace tandem
