// Adaptive deal timing. Every period, for each open deal near its decision, a rep chooses
// between letting it close at its date (the status quo), asking the buying group to
// decide now at one of the discount depths on offer (a pull), or, for a deal due now,
// asking for a delay into the next period (a push). Each option is valued by what the
// rep's own plans would pay for it, every plan and every pay period the deal could land
// in (Payroll::worth_of_deal), weighted by the rep's time preference and risk attitude,
// less the hours the ask takes; the choice rule (engine/choice_rule.hpp) decides.
//
// Nothing here knows any plan or calendar: under a linear commission a pull only trades
// a discount for earlier pay, so it is almost never worth its hours; where a quota, an
// accelerator, a bonus or a cap makes pay jump at a pay period's end, pulls and pushes
// gather there, and deeper discounts where the jump is larger.
//
// The buyer response: offered depth d to decide m months (of 30 days) before its date, a
// group agrees with chance 1 - exp(-d / (deals.early_signing_discount x m)): deeper
// discounts win more groups over, and the earlier the ask, the deeper it must be. A group
// that agrees decides now, as it would have at its date (funnel_deals.cpp). Reps know that
// response; what they learn is the chance a deal is won and what a period brings them.
#pragma once

#include "engine/choice_rule.hpp"
#include "model/scenario.hpp"

#include <tandem/money.hpp>
#include <tandem/random.hpp>

#include <functional>
#include <vector>

namespace tandem {

class DealTiming {
 public:
  DealTiming(const Scenario& s, int reps, double days_per_period);

  // worth(at, value): what a deal worth `value` won in period `at` is worth to the rep.
  using Worth = std::function<double(int at, Money value)>;

  // A deal worth `value` due at `close` (after t): the discount depth the rep offers to
  // have it decided now, or 0 to let it close at its date.
  double pull(int rep, Money value, int t, int close, const Worth& worth, double stakes,
              Stream& stream) const;
  // A deal worth `value` due now: ask for a delay into period t + 1?
  bool push(int rep, Money value, int t, const Worth& worth, double stakes, Stream& stream) const;

  // The chance a buying group offered `depth` agrees to decide now, `periods_early`
  // periods before its date.
  double agrees(double depth, int periods_early) const;

  // A deal of the rep's was decided: the win belief learns from it.
  void learn(int rep, bool won);
  // A deal of the rep's was won: what this period brings so far.
  void booked(int rep, Money value) { booked_[static_cast<std::size_t>(rep)] += value; }
  // The period ended: what a period brings, learned from it.
  void end_period(int rep);

  // The chance rep r believes an open deal is won.
  double win_belief(int rep) const { return win_[static_cast<std::size_t>(rep)]; }
  // The team pools what it learned: win beliefs move `sharing` of the way to the mean.
  void pool(double sharing);
  // What the rep expects a period to bring in bookings.
  Money expected_per_period(int rep) const {
    return Money::from_units(per_period_[static_cast<std::size_t>(rep)]);
  }

 private:
  double days_;  // per period
  std::vector<double> depths_;
  double signing_scale_, push_loss_, ask_cost_, risk_aversion_, learning_rate_;
  ChoiceRule rule_;
  std::vector<double> win_, per_period_;  // beliefs, per rep
  std::vector<Money> booked_;             // this period, per rep
  std::vector<int> periods_seen_;
  mutable std::vector<double> options_;  // pull()'s menu, kept so it does not allocate
};

}  // namespace tandem
