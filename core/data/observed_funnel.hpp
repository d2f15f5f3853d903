// What a CRM export says about a funnel, as the figures a calibration fits to: each with
// a bootstrap 95% interval and standard error (leads resampled with replacement, so a
// lead's deal travels with it).
//
//   mqls_per_month, mqls_per_month.<channel>   MQLs a month (the export's leads)
//   mql_to_won, mql_to_won.<channel>           share of those MQLs won
//   days_to_close.median, days_to_close.p90    days from MQL to a won close
//   deal_size.median                           when the export has amounts
//   sdrs, reps                                 distinct people on won deals (no interval)
//
// The window is the months the leads were created in (from the first lead's month to the
// last's); `until` cuts it (leads created and deals closed before that day), for a fit
// that holds later months back. Deals that close after the window are not seen: a lead
// created late has had less time to close (the MQL→won shares of the last months are
// lower for it; a fit runs the scenario over the same window, so it sees the same cut).
#pragma once

#include "data/crm_export.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tandem {

struct ObservedFigure {
  std::string name;
  std::string unit;  // "count", "share", "days", "currency"
  double value = 0;
  double low = 0, high = 0;  // bootstrap 95% interval (percentiles)
  double se = 0;             // bootstrap standard deviation; 0: not resampled
  int sample = 0;            // the leads (or deals) it is computed from
};

struct ObservedMonth {
  std::string month;  // "2018-03"
  int mqls = 0;       // created in it
  int won = 0;        // won and closed in it
};

struct ObservedFunnel {
  std::string first_month, last_month;
  int months = 0;
  std::vector<std::string> channels;
  std::vector<ObservedFigure> figures;
  std::vector<ObservedMonth> by_month;

  const ObservedFigure* find(const std::string& name) const;
};

struct ObserveOptions {
  int bootstrap = 500;  // resamples
  std::uint64_t seed = 20170601;
  std::optional<double> until;  // days since 1970-01-01: only what happened before
};

ObservedFunnel observe_funnel(const CrmExport& data, const ObserveOptions& options = {});

}  // namespace tandem
