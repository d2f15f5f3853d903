// The catalogue of what a replication measures: every per-period metric and every
// headline, each with its name, unit, direction (whether more is better) and doc, declared
// once in one table (kCatalogue below). The engine counts, records and totals by walking
// it; output/, stats/ and report/ see it as metric_catalogue() and the headlines'
// names and units.
//
// Adding a company counter (counted as it happens, recorded each period, totalled into a
// headline of the same name):
//   1. its id at the end of `enum class Counter` below,
//   2. its row at the end of kCatalogue: counter_row(Counter::x, "x", unit, direction,
//      Shown::metric_and_headline, "what it counts"),
//   3. `++counts[Counter::x]` (or counts.add(Counter::x, money)) where it happens.
// Nothing else: recording, the totals and the headline follow from the row.
#pragma once

#include "model/results.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace tandem {

// What a figure is measured in; to_string() gives the text written in the outputs.
enum class Unit : std::uint8_t { count, money, share, days, hours, level, flag, index };
std::string_view to_string(Unit u);

// Whether more of a figure is better for the company, worse, or neither (a choice, a
// state, a mix).
enum class Direction : std::uint8_t { more_is_better, less_is_better, neither };

// The company's per-period counters: counted where they happen, recorded each period,
// summed over the run. Money counters hold cents.
enum class Counter : std::uint8_t {
  inquiries,
  mqls,
  sals,
  sqls,
  opportunities,
  won_deals,
  lost_deals,
  no_decision_deals,
  revenue,
  marketing_spend,
  mqls_recycled_unworked,
  cancelled_deals,
  cancelled_revenue,
  mqls_real_need,
  sla_breaches,
  leads_merged,
  deals_pulled,
  deals_pushed,
  discounts_given,
  quarter_end_revenue,
  sla_escalated,
  sla_reassigned,
  sla_recycled,
  count_  // not a counter: the number of them
};
inline constexpr std::size_t kCounters = static_cast<std::size_t>(Counter::count_);

// The company's per-period states (not summed): read at the end of each period.
enum class Gauge : std::uint8_t {
  open_opportunities,
  leads_waiting,
  in_market_accounts,
  active_leads,
  count_
};
inline constexpr std::size_t kGauges = static_cast<std::size_t>(Gauge::count_);

// Headline figures worked out at the end of a run (ratios, pay, medians, ...): not plain
// totals of a counter.
enum class Figure : std::uint8_t {
  pay_marketing,
  pay_sales,
  pay_sdrs,
  cost_of_marketing,
  cost_of_sales_share,
  mql_to_won_rate,
  mql_precision,
  mql_recall,
  policy_score_auc,
  mql_accounts,
  sla_breach_share,
  mql_mean_quality,
  broad_targeting_share,
  tight_targeting_share,
  enablement_share,
  quarter_end_month_revenue_share,
  rep_time_on_leads_share,
  rep_time_on_opportunities_share,
  rep_effort_share,
  mqls_never_worked_share,
  mqls_ignored_share,
  median_days_to_close,
  p90_days_to_close,
  median_days_to_first_touch,
  contact_chance_lost_to_waiting,
  first_touches_under_1h,
  first_touches_1_to_2h,
  first_touches_2_to_24h,
  first_touches_24h_plus,
  sql_rate_first_touched_under_1h,
  sql_rate_first_touched_1_to_2h,
  sql_rate_first_touched_2_to_24h,
  sql_rate_first_touched_24h_plus,
  count_
};
inline constexpr std::size_t kFigures = static_cast<std::size_t>(Figure::count_);

