#include "engine/enablement.hpp"

#include <cstddef>

#include <algorithm>
#include <array>

namespace tandem {

Enablement::Enablement(const Scenario& s, int marketers)
    : marketers_(std::max(1, marketers)),
      gain_(s.marketing.enablement_convince_gain),
      hours_(s.marketing.enablement_hours),
      hourly_cost_(s.behaviour.effort_cost_per_hour),
      rule_(s.behaviour),
      prior_win_(s.behaviour.prior_win_rate),
      learning_rate_(s.behaviour.learning_rate),
      sourced_(static_cast<std::size_t>(marketers_), -1.0),
      company_(static_cast<std::size_t>(marketers_), -1.0),
      on_(static_cast<std::size_t>(marketers_), 0) {}

void Enablement::observe(int m, double sourced_revenue, double company_bookings) {
  const auto mi = static_cast<std::size_t>(m);
  const auto learn = [this](double& belief, double observed) {
    belief = belief < 0 ? observed : belief + learning_rate_ * (observed - belief);
  };
  learn(sourced_[mi], sourced_revenue);
  learn(company_[mi], company_bookings);
}

void Enablement::choose(int m, const std::function<Money(const Credits&)>& pay, double stakes,
                        Stream& stream) {
  const auto mi = static_cast<std::size_t>(m);
  if (sourced_[mi] < 0 || prior_win_ <= 0) return;
  // What one marketer's content adds to what deals bring, relative to the win chance.
  const double lift = gain_ / marketers_ / prior_win_;
  Credits extra;
  extra.sourced_revenue = Money::from_units(sourced_[mi] * lift);
  extra.company_bookings = Money::from_units(company_[mi] * lift);
  std::array<double, 2> value{0.0, (pay(extra) - pay(Credits{})).units() - hourly_cost_ * hours_};
  const std::size_t now = on_[mi];
  on_[mi] = rule_.choose(value, now, stakes, stream) == 1 ? 1 : 0;
}

void Enablement::settle() {
  int producing = 0;
  for (const std::uint8_t on : on_) producing += on;
  share_ = static_cast<double>(producing) / marketers_;
}

}  // namespace tandem
