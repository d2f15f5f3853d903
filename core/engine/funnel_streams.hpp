// Every random stream a replication of the funnel draws from, one per mechanism
// (engine/streams.hpp gives their ids). Each is keyed by (seed, replication, id), so the
// order they are made in does not matter: only the ids do.
#pragma once

#include "engine/streams.hpp"
#include "model/scenario.hpp"

#include <tandem/random.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tandem {

struct FunnelStreams {
  FunnelStreams(const Scenario& s, std::uint64_t replication)
      : market(s.seed, replication, streams::market),
        leads(s.seed, replication, streams::leads),
        contact(s.seed, replication, streams::contact),
        deals(s.seed, replication, streams::deals),
        reps(s.seed, replication, streams::reps),
        nurture(s.seed, replication, streams::nurture),
        prospecting(s.seed, replication, streams::prospecting),
        lead_policy(s.seed, replication, streams::lead_policy),
        pay_plans(s.seed, replication, streams::pay_plans),
        segments(s.seed, replication, streams::segments),
        products(s.seed, replication, streams::products),
        churn(s.seed, replication, streams::churn),
        signals(s.seed, replication, streams::signals),
        sales_read(s.seed, replication, streams::sales_read),
        choices(s.seed, replication, streams::choices) {
    for (std::size_t c = 0; c < s.channels.size(); ++c)
      channels.emplace_back(s.seed, replication, streams::channel_base + c);
  }
  // Plugins keep the streams they are handed: the streams stay where they are made.
  FunnelStreams(const FunnelStreams&) = delete;
  FunnelStreams& operator=(const FunnelStreams&) = delete;

  Stream market, leads, contact, deals, reps, nurture, prospecting, lead_policy, pay_plans,
      segments, products, churn, signals, sales_read, choices;
  std::vector<Stream> channels;  // per channel: its inquiry counts
};

}  // namespace tandem
