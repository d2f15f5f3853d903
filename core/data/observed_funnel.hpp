// What a CRM export says about a funnel, as the figures a calibration fits to: each with
// a bootstrap 95% interval and standard error (leads resampled with replacement, so a
// lead's deal travels with it).
//
//   mqls_per_month, mqls_per_month.<channel>   MQLs a month (the export's leads)
//   mql_to_won, mql_to_won.<channel>           share of those MQLs won
//   days_to_close.median, days_to_close.p90    days from MQL to a won close
//   deal_size.median                           when the export has amounts
//   sdrs, reps                                 distinct people on won deals (no interval)
//   mql_to_sal, sal_to_sql, sql_to_opportunity with stage dates: each stage's share of
//                                              the leads that reached the one before
//
// The window is the months the leads were created in (from the first lead's month to the
// last's); `from` starts it later and `until` cuts it (leads created and deals closed
// before that day), for a fit that holds later months back. A deal is seen when it closed
// by the window's end (`until`, else the export's last date): a lead created late has had
// less time to close, so the export's shares run low for the last months. `leads` keeps
// each lead's days seen, so a fit can record a simulated funnel the same way
// (study/recorded_figures.hpp).
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

// A lead of the window, as much of it as a fit and a prediction need.
struct ObservedLead {
  int channel = -1;      // index into ObservedFunnel::channels; -1: none given
  int month = 0;         // index into ObservedFunnel::by_month (the month it was created in)
  double days_seen = 0;  // from its creation to the window's end: a deal closing later is unseen
  bool won = false;      // won by the window's end
};

struct ObservedFunnel {
  std::string first_month, last_month;
  int months = 0;
  std::vector<std::string> channels;
  std::vector<ObservedFigure> figures;
  std::vector<ObservedMonth> by_month;
  std::vector<ObservedLead> leads;
  std::vector<double> won_days;      // days from MQL to close of each won deal, ascending
  double end = 0;                    // the window's end, days since 1970-01-01
  std::optional<double> first_deal;  // the earliest close of a won deal in the window

  const ObservedFigure* find(const std::string& name) const;
};

struct ObserveOptions {
  int bootstrap = 500;  // resamples
  std::uint64_t seed = 20170601;
  std::optional<double> from;   // days since 1970-01-01: only leads created on it or after
  std::optional<double> until;  // days since 1970-01-01: only what happened before
};

ObservedFunnel observe_funnel(const CrmExport& data, const ObserveOptions& options = {});

}  // namespace tandem
