#include "engine/market.hpp"

#include "engine/observation.hpp"

#include <algorithm>
#include <cmath>

namespace tandem {

Market::Market(const MarketConfig& config, Stream& stream) : config_(&config) {
  const auto n = static_cast<std::size_t>(config.accounts);
  fit_.resize(n);
  state_.assign(n, AccountState::dormant);
  group_.resize(n);
  engaged_.assign(n, 0);
  // Fit is logit-normal around the median: most accounts fit poorly, a few very well.
  const double centre = std::log(config.fit_mean / (1.0 - config.fit_mean));
  for (std::size_t a = 0; a < n; ++a) {
    fit_[a] = 1.0 / (1.0 + std::exp(-stream.normal(centre, config.fit_spread)));
    group_[a] = static_cast<std::uint8_t>(
        std::min<std::int64_t>(60, 1 + stream.poisson(config.buying_group - 1.0)));
  }
  // Start from the steady state of the three-state chain rather than an empty market, so
  // the first periods are not a warm-up.
  const double r = config.research_rate, b = config.buy_rate, d = config.drop_rate;
  const double researching = d + b > 0 ? r / (d + b) : 0.0;  // relative to dormant
  const double buying = d > 0 ? researching * b / d : 0.0;
  const double total = 1.0 + researching + buying;
  for (std::size_t a = 0; a < n; ++a) {
    const double u = stream.uniform() * total;
    state_[a] = u < 1.0                 ? AccountState::dormant
                : u < 1.0 + researching ? AccountState::researching
                                        : AccountState::buying;
    if (state_[a] != AccountState::dormant) ++in_market_;
  }
}

void Market::step(Stream& stream) {
  for (std::size_t a = 0; a < fit_.size(); ++a) {
    const double u = stream.uniform();
    switch (state_[a]) {
      case AccountState::dormant:
        if (u < config_->research_rate) {
          state_[a] = AccountState::researching;
          engaged_[a] = 0;  // a new buying cycle, a new set of people engaging
          ++in_market_;
        }
        break;
      case AccountState::researching:
        if (u < config_->drop_rate) {
          state_[a] = AccountState::dormant;
          --in_market_;
        } else if (u < config_->drop_rate + config_->buy_rate) {
          state_[a] = AccountState::buying;
        }
        break;
      case AccountState::buying:
        if (u < config_->drop_rate) {
          state_[a] = AccountState::dormant;
          --in_market_;
        }
        break;
    }
  }
}

std::uint32_t Market::pick(bool in_market, double fit_tilt, Stream& stream) const {
  const std::size_t wanted = in_market ? in_market_ : fit_.size() - in_market_;
  const bool any = wanted == 0;
  const double top = std::max(fit_tilt, 0.0);  // exp(tilt*fit - top) <= 1 for fit in (0,1)
  for (;;) {
    const auto a = static_cast<std::uint32_t>(stream.below(fit_.size()));
    if (!any && (state_[a] != AccountState::dormant) != in_market) continue;
    if (fit_tilt == 0.0 || stream.uniform() < std::exp(fit_tilt * fit_[a] - top)) return a;
  }
}

void Market::settle(std::uint32_t account) {
  if (state_[account] != AccountState::dormant) --in_market_;
  state_[account] = AccountState::dormant;
}

int Market::engage(std::uint32_t account) {
  if (engaged_[account] < group_[account]) ++engaged_[account];
  return engaged_[account];
}

double Market::need(std::uint32_t a) const {
  return observation::need(*config_, state_[a]);
}

}  // namespace tandem
