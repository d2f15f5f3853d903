// What the funnel knows of each account besides the market's model of it: its customer
// segment (drawn once, from its own stream, so the market draws as without segments) and
// the rep whose territory it is in.
#pragma once

#include "engine/territories.hpp"
#include "engine/weighted.hpp"
#include "model/scenario.hpp"

#include <tandem/random.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tandem {

class Accounts {
 public:
  Accounts(const Scenario& s, Stream& segments)
      : segment_(draw_segments(s, segments)), territories_(s, segment_) {}
  // The territories read the segments where they are.
  Accounts(const Accounts&) = delete;
  Accounts& operator=(const Accounts&) = delete;

  // Account a's index into the scenario's segments.
  std::uint8_t segment(std::uint32_t a) const { return segment_[a]; }
  // The rep (0-based) whose territory account a is in.
  int territory_owner(std::uint32_t a) const { return territories_.owner(a); }

 private:
  static std::vector<std::uint8_t> draw_segments(const Scenario& s, Stream& stream) {
    const std::vector<double> weights = weights_of(s.segments);
    std::vector<std::uint8_t> segment(static_cast<std::size_t>(s.market.accounts));
    for (auto& seg : segment) seg = pick_weighted(weights, stream);
    return segment;
  }

  std::vector<std::uint8_t> segment_;
  Territories territories_;
};

}  // namespace tandem
