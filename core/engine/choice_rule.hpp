// The one choice rule every adaptive agent uses, and how it values what a choice pays.
//
// A menu always holds "carry on as before" (the status quo). Every option is valued in pay
// terms against it: what the agent's own plans would pay more (or less), weighted by when
// it is paid (time preference) and less a risk term, less the explicit cost of the action
// (hours at behaviour.effort_cost_per_hour). The status quo is worth 0.
//
// The choice is a multinomial logit (quantal response) whose noise is scaled to the
// stakes: T = (the agent's pay per pay period) / behaviour.rationality, so a value edge of
// 1/rationality of a pay period's pay makes an option e times as likely, whatever the pay
// level, currency or pay frequency. The status quo also carries behaviour.status_quo_bias
// (an alternative-specific constant, in logit units: Samuelson & Zeckhauser's status quo
// bias): indifferent, an agent stays with odds of e^bias to 1 against each alternative. So
// an option worth nothing (or only its cost) is almost never taken, and a change needs a
// real edge. One uniform draw per choice, so the choice stream advances the same way
// whatever the values.
#pragma once

#include "model/scenario.hpp"

#include <tandem/random.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>

namespace tandem {

class ChoiceRule {
 public:
  explicit ChoiceRule(const BehaviourConfig& b)
      : rationality_(b.rationality), bias_(b.status_quo_bias) {}

  // The option chosen: `value[i]` is option i's worth in currency, on any base common to
  // all options (its worth over the status quo, or what the agent's plans would pay with
  // it: the logit depends only on differences); `stakes` the agent's pay per pay period.
  std::size_t choose(std::span<const double> value, std::size_t status_quo, double stakes,
                     Stream& stream) const {
    const double temperature = std::max(stakes, 1.0) / rationality_;
    const auto utility = [&](std::size_t i) {
      return value[i] / temperature + (i == status_quo ? bias_ : 0.0);
    };
    double best = utility(0);
    for (std::size_t i = 1; i < value.size(); ++i) best = std::max(best, utility(i));
    double total = 0;
    for (std::size_t i = 0; i < value.size(); ++i) total += std::exp(utility(i) - best);
    double u = stream.uniform() * total;
    for (std::size_t i = 0; i + 1 < value.size(); ++i)
      if ((u -= std::exp(utility(i) - best)) < 0) return i;
    return value.size() - 1;
  }

 private:
  double rationality_, bias_;
};

// Time preference (beta-delta; Laibson 1997, estimated for sales reps by Chung, Steenburgh
// & Sudhir 2014): pay received `periods` simulation periods from now is worth
// delta^periods of pay now, and pay in a later pay period than the current one also
// beta (present bias; 1: none).
class TimePreference {
 public:
  TimePreference(const BehaviourConfig& b, double days_per_period)
      : delta_(std::pow(b.discount_per_year, days_per_period / 365.25)), beta_(b.present_bias) {}

  double weight(int periods, bool later_pay_period) const {
    return (later_pay_period ? beta_ : 1.0) * std::pow(delta_, std::max(0, periods));
  }

 private:
  double delta_, beta_;
};

// Risk attitude: an uncertain payoff is worth its mean less behaviour.risk_aversion x its
// standard deviation (mean-standard deviation preferences).
inline double certainty_equivalent(double mean, double variance, double risk_aversion) {
  return mean - risk_aversion * std::sqrt(std::max(0.0, variance));
}

}  // namespace tandem
