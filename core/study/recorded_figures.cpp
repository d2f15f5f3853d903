#include "study/recorded_figures.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tandem::study {

namespace {

std::vector<std::int64_t> pooled(const RunResult& run) {
  std::vector<std::int64_t> out;
  for (const ReplicationResult& r : run.replications) {
    if (r.days_to_close.size() > out.size()) out.resize(r.days_to_close.size(), 0);
    for (std::size_t k = 0; k < r.days_to_close.size(); ++k) out[k] += r.days_to_close[k];
  }
  return out;
}

// The share of a deal of k whole days that closed within `days`.
double in_time(std::size_t k, double days) {
  return std::clamp(days - static_cast<double>(k), 0.0, 1.0);
}

}  // namespace

CloseDays::CloseDays(const RunResult& run) : CloseDays(pooled(run)) {}

CloseDays::CloseDays(const std::vector<std::int64_t>& counts) {
  const double n =
      static_cast<double>(std::accumulate(counts.begin(), counts.end(), std::int64_t{0}));
  if (n <= 0) return;
  for (const std::int64_t c : counts) share_.push_back(static_cast<double>(c) / n);
}

double CloseDays::within(double days) const {
  double sum = 0;
  for (std::size_t k = 0; k < share_.size() && static_cast<double>(k) < days; ++k)
    sum += share_[k] * in_time(k, days);
  return sum;
}

std::vector<double> CloseDays::recorded(const std::vector<double>& days_seen) const {
  std::vector<double> g(share_.size(), 0.0);
  if (days_seen.empty()) return g;
  // Sorted, the leads seen past day k are a suffix, and each lead seen only partly through
  // day k is the one straddling it.
  std::vector<double> seen = days_seen;
  std::sort(seen.begin(), seen.end());
  double total = 0;
  for (std::size_t k = 0; k < share_.size(); ++k) {
    const double day = static_cast<double>(k);
    const auto from = std::lower_bound(seen.begin(), seen.end(), day);
    double w = static_cast<double>(seen.end() - std::lower_bound(from, seen.end(), day + 1.0));
    for (auto it = from; it != seen.end() && *it < day + 1.0; ++it) w += *it - day;
    g[k] = share_[k] * w;
    total += g[k];
  }
  if (total > 0)
    for (double& x : g) x /= total;
  return g;
}

double CloseDays::recorded_quantile(const std::vector<double>& days_seen, double q) const {
  const std::vector<double> g = recorded(days_seen);
  double below = 0;
  for (std::size_t k = 0; k < g.size(); ++k) {
    if (g[k] > 0 && below + g[k] >= q) return static_cast<double>(k) + (q - below) / g[k];
    below += g[k];
  }
  return static_cast<double>(g.size());
}

std::vector<double> CloseDays::recorded_cumulative(const std::vector<double>& days_seen,
                                                   int last_day) const {
  const std::vector<double> g = recorded(days_seen);
  std::vector<double> out;
  double sum = 0;
  for (int d = 0; d <= last_day; ++d) {
    out.push_back(std::min(1.0, sum));
    if (static_cast<std::size_t>(d) < g.size()) sum += g[static_cast<std::size_t>(d)];
  }
  return out;
}

double recorded_share(const CloseDays& close, const std::vector<double>& days_seen) {
  if (days_seen.empty()) return 1.0;
  double sum = 0;
  for (const double d : days_seen) sum += close.within(d);
  return sum / static_cast<double>(days_seen.size());
}

}  // namespace tandem::study
