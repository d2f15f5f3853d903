// Recording: the metrics of each period and the headlines of the replication.
#include "engine/funnel.hpp"

#include <cstddef>

namespace tandem {

void Funnel::record(int t) {
  const PeriodCounts& p = period_;
  recorder_.emit(Metric::inquiries, t, static_cast<double>(p.inquiries));
  recorder_.emit(Metric::mqls, t, static_cast<double>(p.mqls));
  recorder_.emit(Metric::sals, t, static_cast<double>(p.sals));
  recorder_.emit(Metric::sqls, t, static_cast<double>(p.sqls));
  recorder_.emit(Metric::opportunities, t, static_cast<double>(p.opportunities));
  recorder_.emit(Metric::won_deals, t, static_cast<double>(p.won));
  recorder_.emit(Metric::lost_deals, t, static_cast<double>(p.lost));
  recorder_.emit(Metric::no_decision_deals, t, static_cast<double>(p.no_decision));
  recorder_.emit(Metric::revenue, t, p.revenue.units());
  recorder_.emit(Metric::marketing_spend, t, p.spend.units());
  recorder_.emit(Metric::mqls_recycled_unworked, t, static_cast<double>(p.recycled_unworked));
  std::size_t open = 0, waiting = 0;
  for (const auto& o : rep_opps_) open += o.size();
  for (const auto& q : queues_) waiting += q.size();
  recorder_.emit(Metric::open_opportunities, t, static_cast<double>(open));
  recorder_.emit(Metric::leads_waiting, t, static_cast<double>(waiting));
  recorder_.emit(Metric::in_market_accounts, t, static_cast<double>(market_.in_market()));
  recorder_.emit(Metric::active_leads, t, static_cast<double>(leads_.active()));
  recorder_.emit(Metric::cancelled_deals, t, static_cast<double>(p.cancelled));
  recorder_.emit(Metric::cancelled_revenue, t, p.cancelled_revenue.units());
  recorder_.emit(Metric::mqls_real_need, t, static_cast<double>(p.mqls_real_need));
  recorder_.emit(Metric::sla_breaches, t, static_cast<double>(p.sla_breaches));
  recorder_.emit(Metric::leads_merged, t, static_cast<double>(p.merged));
  recorder_.emit(Metric::deals_pulled, t, static_cast<double>(p.pulled));
  recorder_.emit(Metric::deals_pushed, t, static_cast<double>(p.pushed));
  recorder_.emit(Metric::discounts_given, t, p.discounts.units());
  for (int m = 0; m < marketers_; ++m) {
    recorder_.emit(Metric::agent_mqls, t, static_cast<double>(tally(t, m).mqls), m);
    recorder_.emit(Metric::targeting, t, targeting_.level(m) - 1.0, m);
    recorder_.emit(Metric::favoured_channel, t, mix_.favoured(m), m);
    recorder_.emit(Metric::enablement, t, enablement_.producing(m) ? 1.0 : 0.0, m);
  }
  for (int r = 0; r < reps_ + sdrs_; ++r) {
    const RepHours& h = hours_[static_cast<std::size_t>(r)];
    const int agent = agent_of_rep(r);
    hours_on_leads_ += h.leads;
    hours_on_opportunities_ += h.opportunities;
    hours_worked_ += h.leads + h.opportunities + h.prospecting;
    hours_available_ += is_sdr(r) ? s_.sdrs.hours_per_period : s_.sales.hours_per_period;
    recorder_.emit(Metric::hours_on_leads, t, h.leads, agent);
    recorder_.emit(Metric::leads_worked, t, static_cast<double>(h.attempts), agent);
    if (is_sdr(r)) continue;
    recorder_.emit(Metric::leads_ignored, t, static_cast<double>(h.ignored), agent);
    recorder_.emit(Metric::hours_on_opportunities, t, h.opportunities, agent);
    recorder_.emit(Metric::hours_prospecting, t, h.prospecting, agent);
    recorder_.emit(Metric::bookings, t, tally(t, agent).bookings.units(), agent);
  }
  totals_.inquiries += p.inquiries;
  totals_.mqls += p.mqls;
  totals_.sals += p.sals;
  totals_.sqls += p.sqls;
  totals_.opportunities += p.opportunities;
  totals_.won += p.won;
  totals_.lost += p.lost;
  totals_.no_decision += p.no_decision;
  totals_.recycled_unworked += p.recycled_unworked;
  totals_.revenue += p.revenue;
  totals_.cancelled += p.cancelled;
  totals_.sla_breaches += p.sla_breaches;
  totals_.merged += p.merged;
  totals_.pulled += p.pulled;
  totals_.pushed += p.pushed;
  totals_.discounts += p.discounts;
  totals_.quarter_end_revenue += p.quarter_end_revenue;
  totals_.cancelled_revenue += p.cancelled_revenue;
  totals_.spend += p.spend;
}

void Funnel::headlines() {
  // Only MQLs are ever worked, so the untouched ones are the difference.
  const std::int64_t mql_leads = mql_leads_, never_worked = mql_leads_ - touched_leads_;
  const Money pay_marketing = payroll_.paid(Role::marketing),
              pay_sales = payroll_.paid(Role::sales), pay_sdrs = payroll_.paid(Role::sdr);
  const auto share = [](double num, double den) { return den > 0 ? num / den : 0.0; };
  const auto count = [](std::int64_t n) { return static_cast<double>(n); };
  const PeriodCounts& T = totals_;
  result_.headlines = {
      {"inquiries", "count", count(T.inquiries)},
      {"mqls", "count", count(T.mqls)},
      {"sals", "count", count(T.sals)},
      {"sqls", "count", count(T.sqls)},
      {"opportunities", "count", count(T.opportunities)},
      {"won_deals", "count", count(T.won)},
      {"lost_deals", "count", count(T.lost)},
      {"no_decision_deals", "count", count(T.no_decision)},
      {"revenue", "money", T.revenue.units()},
      {"cancelled_deals", "count", count(T.cancelled)},
      {"cancelled_revenue", "money", T.cancelled_revenue.units()},
      {"marketing_spend", "money", T.spend.units()},
      {"pay_marketing", "money", pay_marketing.units()},
      {"pay_sales", "money", pay_sales.units()},
      {"pay_sdrs", "money", pay_sdrs.units()},
      {"cost_of_marketing", "money", (T.spend + pay_marketing).units()},
      {"cost_of_sales_share", "share",
       share((pay_marketing + pay_sales + pay_sdrs).units(), T.revenue.units())},
      {"mql_to_won_rate", "share", share(count(mql_won_), count(mql_leads))},
      {"mql_precision", "share", separation_.precision()},
      {"mql_recall", "share", separation_.recall()},
      {"policy_score_auc", "share", separation_.auc()},
      {"mql_accounts", "count", count(mql_accounts_)},
      {"leads_merged_into_accounts", "count", count(T.merged)},
      {"sla_breach_share", "share", share(count(T.sla_breaches), count(T.mqls))},
      {"mql_mean_quality", "share", share(mql_quality_sum_, count(T.mqls))},
      {"broad_targeting_share", "share",
       share(count(targeting_periods_[0]),
             count(targeting_periods_[0] + targeting_periods_[1] + targeting_periods_[2]))},
      {"tight_targeting_share", "share",
       share(count(targeting_periods_[2]),
             count(targeting_periods_[0] + targeting_periods_[1] + targeting_periods_[2]))},
      {"enablement_share", "share",
       share(count(enablement_periods_), count(marketers_) * s_.horizon.periods)},
      {"deals_pulled", "count", count(T.pulled)},
      {"deals_pushed", "count", count(T.pushed)},
      {"discounts_given", "money", T.discounts.units()},
      {"quarter_end_month_revenue_share", "share",
       share(T.quarter_end_revenue.units(), T.revenue.units())},
      {"rep_time_on_leads_share", "share", share(hours_on_leads_, hours_available_)},
      {"rep_time_on_opportunities_share", "share",
       share(hours_on_opportunities_, hours_available_)},
      {"rep_effort_share", "share", share(hours_worked_, hours_available_)},
      {"mqls_never_worked_share", "share", share(count(never_worked), count(mql_leads))},
      {"mqls_ignored_share", "share", share(count(mqls_ignored_), count(T.mqls))},
      {"median_days_to_close", "days", close_wait_.median_days(days_)},
      {"median_days_to_first_touch", "days", first_touch_wait_.median_days(1.0 / 24.0)},
      {"contact_chance_lost_to_waiting", "share", share(value_lost_sum_, count(attempts_total_))},
  };
  // The channel mix: each channel's share of marketing spend.
  for (std::size_t c = 0; c < s_.channels.size(); ++c)
    result_.headlines.push_back(
        {"spend_share." + s_.channels[c].name, "share", share(channel_spend_[c], T.spend.units())});
}

}  // namespace tandem