// The ids of the metric rows (MetricRow::metric): a metric's place among the catalogue's
// metric rows. Per-agent metrics are emitted by these ids; company ones by walking.
enum class Metric : std::uint32_t {
  // Company level, per period.
  inquiries,
  mqls,
  sals,
  sqls,
  opportunities,
  won_deals,
  lost_deals,
  no_decision_deals,
  revenue,
  marketing_spend,
  mqls_recycled_unworked,
  open_opportunities,
  leads_waiting,
  in_market_accounts,
  active_leads,
  cancelled_deals,
  cancelled_revenue,
  mqls_real_need,
  sla_breaches,
  leads_merged,
  deals_pulled,
  deals_pushed,
  discounts_given,
  // Per agent, per period.
  hours_on_leads,
  hours_on_opportunities,
  hours_prospecting,
  leads_worked,
  leads_ignored,
  bookings,
  agent_mqls,
  targeting,
  enablement,
  favoured_channel,
  pulled_deals,
  pushed_deals,
  discount_depth,
  discount_given,
  effort,
};

// Where a row shows: as a metric recorded each period, as a headline, both, or nowhere (a
// counter other figures are worked out from).
enum class Shown : std::uint8_t { metric, headline, metric_and_headline, nowhere };

// Where a row's value comes from.
enum class Source : std::uint8_t {
  counter,      // a Counter: its count each period, its total as a headline
  gauge,        // a Gauge, read each period
  agent,        // per agent, emitted by Metric id
  figure,       // a Figure, worked out at the end
  per_channel,  // one headline per channel: name.<channel>
};

struct CatalogueRow {
  std::string_view name;
  Unit unit;
  Direction direction;
  Shown shown;
  Source source;
  std::uint8_t index;  // into the Counter, Gauge or Figure ids, as `source` says
  std::string_view doc;

  constexpr bool metric() const {
    return shown == Shown::metric || shown == Shown::metric_and_headline;
  }
  constexpr bool headline() const {
    return shown == Shown::headline || shown == Shown::metric_and_headline;
  }
};

constexpr CatalogueRow counter_row(Counter c, std::string_view name, Unit u, Direction d,
                                   Shown shown, std::string_view doc) {
  return {name, u, d, shown, Source::counter, static_cast<std::uint8_t>(c), doc};
}
constexpr CatalogueRow gauge_row(Gauge g, std::string_view name, Unit u, Direction d,
                                 std::string_view doc) {
  return {name, u, d, Shown::metric, Source::gauge, static_cast<std::uint8_t>(g), doc};
}
constexpr CatalogueRow agent_row(std::string_view name, Unit u, Direction d, std::string_view doc) {
  return {name, u, d, Shown::metric, Source::agent, 0, doc};
}
constexpr CatalogueRow figure_row(Figure f, std::string_view name, Unit u, Direction d,
                                  std::string_view doc) {
  return {name, u, d, Shown::headline, Source::figure, static_cast<std::uint8_t>(f), doc};
}

namespace catalogue_words {
inline constexpr Unit count = Unit::count, money = Unit::money, share = Unit::share,
                      days = Unit::days, hours = Unit::hours;
inline constexpr Direction more = Direction::more_is_better, less = Direction::less_is_better,
                           neither = Direction::neither;
inline constexpr Shown metric = Shown::metric, headline = Shown::headline,
                       both = Shown::metric_and_headline, nowhere = Shown::nowhere;
}  // namespace catalogue_words

