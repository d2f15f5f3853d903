// The company's counters (model/catalogue.hpp: Counter), this period's and the run's: an
// array indexed by the catalogue, so a new counter needs no code here. Recording each
// period and the headlines at the end walk the catalogue.
#pragma once

#include "engine/metrics.hpp"
#include "model/catalogue.hpp"
#include "model/results.hpp"
#include "model/scenario.hpp"

#include <tandem/money.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tandem {

class Counters {
 public:
  // This period's count.
  std::int64_t& operator[](Counter c) { return period_[at(c)]; }
  std::int64_t operator[](Counter c) const { return period_[at(c)]; }
  // Adds money to a money counter (in cents; overflow is an error, as for Money).
  void add(Counter c, Money m) { period_[at(c)] = (Money::from_cents(period_[at(c)]) + m).cents(); }
  Money money(Counter c) const { return Money::from_cents(period_[at(c)]); }
  // The run's total so far (periods already ended).
  Money total_money(Counter c) const { return Money::from_cents(totals_[at(c)]); }
  std::int64_t total(Counter c) const { return totals_[at(c)]; }

  void start_period() { period_.fill(0); }
  // The warm-up is over: the run's totals count from the next period on.
  void start_measuring() { totals_.fill(0); }
  // Adds this period's counts to the run's totals.
  void end_period() {
    for (std::size_t i = 0; i < kCounters; ++i)
      totals_[i] = (Money::from_cents(totals_[i]) + Money::from_cents(period_[i])).cents();
  }

  // Emits the company's metric rows of period t: each counter's count and each gauge, in
  // the catalogue's order.
  void record(Recorder& recorder, int t, const std::array<double, kGauges>& gauges) const;

  // The headlines, in the catalogue's order: counters' totals, the figures worked out at
  // the end, and one per channel (`per_channel[c]`, named after the scenario's channel c).
  std::vector<Headline> headlines(const std::array<double, kFigures>& figures,
                                  const std::vector<ChannelConfig>& channels,
                                  const std::vector<std::vector<double>>& per_channel) const;

 private:
  static std::size_t at(Counter c) { return static_cast<std::size_t>(c); }
  // What a row shows of a count: money in units, counts as they are.
  static double shown(Counter c, std::int64_t n) {
    return unit_of(c) == Unit::money ? Money::from_cents(n).units() : static_cast<double>(n);
  }

  std::array<std::int64_t, kCounters> period_{}, totals_{};
};

}  // namespace tandem
