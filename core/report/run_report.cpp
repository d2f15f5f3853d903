#include "report/run_report.hpp"

#include "model/scenario_words.hpp"
#include "output/precision.hpp"

#include <fmt/core.h>

#include <string>
#include <utility>
#include <vector>

namespace tandem {
namespace {

const char* period_unit(const HorizonConfig& h) {
  return h.period == SimPeriod::week ? "week" : "month";
}

ReportData series(std::string name, std::string label, ReportData band) {
  ReportData s = {{"name", std::move(name)}, {"label", std::move(label)}};
  s.update(band);
  return s;
}

// One headline figure of summary.json, with its name, as the page's tables read it.
ReportData headline(const SummaryJson& summary, const std::string& name) {
  ReportData h = {{"name", name}};
  h.update(summary.at("headline").at(name));
  return h;
}

double units(const SummaryJson& cents) {
  return cents.is_number() ? cents.get<double>() / 100.0 : 0.0;
}

ReportData funnel(const SummaryJson& summary) {
  ReportData stages = ReportData::array();
  for (const char* stage : {"inquiries", "mqls", "sals", "sqls", "opportunities", "won_deals"}) {
    const SummaryJson& h = summary.at("headline").at(stage);
    stages.push_back({{"stage", stage}, {"mean", h.at("mean")}, {"ci95", h.at("ci95")}});
  }
  return stages;
}

// Pay per role over the run (per replication: mean, P5, median, P95) and one person's
// spread, all from summary.json's exact cents, in money units for the charts.
ReportData pay(const SummaryJson& summary) {
  const SummaryJson& p = summary.at("pay");
  const auto group = [](const SummaryJson& g) {
    return ReportData{{"mean", units(g.at("mean_per_replication_cents"))},
                      {"p5", units(g.at("p5_per_replication_cents"))},
                      {"median", units(g.at("median_per_replication_cents"))},
                      {"p95", units(g.at("p95_per_replication_cents"))}};
  };
  ReportData roles = ReportData::array(), components = ReportData::array();
  for (const auto& [role, g] : p.at("by_role").items()) {
    ReportData r = {{"role", role}};
    r.update(group(g));
    if (g.contains("per_person")) {
      const SummaryJson& q = g.at("per_person");
      r["person"] = {{"min", units(q.at("min_cents"))},
                     {"q1", units(q.at("q1_cents"))},
                     {"median", units(q.at("median_cents"))},
                     {"q3", units(q.at("q3_cents"))},
                     {"max", units(q.at("max_cents"))}};
    }
    roles.push_back(std::move(r));
  }
  for (const auto& [name, g] : p.at("by_component").items()) {
    ReportData c = {{"name", name}};
    c.update(group(g));
    components.push_back(std::move(c));
  }
  ReportData total = {{"role", "all"}};
  total.update(group(p));
  return {{"roles", std::move(roles)},
          {"components", std::move(components)},
          {"total", std::move(total)}};
}

// Pulls, pushes and revenue by week (or month) of the quarter: where deal timing shows.
ReportData in_quarter(const Scenario& scenario, const RunResult& result) {
  const HorizonConfig& h = scenario.horizon;
  const std::vector<int> offset = offset_in_quarter(h);
  int length = 0;
  for (const int o : offset) length = std::max(length, o + 1);
  const auto by_offset = [&](const PeriodValues& values) {
    std::vector<double> sums(static_cast<std::size_t>(length), 0.0);
    for (const auto& replication : values)
      for (auto t = static_cast<std::size_t>(h.warmup_periods); t < replication.size(); ++t)
        sums[static_cast<std::size_t>(offset[t])] += replication[t];
    return sums;
  };
  const double n = std::max<double>(1.0, static_cast<double>(result.replications.size()));
  const auto mean_per_replication = [&](std::vector<double> sums) {
    ReportData out = ReportData::array();
    for (const double s : sums) out.push_back(round_significant(s / n));
    return out;
  };
  const std::vector<double> revenue = by_offset(metric_by_period(result, "revenue", h.periods));
  double total = 0;
  for (const double r : revenue) total += r;
  ReportData share = ReportData::array(), offsets = ReportData::array();
  for (std::size_t o = 0; o < revenue.size(); ++o) {
    share.push_back(total > 0 ? round_significant(revenue[o] / total) : 0.0);
    offsets.push_back(o + 1);
  }
  return {{"unit", period_unit(h)},
          {"offsets", std::move(offsets)},
          {"pulled",
           mean_per_replication(by_offset(metric_by_period(result, "deals_pulled", h.periods)))},
          {"pushed",
           mean_per_replication(by_offset(metric_by_period(result, "deals_pushed", h.periods)))},
          {"revenue_share", std::move(share)}};
}

// Each plan's payout per pay period at every attainment, in money units for the chart.
ReportData earnings(const std::vector<EarningsCurve>& curves) {
  ReportData out = ReportData::array();
  for (const EarningsCurve& c : curves) {
    ReportData points = ReportData::array();
    for (const EarningsPoint& p : c.points)
      points.push_back({{"attainment", round_significant(p.attainment)},
                        {"bookings", p.bookings.units()},
                        {"payout", p.payout.units()}});
    out.push_back({{"slot", c.slot},
                   {"team", c.team},
                   {"plan", c.plan},
                   {"period", to_string(c.period)},
                   {"basis", c.basis},
                   {"points", std::move(points)}});
  }
  return out;
}

ReportData behaviour(const Scenario& scenario, const RunResult& result,
                     const SummaryJson& summary) {
  const HorizonConfig& h = scenario.horizon;
  const bool adaptive = scenario.behaviour.mode == BehaviourMode::adaptive;
  ReportData headlines = ReportData::array();
  for (const char* name :
       {"mqls_ignored_share", "mqls_never_worked_share", "deals_pulled", "deals_pushed",
        "discounts_given", "quarter_end_month_revenue_share", "rep_effort_share",
        "rep_time_on_opportunities_share", "broad_targeting_share", "enablement_share"})
    if (summary.at("headline").contains(name)) headlines.push_back(headline(summary, name));
  return {
      {"note",
       adaptive ? "People respond to their pay (behaviour.mode: adaptive): each rep and marketer "
                  "chooses by what their own plan would pay for it (docs/model.md, Behaviour)."
                : "Behaviour is fixed here (behaviour.mode: fixed): people follow the rules and "
                  "never pull, push or ignore a lead, so these panels show the rules' baseline. "
                  "Run with --set behaviour.mode=adaptive to see people respond to their pay."},
      {"in_quarter", in_quarter(scenario, result)},
      {"leads_ignored",
       period_band(measured_only(metric_by_period(result, "leads_ignored", h.periods), h))},
      {"discounts",
       period_band(measured_only(metric_by_period(result, "discounts_given", h.periods), h))},
      {"headlines", std::move(headlines)}};
}

}  // namespace

ReportData scenario_facts(const Scenario& s) {
  return ReportData::array(
      {{"scenario", s.name},
       {"hash", s.hash},
       {"seed", s.seed},
       {"replications", s.replications},
       {"horizon", fmt::format("{} {}s", s.horizon.periods, period_unit(s.horizon))},
       {"measured", s.horizon.warmup_periods > 0
                        ? fmt::format("{} (the first {} {}s are warm-up: left out of every figure "
                                      "and chart, kept in metrics.csv and ledger.csv)",
                                      measured_periods_text(s.horizon), s.horizon.warmup_periods,
                                      period_unit(s.horizon))
                        : measured_periods_text(s.horizon) + " (no warm-up)"},
       {"behaviour", to_text(s.behaviour.mode)}});
}

ReportData money_over_time(const Scenario& scenario, const RunResult& result,
                           const std::string& label_suffix) {
  const HorizonConfig& h = scenario.horizon;
  const PeriodValues spend =
      measured_only(metric_by_period(result, "marketing_spend", h.periods), h);
  const PeriodValues paid = measured_only(pay_by_period(result, h), h);
  return ReportData::array(
      {series("revenue", "revenue" + label_suffix,
              period_band(measured_only(metric_by_period(result, "revenue", h.periods), h))),
       series("cost", "cost" + label_suffix, period_band(spend + paid)),
       series("marketing_spend", "marketing spend" + label_suffix, period_band(spend)),
       series("pay", "pay" + label_suffix, period_band(paid))});
}

ReportData run_report_data(const Scenario& scenario, const RunResult& result,
                           const SummaryJson& summary, const std::vector<EarningsCurve>& curves) {
  ReportData headlines = ReportData::array();
  for (const auto& [name, h] : summary.at("headline").items())
    headlines.push_back(headline(summary, name));
  ReportData facts = scenario_facts(scenario);
  for (const auto& plugin : summary.at("run").at("plugins"))
    facts.push_back({plugin.at("slot"), plugin.value("name", std::string()) + " " +
                                            plugin.value("version", std::string())});
  ReportData notes = ReportData::array();
  for (const auto& w : summary.value("warnings", ReportData::array())) notes.push_back(w);
  if (const std::string note = precision_note(summary.at("precision")); !note.empty())
    notes.push_back(note);
  return {{"kind", "run"},
          {"title", "Tandem run: " + scenario.name},
          {"subtitle", scenario.description},
          {"facts", std::move(facts)},
          {"notes", notes},
          {"funnel", funnel(summary)},
          {"over_time",
           {{"period_unit", period_unit(scenario.horizon)},
            {"periods", measured_periods_axis(scenario.horizon)},
            {"measured", measured_periods_text(scenario.horizon)},
            {"series", money_over_time(scenario, result)}}},
          {"pay", pay(summary)},
          {"behaviour", behaviour(scenario, result, summary)},
          {"earnings", earnings(curves)},
          {"headlines", std::move(headlines)}};
}

}  // namespace tandem
