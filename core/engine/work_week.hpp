// Time inside a period, in hours: when leads arrive and when reps and SDRs work. A period
// is 168 hours (a week) or 730 (a month: 365 days / 12) and starts at midnight on the first
// working day; the working days are the first `working_days` of every 7, each worked from
// `day_starts_at` for `working_hours_per_day` hours (scenario `sales`). A worker spreads
// their selling hours evenly over the period's working hours, so their work is placed on
// a *working clock*: position p in [0, W) is the (p - floor(p)) part of the floor(p)-th
// working hour of the period. Built once per replication; every look-up is a table read.
#pragma once

#include "model/scenario.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace tandem {

// Bands of the hours a lead waited for a contact attempt: under 1, 1 to 2, 2 to 24, 24
// or more (the bands of Oldroyd et al. 2011). Headlines count first touches by them, and
// adaptive reps learn what an attempt brings in each.
inline constexpr int kWaitBands = 4;
inline int wait_band(double hours) {
  return hours < 1.0 ? 0 : hours < 2.0 ? 1 : hours < 24.0 ? 2 : 3;
}

class WorkWeek {
 public:
  explicit WorkWeek(const Scenario& s)
      : hours_(s.horizon.period == SimPeriod::week ? 168 : 730),
        arrivals_at_work_(s.funnel.arrivals_in_working_hours) {
    next_work_.assign(static_cast<std::size_t>(hours_) + 1, 0);
    for (int h = 0; h < hours_; ++h) {
      const int day = h / 24, hour = h % 24;
      const bool working = day % 7 < s.sales.working_days && hour >= s.sales.day_starts_at &&
                           hour < s.sales.day_starts_at + s.sales.working_hours_per_day;
      (working ? work_hours_ : off_hours_).push_back(h);
    }
    // next_work_[h]: the first working slot at or after calendar hour h (W: none left).
    int slot = static_cast<int>(work_hours_.size());
    for (int h = hours_; h >= 0; --h) {
      if (slot > 0 && work_hours_[static_cast<std::size_t>(slot - 1)] >= h) --slot;
      next_work_[static_cast<std::size_t>(h)] = slot;
    }
  }

  int period_hours() const { return hours_; }
  // Working hours in a period (W).
  int working_hours() const { return static_cast<int>(work_hours_.size()); }
  // The hour since the run's start at which period t starts.
  std::int64_t start(int t) const { return static_cast<std::int64_t>(t) * hours_; }

  // When in the period (hours from its start, in [0, period_hours)) a lead arrives, from
  // one uniform draw u in [0, 1): with the scenario's share in working hours, else at night
  // or at the weekend, every moment within each as likely.
  double arrival_hour(double u) const {
    const double share = off_hours_.empty() ? 1.0 : work_hours_.empty() ? 0.0 : arrivals_at_work_;
    if (u < share) return pick(work_hours_, u / share);
    return pick(off_hours_, (u - share) / (1.0 - share));
  }

  // The working clock at calendar hour `h` of the period (a real number): where in a
  // working hour it falls, or the start of the next one; W when none is left.
  double clock_at(double h) const {
    if (h < 0) return 0.0;
    if (h >= hours_) return working_hours();
    const int whole = static_cast<int>(h);
    const int slot = next_work_[static_cast<std::size_t>(whole)];
    if (slot < working_hours() && work_hours_[static_cast<std::size_t>(slot)] == whole)
      return slot + (h - whole);
    return slot;
  }

  // The calendar hour of the period at working clock p (p in [0, W)).
  double hour_at(double p) const {
    const int slot = static_cast<int>(p);
    if (slot >= working_hours()) return hours_;
    return work_hours_[static_cast<std::size_t>(slot)] + (p - slot);
  }

  // A working hour of the period spread by `key` (any number): where a decision is
  // placed when nothing else in the model times it.
  int spread_hour(std::uint64_t key) const {
    if (work_hours_.empty()) return 0;
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return work_hours_[static_cast<std::size_t>(key % work_hours_.size())];
  }

 private:
  // The moment at share u of the hours listed (each a whole hour long).
  static double pick(const std::vector<int>& hours, double u) {
    const auto n = static_cast<std::size_t>(hours.size());
    const double at = u * static_cast<double>(n);
    const auto i = std::min(static_cast<std::size_t>(at), n - 1);
    return hours[i] + std::min(at - static_cast<double>(i), 1.0 - 1e-9);
  }

  int hours_;
  double arrivals_at_work_;
  std::vector<int> work_hours_, off_hours_;  // calendar hours of the period, in order
  std::vector<int> next_work_;               // per calendar hour (and one past the end)
};

}  // namespace tandem
