#include "engine/lead_yield.hpp"

#include "engine/beliefs.hpp"

#include <algorithm>

namespace tandem {

LeadYield::LeadYield(const Scenario& s, int reps, double days_per_period)
    : reps_(reps),
      channels_(static_cast<int>(s.channels.size())),
      cells_per_rep_(kWaitBands * kBands * std::max(1, channels_)),
      prior_(s.behaviour.prior_opportunity_rate),
      weight_(s.behaviour.prior_weight),
      learning_rate_(s.behaviour.learning_rate),
      prospect_hours_(s.sales.prospecting_hours_per_lead),
      cells_(static_cast<std::size_t>(reps) * static_cast<std::size_t>(cells_per_rep_)),
      prospecting_(static_cast<std::size_t>(reps)),
      booked_(static_cast<std::size_t>(reps),
              s.deals.median_size.units() * s.behaviour.prior_win_rate),
      cycle_(static_cast<std::size_t>(reps), s.deals.median_cycle_days / days_per_period) {}

int LeadYield::cell(double hours_waited, double score, std::int16_t channel) const {
  const int band = std::clamp(static_cast<int>(score / (100.0 / kBands)), 0, kBands - 1);
  return (wait_band(hours_waited) * kBands + band) * std::max(1, channels_) +
         std::max<int>(0, channel);
}

void LeadYield::attempted(int r, int cell, bool opened) {
  Counts& c = at(r, cell);
  ++c.new_tries;
  c.new_opened += opened ? 1 : 0;
}

void LeadYield::prospected(int r, int leads, int opened) {
  Counts& c = prospecting_[static_cast<std::size_t>(r)];
  c.new_tries += leads;
  c.new_opened += opened;
}

void LeadYield::decided(int r, double booked, int periods_open) {
  const auto ri = static_cast<std::size_t>(r);
  booked_[ri] += learning_rate_ * (booked - booked_[ri]);
  cycle_[ri] += learning_rate_ * (periods_open - cycle_[ri]);
}

void LeadYield::end_period(double sharing) {
  const double keep = 1.0 - learning_rate_;
  const auto fold = [keep](Counts& c) {
    c.tries = keep * c.tries + static_cast<double>(c.new_tries);
    c.opened = keep * c.opened + static_cast<double>(c.new_opened);
    c.new_tries = c.new_opened = 0;
  };
  for (Counts& c : cells_) fold(c);
  for (Counts& c : prospecting_) fold(c);
  if (sharing <= 0 || reps_ < 2) return;
  // Pooling moves each rep's counts (and so their rates) toward the team's.
  std::vector<double> tries(static_cast<std::size_t>(reps_)), opened(tries.size());
  const auto pool = [&](auto&& counts_of) {
    for (int r = 0; r < reps_; ++r) {
      tries[static_cast<std::size_t>(r)] = counts_of(r).tries;
      opened[static_cast<std::size_t>(r)] = counts_of(r).opened;
    }
    share_beliefs(tries, sharing);
    share_beliefs(opened, sharing);
    for (int r = 0; r < reps_; ++r) {
      counts_of(r).tries = tries[static_cast<std::size_t>(r)];
      counts_of(r).opened = opened[static_cast<std::size_t>(r)];
    }
  };
  for (int cell = 0; cell < cells_per_rep_; ++cell)
    pool([&](int r) -> Counts& { return at(r, cell); });
  pool([&](int r) -> Counts& { return prospecting_[static_cast<std::size_t>(r)]; });
  share_beliefs(booked_, sharing);
  share_beliefs(cycle_, sharing);
}

}  // namespace tandem
