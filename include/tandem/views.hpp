// The read-only views plugins receive: plain data, no pointers into the engine. A policy
// sees only what a real company could observe about a lead, never its latent quality.
#pragma once

#include <tandem/money.hpp>

#include <cstdint>
#include <span>
#include <string_view>

namespace tandem {
inline namespace v4 {

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

// Why a person is credited with (a share of) a won deal. The scenario's crediting rules
// decide; a plan sees the credited value and, here, why.
enum class CreditKind {
  closed,      // the rep who won it (less any split)
  split,       // the rep who owns the account, when another rep won it
  team,        // a rep's equal share of the deal's team credit
  sourced,     // the marketer whose channel brought the lead in
  influenced,  // a marketer whose nurture brought a lead back before it was won
  qualified,   // the SDR who qualified the lead and handed the opportunity over
};

inline const char* to_string(CreditKind k) {
  switch (k) {
    case CreditKind::closed:
      return "closed";
    case CreditKind::split:
      return "split";
    case CreditKind::team:
      return "team";
    case CreditKind::sourced:
      return "sourced";
    case CreditKind::influenced:
      return "influenced";
    case CreditKind::qualified:
      return "qualified";
  }
  return "?";
}

// A won deal credited to a person: which deal, the value credited to this person (their
// share of it), and the simulation period it was won in. Lets a plan (and a statement)
// trace every cent to the deals that earned it.
struct CreditedDeal {
  std::uint64_t id = 0;
  Money value;  // credited to this person: the deal's value times their share
  int period = 0;
  CreditKind kind = CreditKind::closed;
  Money deal_value;           // the whole deal, whoever is credited with it
  std::string_view product;   // what was sold (a scenario's `products` name)
  std::string_view segment;   // the customer's segment (a `segments` name)
  int cancelled_period = -1;  // when the customer cancelled (churned); -1: not cancelled
  Money discount;       // taken off the whole deal to close it a pay period early (pulled); else 0
  bool pushed = false;  // its close was pushed into a later pay period
};

// The people paid by the same plan over the same pay period (a role's team), summed: what
// a shared plan, such as a team pool, is split by.
struct TeamView {
  int members = 1;
  Money bookings;         // the members' credited bookings
  Money sourced_revenue;  // the members' credited marketing revenue
  Money salaries;         // the members' annual base salaries
};

// One person's credited results over one pay period: what a pay plan is paid on.
struct Credits {
  Money bookings;              // value of won deals credited to this person
  std::int64_t deals_won = 0;  // number of those deals
  Money pipeline;              // value of opportunities opened, credited
  std::int64_t opportunities = 0;
  std::int64_t inquiries = 0;        // inquiries from channels this person runs
  std::int64_t mqls = 0;             // MQLs credited (a marketer: from the channels they run)
  std::int64_t sals = 0;             // leads sales accepted
  std::int64_t sqls = 0;             // leads qualified as sales-ready
  Money sourced_revenue;             // won revenue credited to this marketer (sourced, influenced)
  Money company_bookings;            // every rep's bookings: the company's revenue
  Money cancelled;                   // credited value of deals whose customer cancelled this period
  std::int64_t deals_cancelled = 0;  // number of those deals
  Money salary;                      // this person's annual base salary, as declared (0: none)
  TeamView team;                     // this person's team, this pay period
  // The won deals behind `bookings` (a rep) or `sourced_revenue` (a marketer); empty where
  // they are not known (results given as totals). Valid only during the call.
  std::span<const CreditedDeal> deals;
  // The deals behind `cancelled`, each with the period it was won in and the period it was
  // cancelled in. Valid only during the call.
  std::span<const CreditedDeal> cancellations;
  // This person's credits in each earlier pay period of the same plan, oldest first (with
  // their own `deals` and `earlier` empty, their `cancellations` kept): what a plan that
  // carries a balance from period to period (a recoverable draw, a clawback still owed)
  // recomputes it from, so it stays a pure function. Valid only during the call.
  std::span<const Credits> earlier;
};

// What a lead policy may look at: the observable signals only, never the latent need.
struct LeadView {
  std::uint64_t id = 0;
  int channel = 0;  // index into the scenario's channels; -1: a lead a rep sourced
  std::string_view channel_name;
  double score = 0;              // lead score, 0..100, from the company's scoring model
  double fit = 0;                // firmographic fit as observed, 0..1
  int engagement = 0;            // touches so far (visits, downloads, replies)
  int buying_group_engaged = 0;  // people of the same account who engaged so far
  int age_periods = 0;           // periods since the inquiry
  int times_recycled = 0;        // how often it came back from nurture
  std::uint64_t account = 0;     // the company (as its email domain shows it)
  std::string_view segment;      // the account's segment; empty when none are declared
  bool has_contact = true;       // gave usable contact details (a person sales can reach)
  // BANT, as a qualifying form and enrichment report them: each 0..1, observed with noise.
  double budget = 0;     // a budget that fits the deal (follows the account's size and fit)
  double authority = 0;  // the person can sign (a decision maker)
  double need = 0;       // a real need for what is sold
  double timing = 0;     // buying now rather than researching or idle
  // What a rep concluded in conversation: 1 a real need, 0 none, -1 not reached yet.
  // Sales reads the need right with the scenario's funnel.sales_read_accuracy.
  int sales_read = -1;
  int territory_owner = 0;  // the index (in route()'s list) of whoever owns the account
};

// How sales must treat MQLs: time to first touch, when an untouched lead is recycled,
// and how many contact attempts a lead gets.
// What happens to an MQL not first touched within the service level's time (a breach).
enum class BreachAction {
  none,      // counted, nothing more: the lead waits its turn
  reassign,  // handed to the worker with the most hours free
  escalate,  // first touched at the next working hour, before anything else
  recycle    // back to nurture
};

struct ServiceLevel {
  double first_touch_hours = 24;  // a lead should be first touched within this many hours
  int recycle_after_periods = 4;  // an MQL nobody touched by then goes back to nurture
  int max_touches = 3;            // contact attempts before an unreached lead is recycled
  BreachAction on_breach = BreachAction::none;  // what a breach sets off
};

// One of the people MQLs are routed to (the reps, or the SDRs when there are any), as
// routing sees them at the moment a lead is routed.
struct RepView {
  int queue = 0;                // MQLs waiting for them
  int open_opportunities = 0;   // opportunities they are working
  double hours_committed = 0;   // hours those need: attempts on the queue, opportunity work
  double hours_per_period = 0;  // their selling hours per period
};

// What became of a lead, reported to the policy so it can learn (sales feedback).
// `accepted` and `rejected` are sales' verdict on a lead a rep reached; the others are
// what became of it later (or that it was never reached: `recycled`).
enum class Outcome { rejected, recycled, disqualified, won, lost, no_decision, accepted };

}  // namespace v4
}  // namespace tandem
