// Recording: the metrics of each period and the headlines of the replication.
#include "engine/funnel.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

namespace tandem {

void Funnel::record(int t) {
  Recorder recorder(result_.metrics);
  std::array<double, kGauges> gauges{};
  gauges[static_cast<std::size_t>(Gauge::open_opportunities)] =
      static_cast<double>(floor_.open_opportunities());
  gauges[static_cast<std::size_t>(Gauge::leads_waiting)] =
      static_cast<double>(floor_.leads_waiting());
  gauges[static_cast<std::size_t>(Gauge::in_market_accounts)] =
      static_cast<double>(market_.in_market());
  gauges[static_cast<std::size_t>(Gauge::active_leads)] = static_cast<double>(pool_.leads.active());
  counts_.record(recorder, t, gauges);
  for (int m = 0; m < marketing_.marketers; ++m) {
    recorder.emit(Metric::agent_mqls, t, static_cast<double>(tally(t, m).mqls), m);
    recorder.emit(Metric::targeting, t, marketing_.targeting.level(m) - 1.0, m);
    recorder.emit(Metric::favoured_channel, t, marketing_.mix.favoured(m), m);
    recorder.emit(Metric::enablement, t, marketing_.enablement.producing(m) ? 1.0 : 0.0, m);
  }
  for (int r = 0; r < floor_.reps + floor_.sdrs; ++r) {
    const RepHours& h = floor_.hours[static_cast<std::size_t>(r)];
    const int agent = agent_of_rep(r);
    floor_.hours_on_leads += h.leads;
    floor_.hours_on_opportunities += h.opportunities;
    floor_.hours_worked += h.leads + h.opportunities + h.prospecting;
    floor_.hours_available += floor_.hours_per_period(r);
    recorder.emit(Metric::hours_on_leads, t, h.leads, agent);
    recorder.emit(Metric::leads_worked, t, static_cast<double>(h.attempts), agent);
    if (floor_.is_sdr(r)) continue;
    recorder.emit(Metric::leads_ignored, t, static_cast<double>(h.ignored), agent);
    recorder.emit(Metric::hours_on_opportunities, t, h.opportunities, agent);
    recorder.emit(Metric::hours_prospecting, t, h.prospecting, agent);
    recorder.emit(Metric::bookings, t, tally(t, agent).bookings.units(), agent);
    recorder.emit(Metric::pulled_deals, t, static_cast<double>(h.pulled), agent);
    recorder.emit(Metric::pushed_deals, t, static_cast<double>(h.pushed), agent);
    recorder.emit(Metric::discount_depth, t,
                  h.pulled > 0 ? h.depth_sum / static_cast<double>(h.pulled) : 0.0, agent);
    recorder.emit(Metric::discount_given, t, h.discount.units(), agent);
    recorder.emit(Metric::effort, t, h.effort, agent);
  }
  counts_.end_period();
}

// The warm-up is over (start of period horizon.warmup_periods): everything a headline
// reads starts again from zero, so the headlines count only events of the measured
// periods. What agents believe and the state of the funnel carry on; metrics.csv and the
// ledger keep every period. A headline that reads a new accumulator must reset it here.
void Funnel::start_measuring() {
  counts_.start_measuring();
  payroll_.start_measuring();
  // Leads already MQLs are marked so (2): they count again only if they qualify again.
  for (std::uint8_t& was : pool_.leads.was_mql)
    if (was == 1) was = 2;
  std::fill(pool_.ever_mql_account.begin(), pool_.ever_mql_account.end(), std::uint8_t{0});
  pool_.mql_accounts = 0;
  pool_.separation = Separation{};
  pool_.mql_quality_sum = 0;
  pool_.mql_leads = 0;
  std::fill(pool_.mql_leads_by_channel.begin(), pool_.mql_leads_by_channel.end(), 0);
  pool_.touched_leads = 0;
  floor_.attempts_total = 0;
  floor_.mqls_ignored = 0;
  floor_.hours_on_leads = floor_.hours_on_opportunities = 0;
  floor_.hours_available = floor_.hours_worked = 0;
  floor_.value_lost_sum = 0;
  floor_.first_touch_wait = WaitHistogram{};
  book_.mql_won = 0;
  std::fill(book_.mql_won_by_channel.begin(), book_.mql_won_by_channel.end(), 0);
  book_.close_wait = WaitHistogram{};
  std::fill(marketing_.channel_spend.begin(), marketing_.channel_spend.end(), 0.0);
  marketing_.targeting_periods = {};
  marketing_.enablement_periods = 0;
}

void Funnel::headlines() {
  // Only MQLs are ever worked, so the untouched ones are the difference.
  const std::int64_t mql_leads = pool_.mql_leads,
                     never_worked = pool_.mql_leads - pool_.touched_leads;
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
  set(Figure::mql_to_won_rate, share(count(book_.mql_won), count(mql_leads)));
  set(Figure::mql_precision, pool_.separation.precision());
  set(Figure::mql_recall, pool_.separation.recall());
  set(Figure::policy_score_auc, pool_.separation.auc());
  set(Figure::mql_accounts, count(pool_.mql_accounts));
  set(Figure::sla_breach_share, share(total(Counter::sla_breaches), total(Counter::mqls)));
  set(Figure::mql_mean_quality, share(pool_.mql_quality_sum, total(Counter::mqls)));
  const double targeting_periods =
      count(marketing_.targeting_periods[0] + marketing_.targeting_periods[1] +
            marketing_.targeting_periods[2]);
  set(Figure::broad_targeting_share,
      share(count(marketing_.targeting_periods[0]), targeting_periods));
  set(Figure::tight_targeting_share,
      share(count(marketing_.targeting_periods[2]), targeting_periods));
  set(Figure::enablement_share,
      share(count(marketing_.enablement_periods),
            count(marketing_.marketers) * (s_.horizon.periods - s_.horizon.warmup_periods)));
  set(Figure::quarter_end_month_revenue_share,
      share(counts_.total_money(Counter::quarter_end_revenue).units(), revenue.units()));
  set(Figure::rep_time_on_leads_share, share(floor_.hours_on_leads, floor_.hours_available));
  set(Figure::rep_time_on_opportunities_share,
      share(floor_.hours_on_opportunities, floor_.hours_available));
  set(Figure::rep_effort_share, share(floor_.hours_worked, floor_.hours_available));
  set(Figure::mqls_never_worked_share, share(count(never_worked), count(mql_leads)));
  set(Figure::mqls_ignored_share, share(count(floor_.mqls_ignored), total(Counter::mqls)));
  set(Figure::median_days_to_close, book_.close_wait.median_days(1.0));
  set(Figure::p90_days_to_close, book_.close_wait.quantile_days(0.9, 1.0));
  set(Figure::median_days_to_first_touch, floor_.first_touch_wait.median_days(1.0 / 24.0));
  set(Figure::contact_chance_lost_to_waiting,
      share(floor_.value_lost_sum, count(floor_.attempts_total)));
  // Speed to lead: first touches by the hours the MQL waited, and the share that became SQLs.
  constexpr std::array<Figure, kWaitBands> touches = {
      Figure::first_touches_under_1h, Figure::first_touches_1_to_2h, Figure::first_touches_2_to_24h,
      Figure::first_touches_24h_plus};
  constexpr std::array<Figure, kWaitBands> rates = {
      Figure::sql_rate_first_touched_under_1h, Figure::sql_rate_first_touched_1_to_2h,
      Figure::sql_rate_first_touched_2_to_24h, Figure::sql_rate_first_touched_24h_plus};
  for (std::size_t b = 0; b < kWaitBands; ++b) {
    set(touches[b], count(floor_.first_touches[b]));
    set(rates[b], share(count(floor_.sqls_by_wait[b]), count(floor_.first_touches[b])));
  }
  // The channel mix: each channel's share of marketing spend.
  // Per channel: the spend share, MQLs, and the share of them won (catalogue rows 0, 1, 2).
  std::vector<std::vector<double>> per_channel(3, std::vector<double>(s_.channels.size()));
  std::vector<double>& spend_share = per_channel[0];
  for (std::size_t c = 0; c < s_.channels.size(); ++c) {
    per_channel[1][c] = count(pool_.mql_leads_by_channel[c]);
    per_channel[2][c] = share(count(book_.mql_won_by_channel[c]), per_channel[1][c]);
  }
  for (std::size_t c = 0; c < s_.channels.size(); ++c)
    spend_share[c] = share(marketing_.channel_spend[c], spend.units());
  result_.headlines = counts_.headlines(f, s_.channels, per_channel);
  result_.days_to_close = book_.close_wait.counts();
}

// The decision is placed at a working hour of its period (spread by the deal's number, so
// no random draw moves); the wait runs from the hour the lead first inquired.
int Funnel::days_to_close(std::uint32_t id, std::uint32_t o, int t) const {
  const std::int64_t decided = week_.start(t) + week_.spread_hour(o);
  const std::int64_t hours = std::max<std::int64_t>(0, decided - pool_.leads.created_hour[id]);
  return static_cast<int>(hours / 24);
}

}  // namespace tandem
