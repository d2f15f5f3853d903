// Adaptive effort: each period a rep chooses how many hours to put in: fewer than their
// selling hours (`behaviour.low_effort`), all of them, or more (`high_effort`); carrying on
// at last period's level is the status quo. Each hour costs them
// `behaviour.effort_cost_per_hour`. The rep values each level by calling their own pay
// plans on the bookings those hours would bring (hours x what an hour has brought them so
// far) on top of what is credited in the pay period, less the cost, against the status
// quo's, by the choice rule (engine/choice_rule.hpp). Above a cap, an hour pays nothing
// and costs the same: effort falls, with no code about caps.
#pragma once

#include "engine/beliefs.hpp"
#include "engine/choice_rule.hpp"
#include "model/scenario.hpp"

#include <tandem/money.hpp>
#include <tandem/random.hpp>

#include <array>
#include <functional>
#include <vector>

namespace tandem {

class Effort {
 public:
  Effort(const Scenario& s, int reps)
      : share_{s.behaviour.low_effort, 1.0, s.behaviour.high_effort},
        hourly_cost_(s.behaviour.effort_cost_per_hour),
        rule_(s.behaviour),
        learning_rate_(s.behaviour.learning_rate),
        per_hour_(static_cast<std::size_t>(reps), -1.0),
        level_(static_cast<std::size_t>(reps), 1) {}

  // The share of their selling hours rep r puts in this period.
  double share(int r) const {
    return share_[static_cast<std::size_t>(level_[static_cast<std::size_t>(r)])];
  }

  // What rep r's hours brought this period: the bookings an hour brings, learned.
  void observe(int r, double hours, double bookings) {
    double& b = per_hour_[static_cast<std::size_t>(r)];
    if (hours <= 0) return;
    b = b < 0 ? bookings / hours : b + learning_rate_ * (bookings / hours - b);
  }

  // The team pools what it learned, once every rep has learned something.
  void pool(double sharing) {
    for (const double b : per_hour_)
      if (b < 0) return;
    share_beliefs(per_hour_, sharing);
  }

  // Chooses rep r's effort for the period, with `hours` their selling hours and
  // `pay(extra)` what their plans would pay with `extra` more booked this pay period and
  // `stakes` their pay per pay period.
  void choose(int r, double hours, const std::function<Money(Money)>& pay, double stakes,
              Stream& stream) {
    const auto ri = static_cast<std::size_t>(r);
    if (per_hour_[ri] < 0) return;  // nothing learned yet: the usual hours
    std::array<double, 3> value{};
    for (std::size_t lv = 0; lv < 3; ++lv) {
      const double h = hours * share_[lv];
      value[lv] = pay(Money::from_units(h * per_hour_[ri])).units() - hourly_cost_ * h;
    }
    const auto now = static_cast<std::size_t>(level_[ri]);
    level_[ri] = static_cast<int>(rule_.choose(value, now, stakes, stream));
  }

 private:
  std::array<double, 3> share_;
  double hourly_cost_;
  ChoiceRule rule_;
  double learning_rate_;
  std::vector<double> per_hour_;  // bookings an hour brings, per rep (-1: not yet known)
  std::vector<int> level_;
};

}  // namespace tandem
