// A simulated funnel as a CRM export would have recorded it. An export sees a won deal only
// when it closed before the export ends, so its MQL-to-won shares and days to close are of
// the deals seen in time; a run in steady state sees every deal. Set side by side as they
// are, a fit would raise conversion to make up for deals the export had not seen yet, and
// shorten the cycle to match a tail the export cut off. So a run's figures are recorded as
// the export would: each of the export's leads, seen for its days, has the run's chance of
// a close within those days.
#pragma once

#include "model/results.hpp"

#include <vector>

namespace tandem::study {

// Days from a lead's first inquiry to a won close, over a run's measured periods and
// pooled over its replications. A deal of k whole days closes evenly within its day.
class CloseDays {
 public:
  explicit CloseDays(const RunResult& run);
  // [k]: won deals that closed after k whole days.
  explicit CloseDays(const std::vector<std::int64_t>& counts);

  bool empty() const { return share_.empty(); }
  // The share of won deals closed within `days`.
  double within(double days) const;
  // The q-quantile of the days to close an export would record, of leads seen for
  // `days_seen` each: the deals that closed in time, interpolated within a day.
  double recorded_quantile(const std::vector<double>& days_seen, double q) const;
  // [d] for d = 0..last_day: the share of recorded won deals closed within d days.
  std::vector<double> recorded_cumulative(const std::vector<double>& days_seen, int last_day) const;

 private:
  // [k]: deals of k whole days, as a share of the deals recorded from `days_seen`.
  std::vector<double> recorded(const std::vector<double>& days_seen) const;

  std::vector<double> share_;  // [k]: share of won deals that closed after k whole days
};

// The share of won deals an export seeing each lead for its `days_seen` would record, of
// all that are won: the mean over the leads of `close.within(days)`.
double recorded_share(const CloseDays& close, const std::vector<double>& days_seen);

}  // namespace tandem::study
