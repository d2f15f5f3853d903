#include "engine/deal_timing.hpp"

#include "engine/beliefs.hpp"
#include "engine/logit.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace tandem {

DealTiming::DealTiming(const Scenario& s, int reps)
    : discount_(s.deals.pull_discount),
      push_loss_(s.deals.push_loss),
      temperature_(s.behaviour.temperature),
      risk_aversion_(s.behaviour.risk_aversion),
      learning_rate_(s.behaviour.learning_rate),
      win_(static_cast<std::size_t>(reps), s.behaviour.prior_win_rate),
      pulled_win_(static_cast<std::size_t>(reps),
                  std::min(1.0, s.behaviour.prior_win_rate + s.deals.pull_convince_gain)),
      per_period_(static_cast<std::size_t>(reps), 0.0),
      booked_(static_cast<std::size_t>(reps)),
      periods_seen_(static_cast<std::size_t>(reps), 0) {}

bool DealTiming::choose(double p_act, double gain_act, double p_stay, double gain_stay,
                        Stream& stream) const {
  const auto value = [&](double p, double gain) {
    return p * gain - risk_aversion_ * std::sqrt(p * (1.0 - p)) * gain;
  };
  // Acting is option 0: chosen when the draw falls below its logit probability.
  const std::array<double, 2> options{value(p_act, gain_act), value(p_stay, gain_stay)};
  return logit_choice(options, temperature_, stream) == 0;
}

bool DealTiming::pull(int rep, Money value, const PayOutlook& pay, Stream& stream) {
  const auto r = static_cast<std::size_t>(rep);
  const Money discounted = value.times(1.0 - discount_);
  const Money base = expected_bookings(rep);
  // Pulled: won (more likely, thanks to the discount) in this pay period, at the
  // discounted value. Not pulled: won (as likely as deals are) in the next.
  const double gain_now = (pay.now(discounted) - pay.now(Money{})).units();
  const double gain_next = (pay.next(base, value) - pay.next(base, Money{})).units();
  return choose(pulled_win_[r], gain_now, win_[r], gain_next, stream);
}

bool DealTiming::push(int rep, Money value, const PayOutlook& pay, Stream& stream) {
  const auto r = static_cast<std::size_t>(rep);
  const Money base = expected_bookings(rep);
  const double gain_now = (pay.now(value) - pay.now(Money{})).units();
  const double gain_next = (pay.next(base, value) - pay.next(base, Money{})).units();
  // Delayed, the buyer may walk away: the chance of the win falls by push_loss.
  return choose(win_[r] * (1.0 - push_loss_), gain_next, win_[r], gain_now, stream);
}

void DealTiming::learn(int rep, bool pulled, bool won) {
  double& belief = (pulled ? pulled_win_ : win_)[static_cast<std::size_t>(rep)];
  belief += learning_rate_ * ((won ? 1.0 : 0.0) - belief);
}

void DealTiming::pool(double sharing) {
  share_beliefs(win_, sharing);
  share_beliefs(pulled_win_, sharing);
}

void DealTiming::end_pay_period(int rep) {
  const auto r = static_cast<std::size_t>(rep);
  // The first pay period sets the belief; later ones move it by the learning rate.
  const double booked = booked_[r].units();
  per_period_[r] = periods_seen_[r]++ == 0
                       ? booked
                       : per_period_[r] + learning_rate_ * (booked - per_period_[r]);
  booked_[r] = Money{};
}

}  // namespace tandem