// The one table. Metric rows are numbered in order (Metric above), headline rows are
// written in order (summary.json, metrics and comparison tables); a row may be both.
// Where a figure's metric and its headline sit in different places of those two orders
// (marketing_spend), or carry different names (leads_merged), the counter has two rows.
inline constexpr auto kCatalogue = [] {
  using namespace catalogue_words;
  using C = Counter;
  using G = Gauge;
  using F = Figure;
  return std::array{
      counter_row(C::inquiries, "inquiries", count, more, both, "Inquiries from all channels"),
      counter_row(C::mqls, "mqls", count, more, both,
                  "Inquiries (new or re-engaged) the lead policy qualified"),
      counter_row(C::sals, "sals", count, more, both,
                  "Leads a rep reached and sales accepted (incl. rep-sourced)"),
      counter_row(C::sqls, "sqls", count, more, both,
                  "Accepted leads a rep qualified as having a real need"),
      counter_row(C::opportunities, "opportunities", count, more, both, "Opportunities opened"),
      counter_row(C::won_deals, "won_deals", count, more, both, "Opportunities won"),
      counter_row(C::lost_deals, "lost_deals", count, less, both,
                  "Opportunities lost to a competitor"),
      counter_row(C::no_decision_deals, "no_decision_deals", count, less, both,
                  "Opportunities ended with no decision (status quo)"),
      counter_row(C::revenue, "revenue", money, more, both, "Value of deals won"),
      counter_row(C::marketing_spend, "marketing_spend", money, less, metric,
                  "Channel spend (inquiries x cost per lead)"),
      counter_row(C::mqls_recycled_unworked, "mqls_recycled_unworked", count, less, metric,
                  "MQLs recycled to nurture without a single touch"),
      gauge_row(G::open_opportunities, "open_opportunities", count, neither,
                "Opportunities open at the end of the period"),
      gauge_row(G::leads_waiting, "leads_waiting", count, less,
                "MQLs in rep queues at the end of the period"),
      gauge_row(G::in_market_accounts, "in_market_accounts", count, neither,
                "Accounts researching or buying"),
      gauge_row(G::active_leads, "active_leads", count, neither,
                "Leads still in the funnel or in nurture (what memory holds)"),
      counter_row(C::cancelled_deals, "cancelled_deals", count, less, both,
                  "Won deals whose customer cancelled in their first term"),
      counter_row(C::cancelled_revenue, "cancelled_revenue", money, less, both,
                  "Value of those deals"),
      counter_row(C::marketing_spend, "marketing_spend", money, less, headline,
                  "Channel spend (inquiries x cost per lead)"),
      figure_row(F::pay_marketing, "pay_marketing", money, neither,
                 "Pay to marketers: the sum of their ledger rows"),
      figure_row(F::pay_sales, "pay_sales", money, neither,
                 "Pay to reps: the sum of their ledger rows"),
      figure_row(F::pay_sdrs, "pay_sdrs", money, neither,
                 "Pay to SDRs: the sum of their ledger rows"),
      figure_row(F::cost_of_marketing, "cost_of_marketing", money, less,
                 "Marketing spend + marketing pay"),
      figure_row(F::cost_of_sales_share, "cost_of_sales_share", share, less,
                 "(Marketing + sales + SDR pay) / revenue"),
      figure_row(F::mql_to_won_rate, "mql_to_won_rate", share, more,
                 "Won deals from leads that were MQLs / leads that were MQLs"),
      figure_row(F::mql_precision, "mql_precision", share, more,
                 "Of the MQLs, the share whose lead had a real need"),
      figure_row(F::mql_recall, "mql_recall", share, more,
                 "Of the lead policy's decisions on leads with a real need, the share made MQLs"),
      figure_row(F::policy_score_auc, "policy_score_auc", share, more,
                 "Chance the policy scores a lead with a real need above one without"),
      figure_row(F::mql_accounts, "mql_accounts", count, more, "Accounts that ever had an MQL"),
      counter_row(C::mqls_real_need, "mqls_real_need", count, more, metric,
                  "MQLs whose lead had a real (latent) need: precision's numerator"),
      counter_row(C::sla_breaches, "sla_breaches", count, less, metric,
                  "MQLs first touched later than the service level, or never"),
      counter_row(C::leads_merged, "leads_merged", count, neither, metric,
                  "MQLs that joined their account's lead in play (account-based)"),
      counter_row(C::leads_merged, "leads_merged_into_accounts", count, neither, headline,
                  "MQLs that joined their account's lead in play (account-based)"),
      figure_row(F::sla_breach_share, "sla_breach_share", share, less,
                 "MQLs first touched after the service level's time, or never / MQLs"),
      figure_row(F::mql_mean_quality, "mql_mean_quality", share, more,
                 "Mean latent quality (P(real need)) of MQLs"),
      figure_row(F::broad_targeting_share, "broad_targeting_share", share, neither,
                 "Marketer-periods at broad targeting / marketer-periods (adaptive)"),
      figure_row(F::tight_targeting_share, "tight_targeting_share", share, neither,
                 "Marketer-periods at tight targeting / marketer-periods (adaptive)"),
      figure_row(F::enablement_share, "enablement_share", share, neither,
                 "Marketer-periods spent on sales-enablement content / marketer-periods"),
      counter_row(C::deals_pulled, "deals_pulled", count, neither, both,
                  "Deals a rep pulled into the pay period with a discount (adaptive)"),
      counter_row(C::deals_pushed, "deals_pushed", count, neither, both,
                  "Deals a rep pushed into the next pay period (adaptive)"),
      counter_row(C::discounts_given, "discounts_given", money, less, both,
                  "Discounts on won deals that were pulled in"),
      counter_row(C::quarter_end_revenue, "quarter_end_revenue", money, neither, nowhere,
                  "Revenue won in a quarter's last month"),
      figure_row(F::quarter_end_month_revenue_share, "quarter_end_month_revenue_share", share,
                 neither, "Revenue won in a quarter's last month / revenue"),
      figure_row(F::rep_time_on_leads_share, "rep_time_on_leads_share", share, neither,
                 "Hours on leads / selling hours available (reps and SDRs)"),
      figure_row(F::rep_time_on_opportunities_share, "rep_time_on_opportunities_share", share,
                 neither, "Hours on opportunities / selling hours available (reps and SDRs)"),
      figure_row(F::rep_effort_share, "rep_effort_share", share, neither,
                 "Hours worked / selling hours available (reps and SDRs)"),
      figure_row(F::mqls_never_worked_share, "mqls_never_worked_share", share, less,
                 "Leads that were MQLs and never got an attempt / leads that were MQLs"),
      figure_row(F::mqls_ignored_share, "mqls_ignored_share", share, less,
                 "MQLs recycled untouched after a rep chose not to work them / MQLs"),
      figure_row(F::median_days_to_close, "median_days_to_close", days, less,
                 "Median days from first inquiry to a won deal (whole days, from the hours "
                 "of the inquiry and the decision)"),
      figure_row(F::p90_days_to_close, "p90_days_to_close", days, less,
                 "Days from first inquiry to a won deal that 90% of won deals take at most"),
      figure_row(F::median_days_to_first_touch, "median_days_to_first_touch", days, less,
                 "Median time from MQL to the first attempt (whole hours, in days)"),
      figure_row(F::contact_chance_lost_to_waiting, "contact_chance_lost_to_waiting", share, less,
                 "Mean share of the chance to reach a lead lost to waiting"),
      counter_row(C::sla_breaches, "sla_breaches", count, less, headline,
                  "MQLs not first touched within the service level's time (breaches)"),
      counter_row(C::sla_escalated, "sla_breaches_escalated", count, neither, headline,
                  "Breaches escalated: first touched at the next working hour (on_breach)"),
      counter_row(C::sla_reassigned, "sla_breaches_reassigned", count, neither, headline,
                  "Breaches reassigned to the worker with the most hours free (on_breach)"),
      counter_row(C::sla_recycled, "sla_breaches_recycled", count, neither, headline,
                  "Breaches sent back to nurture (on_breach)"),
      figure_row(F::first_touches_under_1h, "first_touches_under_1h", count, more,
                 "MQLs first touched less than 1 hour after they became MQLs"),
      figure_row(F::first_touches_1_to_2h, "first_touches_1_to_2h", count, neither,
                 "MQLs first touched 1 to 2 hours after they became MQLs"),
      figure_row(F::first_touches_2_to_24h, "first_touches_2_to_24h", count, neither,
                 "MQLs first touched 2 to 24 hours after they became MQLs"),
      figure_row(F::first_touches_24h_plus, "first_touches_24h_plus", count, less,
                 "MQLs first touched 24 hours or more after they became MQLs"),
      figure_row(F::sql_rate_first_touched_under_1h, "sql_rate_first_touched_under_1h", share, more,
                 "Of the MQLs first touched within 1 hour, the share that became SQLs"),
      figure_row(F::sql_rate_first_touched_1_to_2h, "sql_rate_first_touched_1_to_2h", share, more,
                 "Of the MQLs first touched after 1 to 2 hours, the share that became SQLs"),
      figure_row(F::sql_rate_first_touched_2_to_24h, "sql_rate_first_touched_2_to_24h", share, more,
                 "Of the MQLs first touched after 2 to 24 hours, the share that became SQLs"),
      figure_row(F::sql_rate_first_touched_24h_plus, "sql_rate_first_touched_24h_plus", share, more,
                 "Of the MQLs first touched after 24 hours or more, the share that became SQLs"),
      CatalogueRow{"spend_share", share, neither, headline, Source::per_channel, 0,
                   "Each channel's share of marketing spend (the channel mix)"},
      CatalogueRow{"channel_mqls", count, more, headline, Source::per_channel, 1,
                   "Leads from each channel that became MQLs"},
      CatalogueRow{"channel_mql_to_won", share, more, headline, Source::per_channel, 2,
                   "Of each channel's MQLs, the share whose deal was won"},
      agent_row("hours_on_leads", hours, neither, "Rep hours spent reaching and qualifying leads"),
      agent_row("hours_on_opportunities", hours, neither, "Rep hours spent on open opportunities"),
      agent_row("hours_prospecting", hours, neither, "Rep hours spent on own prospecting"),
      agent_row("leads_worked", count, neither, "Contact attempts a rep made"),
      agent_row("leads_ignored", count, less,
                "Routed leads a rep chose not to work this period (adaptive)"),
      agent_row("bookings", money, more, "Value of won deals credited to the rep"),
      agent_row("agent_mqls", count, more, "MQLs from the channels a marketer runs"),
      agent_row("targeting", Unit::level, neither,
                "A marketer's targeting: -1 broad, 0 standard, 1 tight"),
      agent_row("enablement", Unit::flag, neither,
                "1 if the marketer produced sales-enablement content this period (adaptive)"),
      agent_row("favoured_channel", Unit::index, neither,
                "The channel (0-based, as declared) a marketer moved budget to; -1: none "
                "(adaptive)"),
      agent_row("pulled_deals", count, neither,
                "Deals a rep had decided early, at a discount, this period (adaptive)"),
      agent_row("pushed_deals", count, neither,
                "Deals due this period a rep had delayed into the next (adaptive)"),
      agent_row("discount_depth", share, neither,
                "Mean discount depth of the deals a rep pulled this period; 0: none (adaptive)"),
      agent_row("discount_given", money, less,
                "Discounts on pulled deals a rep won this period (adaptive)"),
      agent_row("effort", share, neither,
                "Share of their selling hours a rep chose to put in this period (adaptive; "
                "1 in fixed mode)"),
  };
}();

// The unit of a counter (money counters hold cents).
constexpr Unit unit_of(Counter c) {
  for (const CatalogueRow& row : kCatalogue)
    if (row.source == Source::counter && row.index == static_cast<std::uint8_t>(c)) return row.unit;
  return Unit::count;
}

// The metric rows' specs, indexed by Metric id (what output/ writes and summary.json lists).
const std::vector<MetricSpec>& metric_catalogue();

// The catalogue row of headline `name` (a per-channel one by its prefix,
// "spend_share.<channel>"), or nothing: how its unit and direction are looked up.
std::optional<CatalogueRow> headline_spec(std::string_view name);

}  // namespace tandem
