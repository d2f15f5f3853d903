#include "output/estimate_files.hpp"

#include "output/table.hpp"

#include <tandem/version.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <iterator>
#include <string>
#include <vector>

namespace tandem {
namespace {

// What the chain assumes, whatever the scenario.
const std::vector<std::string>& assumptions() {
  static const std::vector<std::string> list = {
      "behaviour fixed: the scenario's lead order and prospecting, no adaptive choices",
      "the lead policy as it starts: what it would learn from outcomes is not modelled",
      "capacity not binding: every MQL is attempted in the period it arrives, every open "
      "opportunity worked each period, work spread evenly over reps (and SDRs)",
      "the market: accounts move between dormant, researching and buying as in a run, and "
      "the expected wins send theirs dormant (by fit and state, averaged over the horizon)",
      "pay: each plan called on each person's expected credits per pay period (as totals, "
      "no deal list): exact for plans linear in results, the pay at the mean otherwise"};
  return list;
}

struct Row {
  std::string name, unit;
  double value;
  double per_inquiry = std::nan("");
};

double ratio(double a, double b) {
  return b > 0 ? a / b : 0.0;
}

std::vector<Row> rows(const FunnelEstimate& e) {
  const StageCounts &h = e.horizon, &one = e.per_inquiry;
  const double pay = e.pay.marketing + e.pay.sales + e.pay.sdrs;
  return {
      {"inquiries", "count", h.inquiries, one.inquiries},
      {"prospected_leads", "count", h.prospected},
      {"mqls", "count", h.mqls, one.mqls},
      {"sals", "count", h.sals, one.sals},
      {"sqls", "count", h.sqls, one.sqls},
      {"opportunities", "count", h.opportunities, one.opportunities},
      {"won_deals", "count", h.won, one.won},
      {"lost_deals", "count", h.lost, one.lost},
      {"no_decision_deals", "count", h.no_decision, one.no_decision},
      {"dropped_from_nurture", "count", h.dropped, one.dropped},
      {"revenue", "money", h.revenue, one.revenue},
      {"marketing_spend", "money", e.marketing_spend},
      {"pay_marketing", "money", e.pay.marketing},
      {"pay_sales", "money", e.pay.sales},
      {"pay_sdrs", "money", e.pay.sdrs},
      {"cost_of_marketing", "money", e.marketing_spend + e.pay.marketing},
      {"cost_of_sales_share", "share", ratio(pay, h.revenue)},
      {"mql_rate", "share", ratio(h.mqls, h.inquiries)},
      {"sal_rate", "share", ratio(h.sals, h.mqls)},
      {"sql_rate", "share", ratio(h.sqls, h.sals)},
      {"opportunity_rate", "share", ratio(h.opportunities, h.sqls)},
      {"win_rate", "share", ratio(h.won, h.won + h.lost + h.no_decision)},
      {"mean_deal_size", "money", e.mean_deal_size},
      {"mean_days_to_close", "days", e.days_to_close_mean},
      {"median_days_to_close", "days", e.days_to_close_median},
      {"periods_in_funnel", "count", e.periods_in_funnel},
      {"rep_utilisation", "share", e.capacity.utilisation},
      {"in_market_accounts_left", "share", e.market_left},
  };
}

std::string figure(double value, const std::string& unit) {
  if (std::isnan(value)) return "";
  // Per-inquiry counts are fractions: more digits than the table's one decimal.
  if (unit == "count" && std::fabs(value) < 10) return fmt::format("{:.4f}", value);
  return format_figure(value, unit);
}

}  // namespace

std::string estimate_table(const Scenario& s, const FunnelEstimate& e, double ms) {
  fmt::memory_buffer b;
  const auto out = std::back_inserter(b);
  std::vector<TableRow> table = {{"metric", "expected", "per inquiry"}};
  for (const Row& r : rows(e))
    table.push_back({r.name, figure(r.value, r.unit),
                     r.unit == "share" || r.unit == "days" ? "" : figure(r.per_inquiry, r.unit)});
  fmt::format_to(out, "{}: the analytic estimate over {} periods (absorbing Markov chain)\n",
                 s.name, s.horizon.periods);
  // The chain counts from an empty funnel over the whole horizon, as metrics.csv does.
  if (s.horizon.warmup_periods > 0)
    fmt::format_to(out,
                   "expected: every period, the {} warm-up periods included (a run's headlines "
                   "count {} only)\n",
                   s.horizon.warmup_periods, measured_periods_text(s.horizon));
  fmt::format_to(out, "\n");
  fmt::format_to(out, "{}", table_text(table));
  const CapacityCheck& c = e.capacity;
  fmt::format_to(
      out,
      "\ncapacity: {:.0f} h on leads + {:.0f} h on opportunities of {:.0f} h a period at the "
      "busiest ({:.0f}%)\n",
      c.hours_on_leads, c.hours_on_opportunities, c.hours_available, 100.0 * c.utilisation);
  fmt::format_to(out, "assumes:\n");
  for (const auto& a : assumptions()) fmt::format_to(out, "  - {}\n", a);
  if (!e.notes.empty()) {
    fmt::format_to(out, "not modelled here:\n");
    for (const auto& n : e.notes) fmt::format_to(out, "  - {}\n", n);
  }
  fmt::format_to(out, "\nestimated in {:.1f} ms ({} states)\n", ms, e.states);
  return fmt::to_string(b);
}

std::string estimate_json(const Scenario& s, const FunnelEstimate& e, double ms,
                          const EstimateOptions& options) {
  nlohmann::ordered_json j;
  j["estimate"] = {{"scenario", s.name},
                   {"scenario_hash", s.hash},
                   {"tandem_version", TANDEM_VERSION_STRING},
                   {"method", "absorbing Markov chain, behaviour fixed"},
                   {"periods", s.horizon.periods},
                   {"warmup_periods_included", s.horizon.warmup_periods},
                   {"states", e.states},
                   {"lead_samples", options.lead_samples},
                   {"seed", s.seed},
                   {"milliseconds", std::round(ms * 1000.0) / 1000.0}};
  nlohmann::ordered_json horizon, per_inquiry;
  for (const Row& r : rows(e)) {
    horizon[r.name] = {{"unit", r.unit}, {"value", r.value}};
    if (!std::isnan(r.per_inquiry)) per_inquiry[r.name] = r.per_inquiry;
  }
  j["horizon"] = horizon;
  j["per_inquiry"] = per_inquiry;
  j["rates"] = {{"mql_share_first_pass", e.mql_share_first_pass},
                {"mql_need_share", e.mql_need_share},
                {"reach_first_attempt", e.reach_first_attempt},
                {"reach_any_attempt", e.reach_any_attempt},
                {"win_given_need", e.win_given_need},
                {"win_given_no_need", e.win_given_no_need},
                {"mean_cycle_periods", e.mean_cycle_periods},
                {"in_market_accounts_left", e.market_left}};
  const CapacityCheck& c = e.capacity;
  j["capacity"] = {{"hours_available", c.hours_available},
                   {"hours_on_leads", c.hours_on_leads},
                   {"hours_on_opportunities", c.hours_on_opportunities},
                   {"utilisation", c.utilisation},
                   {"near", c.near},
                   {"binding", c.binding}};
  j["assumptions"] = assumptions();
  j["notes"] = e.notes;
  return j.dump(2) + "\n";
}

}  // namespace tandem
