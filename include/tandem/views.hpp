// The read-only views plugins receive: plain data, no pointers into the engine. A policy
// sees only what a real company could observe about a lead, never its latent quality.
#pragma once

#include <tandem/money.hpp>

#include <cstdint>
#include <span>
#include <string_view>

namespace tandem {
inline namespace v1 {

enum class PeriodKind { month, quarter, year };

inline const char* to_string(PeriodKind k) {
  switch (k) {
    case PeriodKind::month:
      return "month";
    case PeriodKind::quarter:
      return "quarter";
    case PeriodKind::year:
      return "year";
  }
  return "?";
}

// One pay period, made of simulation periods [first_period, last_period].
struct PayPeriod {
  int index = 0;  // 0-based count of pay periods of this kind since the start
  PeriodKind kind = PeriodKind::month;
  int first_period = 0;
  int last_period = 0;        // inclusive
  double years = 1.0 / 12.0;  // length as a share of a year, to prorate annual amounts
};

// A won deal credited to a person: which deal, its value, and the simulation period it
// was won in. Lets a plan (and a statement) trace every cent to the deals that earned it.
struct CreditedDeal {
  std::uint64_t id = 0;
  Money value;
  int period = 0;
};

// One person's credited results over one pay period: what a pay plan is paid on.
struct Credits {
  Money bookings;              // value of won deals credited to this person
  std::int64_t deals_won = 0;  // number of those deals
  Money pipeline;              // value of opportunities opened, credited
  std::int64_t opportunities = 0;
  std::int64_t inquiries = 0;  // inquiries from channels this person runs
  std::int64_t mqls = 0;       // MQLs credited (a marketer: from the channels they run)
  std::int64_t sals = 0;       // leads sales accepted
  std::int64_t sqls = 0;       // leads qualified as sales-ready
  Money sourced_revenue;       // won revenue from leads this person sourced
  Money team_bookings;         // bookings of the person's whole team
  // The won deals behind `bookings` (a rep) or `sourced_revenue` (a marketer); empty where
  // they are not known (results given as totals). Valid only during the call.
  std::span<const CreditedDeal> deals;
  // This person's credits in each earlier pay period of the same plan, oldest first (with
  // their own `deals` and `earlier` empty): what a plan that carries a balance from period
  // to period (a recoverable draw) recomputes it from, so it stays a pure function.
  // Valid only during the call.
  std::span<const Credits> earlier;
};

// What a lead policy may look at: the observable signals only.
struct LeadView {
  std::uint64_t id = 0;
  int channel = 0;  // index into the scenario's channels
  std::string_view channel_name;
  double score = 0;              // lead score, 0..100, from the company's scoring model
  double fit = 0;                // firmographic fit as observed, 0..1
  int engagement = 0;            // touches so far (visits, downloads, replies)
  int buying_group_engaged = 0;  // people of the same account who engaged so far
  int age_periods = 0;           // periods since the inquiry
  int times_recycled = 0;        // how often it came back from nurture
};

// How sales must treat MQLs: follow-up time and when an untouched lead is recycled.
struct ServiceLevel {
  int follow_up_periods = 1;      // a lead should be worked within this many periods
  int recycle_after_periods = 4;  // an MQL not worked by then goes back to nurture
};

// What became of a lead, reported to the policy so it can learn (sales feedback).
enum class Outcome { rejected, recycled, disqualified, won, lost, no_decision };

}  // namespace v1
}  // namespace tandem
