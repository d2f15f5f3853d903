// The funnel: its construction (streams, plugin instances, the market and its people) and
// the period loop. See funnel.hpp for where each mechanism lives.
#include "engine/funnel.hpp"

#include "engine/calendar.hpp"
#include "engine/streams.hpp"
#include "engine/weighted.hpp"

#include <cstddef>
#include <utility>

namespace tandem {

Funnel::Funnel(const Scenario& s, const RunPlugins& plugins, std::uint64_t replication)
    : s_(s),
      seed_(s.seed),
      rep_no_(replication),
      days_(days_per_period(s.horizon.period)),
      market_stream_(stream(streams::market)),
      lead_stream_(stream(streams::leads)),
      contact_stream_(stream(streams::contact)),
      deal_stream_(stream(streams::deals)),
      nurture_stream_(stream(streams::nurture)),
      prospect_stream_(stream(streams::prospecting)),
      policy_stream_(stream(streams::lead_policy)),
      pay_stream_(stream(streams::pay_plans)),
      product_stream_(stream(streams::products)),
      churn_stream_(stream(streams::churn)),
      signal_stream_(stream(streams::signals)),
      read_stream_(stream(streams::sales_read)),
      choice_stream_(stream(streams::choices)),
      market_(s.market, market_stream_),
      policy_(*plugins.lead_policy,
              plugins.lead_policy->make_lead_policy(s.lead_policy.params, policy_stream_)),
      behaviour_(make_behaviour(s.behaviour)),
      payroll_(s, plugins, pay_stream_),
      marketers_(s.marketing.people),
      reps_(s.sales.people),
      sdrs_(s.sdrs.people),
      crediting_(s.crediting, marketers_, reps_),
      product_weights_(weights_of(s.products)),
      queues_(static_cast<std::size_t>(reps_ + sdrs_)),
      rep_opps_(static_cast<std::size_t>(reps_)),
      prospect_hours_(static_cast<std::size_t>(reps_), 0.0),
      recorder_(result_.metrics) {
  Stream rep_stream = stream(streams::reps);
  for (int r = 0; r < reps_; ++r) skill_.push_back(rep_stream.lognormal(1.0, s.sales.skill_spread));
  for (std::size_t c = 0; c < s.channels.size(); ++c)
    channel_streams_.push_back(stream(streams::channel_base + c));
  // Each account's segment, from its own stream so the market draws as without segments.
  Stream segment_stream = stream(streams::segments);
  const std::vector<double> segment_weights = weights_of(s.segments);
  segment_.resize(market_.size());
  for (auto& seg : segment_) seg = pick_weighted(segment_weights, segment_stream);
  account_lead_.assign(market_.size(), -1);
  ever_mql_account_.assign(market_.size(), 0);
  service_ = policy_.service_level();
  works_accounts_ = policy_.works_accounts();
  // Which periods close a quarter's last month: where quarter-end deal timing shows.
  quarter_end_month_.assign(static_cast<std::size_t>(s.horizon.periods), 0);
  for (const PayPeriod& m : pay_periods(s.horizon, PeriodKind::month))
    if (m.index % 3 == 2)
      for (int p = m.first_period; p <= m.last_period; ++p)
        quarter_end_month_[static_cast<std::size_t>(p)] = 1;
  // Expected leads: a generous reserve so the period loop rarely reallocates.
  double per_period = 0;
  for (const auto& c : s.channels)
    per_period += c.budget_per_period.units() / c.cost_per_lead.units();
  leads_.reserve(static_cast<std::size_t>(per_period * s.horizon.periods * 1.2) + 1024);
  result_.metrics.reserve(static_cast<std::size_t>(s.horizon.periods) *
                          (kCatalogue.size() + static_cast<std::size_t>(reps_ + sdrs_) * 6 +
                           static_cast<std::size_t>(marketers_) * 4));
}

ReplicationResult Funnel::run() {
  for (int t = 0; t < s_.horizon.periods; ++t) {
    counts_.start_period();
    market_.step(market_stream_);
    new_inquiries(t);
    nurture_step(t);
    for (int w = 0; w < reps_ + sdrs_; ++w) work(w, t);
    enforce_service_level(t);
    churn(t);
    record(t);
    if (adaptive_) {
      learn(t);
      choose_marketing(t);
    }
    payroll_.end_of_period(t, result_.ledger, rep_no_ == 0 ? &result_.statements : nullptr);
  }
  headlines();
  return std::move(result_);
}

}  // namespace tandem
