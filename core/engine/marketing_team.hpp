// The marketing team: who runs which channel, each marketer's targeting, channel mix and
// enablement content (adaptive marketers choose them; otherwise they stay as set), and
// what each channel brought, this period and over the run.
#pragma once

#include "engine/channel_mix.hpp"
#include "engine/enablement.hpp"
#include "engine/targeting.hpp"
#include "model/scenario.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tandem {

// What a channel brought its marketer this period: what channel mix choices learn from.
struct ChannelTally {
  double spend = 0, inquiries = 0, mqls = 0, pipeline = 0, revenue = 0;
};

struct MarketingTeam {
  explicit MarketingTeam(const Scenario& s)
      : marketers(s.marketing.people),
        targeting(s, s.marketing.people),
        mix(s, s.marketing.people),
        enablement(s, s.marketing.people),
        channel_tally(s.channels.size()),
        channel_spend(s.channels.size()) {}

  // The marketer who runs channel c: channels are dealt in turn.
  int owner_of(std::size_t c) const {
    return static_cast<int>(c % static_cast<std::size_t>(marketers));
  }

  int marketers;
  Targeting targeting;
  ChannelMix mix;
  Enablement enablement;
  std::vector<ChannelTally> channel_tally;          // per channel, this period
  std::vector<double> channel_spend;                // per channel, the whole run
  std::array<std::int64_t, 3> targeting_periods{};  // marketer-periods at each level
  std::int64_t enablement_periods = 0;              // marketer-periods on enablement content
};

}  // namespace tandem
