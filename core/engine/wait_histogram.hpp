// Waits counted in whole periods, so a median needs a histogram, not every value: memory
// grows with the horizon, not with the number of leads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tandem {

class WaitHistogram {
 public:
  void add(int periods) {
    const auto k = static_cast<std::size_t>(periods);
    if (k >= counts_.size()) counts_.resize(k + 1, 0);
    ++counts_[k];
    ++n_;
  }
  // The q-quantile of the waits in days (the value of rank floor(q (n - 1)), a wait of k
  // periods counting as (k + 0.5) periods).
  double quantile_days(double q, double days_per_period) const {
    if (n_ == 0) return 0.0;
    std::int64_t rank = static_cast<std::int64_t>(q * static_cast<double>(n_ - 1));
    for (std::size_t k = 0; k < counts_.size(); ++k)
      if ((rank -= counts_[k]) < 0) return (static_cast<double>(k) + 0.5) * days_per_period;
    return 0.0;
  }
  // The median wait in days, a wait of k periods counting as (k + 0.5) periods.
  double median_days(double days_per_period) const {
    if (n_ == 0) return 0.0;
    const auto at = [&](std::int64_t rank) {
      for (std::size_t k = 0; k < counts_.size(); ++k)
        if ((rank -= counts_[k]) < 0) return (static_cast<double>(k) + 0.5) * days_per_period;
      return 0.0;
    };
    if (n_ % 2 == 1) return at(n_ / 2);
    return (at(n_ / 2) + at(n_ / 2 - 1)) / 2.0;
  }
  // [k]: the waits of k periods.
  const std::vector<std::int64_t>& counts() const { return counts_; }

 private:
  std::vector<std::int64_t> counts_;
  std::int64_t n_ = 0;
};

}  // namespace tandem
