// Adaptive deal timing: at the end of a pay period a rep may pull a deal due in the next
// one into this one, offering a discount, or push a deal due now into the next. The rep
// values each choice by calling their own pay plans on the results it would produce
// (Payroll::pay_now, pay_next), less a risk term, and chooses by a logit rule. Nothing here
// knows any plan: quotas, accelerators and caps move the choice only through what the plans
// pay. Beliefs (the chance a deal is won, as is and when pulled, and what a pay period
// brings) start from the scenario's priors and follow the rep's own outcomes.
#pragma once

#include "model/scenario.hpp"

#include <tandem/money.hpp>
#include <tandem/random.hpp>

#include <functional>
#include <vector>

namespace tandem {

// What a rep's plans would pay: now(extra) for this pay period with `extra` more booked,
// next(base, extra) for the following one.
struct PayOutlook {
  std::function<Money(Money)> now;
  std::function<Money(Money, Money)> next;
};

class DealTiming {
 public:
  DealTiming(const Scenario& s, int reps);

  // Pull deal worth `value` (before the discount) into this pay period?
  bool pull(int rep, Money value, const PayOutlook& pay, Stream& stream);
  // Push deal worth `value`, due now, into the next pay period?
  bool push(int rep, Money value, const PayOutlook& pay, Stream& stream);

  // A deal of the rep's was decided (pulled or not): the win beliefs learn from it.
  void learn(int rep, bool pulled, bool won);
  // A deal of the rep's was won: what this pay period brings so far.
  void booked(int rep, Money value) { booked_[static_cast<std::size_t>(rep)] += value; }
  // The rep's pay period ended: what a pay period brings, learned from it.
  void end_pay_period(int rep);

  // The chance rep r believes an open deal is won.
  double win_belief(int rep) const { return win_[static_cast<std::size_t>(rep)]; }
  // The team pools what it learned: win beliefs move `sharing` of the way to the mean.
  void pool(double sharing);

  // What the rep expects a pay period to bring (the base next() is valued on).
  Money expected_bookings(int rep) const {
    return Money::from_units(per_period_[static_cast<std::size_t>(rep)]);
  }

 private:
  // The logit (quantal response) choice between acting and not, by expected value less
  // a risk term: risk_aversion x the standard deviation of the pay at stake.
  bool choose(double p_act, double gain_act, double p_stay, double gain_stay, Stream& stream) const;

  double discount_, push_loss_, temperature_, risk_aversion_, learning_rate_;
  std::vector<double> win_, pulled_win_, per_period_;  // beliefs, per rep
  std::vector<Money> booked_;                          // this pay period, per rep
  std::vector<int> periods_seen_;
};

}  // namespace tandem
