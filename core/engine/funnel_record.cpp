// Recording: the metrics of each period and the headlines of the replication.
#include "engine/funnel.hpp"

#include <array>
#include <cstddef>
#include <vector>

namespace tandem {

void Funnel::record(int t) {
  std::size_t open = 0, waiting = 0;
  for (const auto& o : rep_opps_) open += o.size();
  for (const auto& q : queues_) waiting += q.size();
  std::array<double, kGauges> gauges{};
  gauges[static_cast<std::size_t>(Gauge::open_opportunities)] = static_cast<double>(open);
  gauges[static_cast<std::size_t>(Gauge::leads_waiting)] = static_cast<double>(waiting);
  gauges[static_cast<std::size_t>(Gauge::in_market_accounts)] =
      static_cast<double>(market_.in_market());
  gauges[static_cast<std::size_t>(Gauge::active_leads)] = static_cast<double>(leads_.active());
  counts_.record(recorder_, t, gauges);
  for (int m = 0; m < marketers_; ++m) {
    recorder_.emit(Metric::agent_mqls, t, static_cast<double>(tally(t, m).mqls), m);
    recorder_.emit(Metric::targeting, t, targeting_.level(m) - 1.0, m);
    // Metric::favoured_channel is the catalogue's "enablement" row and the other way round
    // (model/catalogue.hpp): metrics.csv has always labelled these two so.
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
  counts_.end_period();
}

void Funnel::headlines() {
  // Only MQLs are ever worked, so the untouched ones are the difference.
  const std::int64_t mql_leads = mql_leads_, never_worked = mql_leads_ - touched_leads_;
  const Money pay_marketing = payroll_.paid(Role::marketing),
              pay_sales = payroll_.paid(Role::sales), pay_sdrs = payroll_.paid(Role::sdr);
  const auto share = [](double num, double den) { return den > 0 ? num / den : 0.0; };
  const auto count = [](std::int64_t n) { return static_cast<double>(n); };
  const auto total = [this](Counter c) { return static_cast<double>(counts_.total(c)); };
  const Money spend = counts_.total_money(Counter::marketing_spend),
              revenue = counts_.total_money(Counter::revenue);
  std::array<double, kFigures> f{};
  const auto set = [&f](Figure x, double value) { f[static_cast<std::size_t>(x)] = value; };
  set(Figure::pay_marketing, pay_marketing.units());
  set(Figure::pay_sales, pay_sales.units());
  set(Figure::pay_sdrs, pay_sdrs.units());
  set(Figure::cost_of_marketing, (spend + pay_marketing).units());
  set(Figure::cost_of_sales_share,
      share((pay_marketing + pay_sales + pay_sdrs).units(), revenue.units()));
  set(Figure::mql_to_won_rate, share(count(mql_won_), count(mql_leads)));
  set(Figure::mql_precision, separation_.precision());
  set(Figure::mql_recall, separation_.recall());
  set(Figure::policy_score_auc, separation_.auc());
  set(Figure::mql_accounts, count(mql_accounts_));
  set(Figure::sla_breach_share, share(total(Counter::sla_breaches), total(Counter::mqls)));
  set(Figure::mql_mean_quality, share(mql_quality_sum_, total(Counter::mqls)));
  const double targeting_periods =
      count(targeting_periods_[0] + targeting_periods_[1] + targeting_periods_[2]);
  set(Figure::broad_targeting_share, share(count(targeting_periods_[0]), targeting_periods));
  set(Figure::tight_targeting_share, share(count(targeting_periods_[2]), targeting_periods));
  set(Figure::enablement_share,
      share(count(enablement_periods_), count(marketers_) * s_.horizon.periods));
  set(Figure::quarter_end_month_revenue_share,
      share(counts_.total_money(Counter::quarter_end_revenue).units(), revenue.units()));
  set(Figure::rep_time_on_leads_share, share(hours_on_leads_, hours_available_));
  set(Figure::rep_time_on_opportunities_share, share(hours_on_opportunities_, hours_available_));
  set(Figure::rep_effort_share, share(hours_worked_, hours_available_));
  set(Figure::mqls_never_worked_share, share(count(never_worked), count(mql_leads)));
  set(Figure::mqls_ignored_share, share(count(mqls_ignored_), total(Counter::mqls)));
  set(Figure::median_days_to_close, close_wait_.median_days(days_));
  set(Figure::median_days_to_first_touch, first_touch_wait_.median_days(1.0 / 24.0));
  set(Figure::contact_chance_lost_to_waiting, share(value_lost_sum_, count(attempts_total_)));
  // The channel mix: each channel's share of marketing spend.
  std::vector<double> spend_share(s_.channels.size());
  for (std::size_t c = 0; c < s_.channels.size(); ++c)
    spend_share[c] = share(channel_spend_[c], spend.units());
  result_.headlines = counts_.headlines(f, s_.channels, spend_share);
}

}  // namespace tandem
