// The market: accounts (companies) with an ideal-customer fit, a buying group, and a
// buying state that moves dormant -> researching -> buying and back.
#pragma once

#include "model/scenario.hpp"

#include <tandem/random.hpp>

#include <cstdint>
#include <vector>

namespace tandem {

enum class AccountState : std::uint8_t { dormant, researching, buying };

class Market {
 public:
  Market(const MarketConfig& config, Stream& stream);

  // One period of account life: start researching, start buying, lose interest.
  void step(Stream& stream);

  // An account for a new lead: from the in-market accounts (researching or buying) or the
  // dormant ones, weighted by exp(tilt * fit) so a channel can lean toward or away from
  // high fit. Falls back to any account when the wanted group is empty.
  std::uint32_t pick(bool in_market, double fit_tilt, Stream& stream) const;

  // The account bought (or decided not to): it leaves the market for now.
  void settle(std::uint32_t account);

  // A person of the account engaged; returns how many of its buying group have so far.
  int engage(std::uint32_t account);

  std::size_t size() const { return fit_.size(); }
  double fit(std::uint32_t a) const { return fit_[a]; }
  AccountState state(std::uint32_t a) const { return state_[a]; }
  int buying_group(std::uint32_t a) const { return group_[a]; }
  std::size_t in_market() const { return in_market_; }

  // P(real need | fit 1) for an account's current state.
  double need(std::uint32_t a) const;

 private:
  const MarketConfig* config_;
  std::vector<double> fit_;
  std::vector<AccountState> state_;
  std::vector<std::uint8_t> group_;
  std::vector<std::uint8_t> engaged_;
  std::size_t in_market_ = 0;
};

}  // namespace tandem
