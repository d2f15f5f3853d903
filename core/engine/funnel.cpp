// The funnel: its construction (each part from the scenario) and the period loop. See
// funnel.hpp for where each mechanism lives.
#include "engine/funnel.hpp"

#include "engine/calendar.hpp"

#include <cstddef>
#include <utility>

namespace tandem {

Funnel::Funnel(const Scenario& s, const RunPlugins& plugins, FunnelStreams& streams,
               std::uint64_t replication)
    : s_(s),
      replication_(replication),
      days_(days_per_period(s.horizon.period)),
      week_(s),
      adaptive_(s.behaviour.mode == BehaviourMode::adaptive),
      choice_(s.behaviour),
      time_(s.behaviour, days_per_period(s.horizon.period)),
      streams_(streams),
      market_(s.market, streams.market),
      accounts_(s, streams.segments),
      pool_(s, plugins, streams.lead_policy),
      floor_(s, days_per_period(s.horizon.period), streams.reps),
      book_(s),
      marketing_(s),
      payroll_(s, plugins, streams.pay_plans) {
  pool_.mql_leads_by_channel.assign(s.channels.size(), 0);
  book_.mql_won_by_channel.assign(s.channels.size(), 0);
  // Every row the run will record, reserved so recording does not allocate.
  result_.metrics.reserve(static_cast<std::size_t>(s.horizon.periods) *
                          (kCatalogue.size() + static_cast<std::size_t>(floor_.workers()) * 11 +
                           static_cast<std::size_t>(marketing_.marketers) * 4));
}

ReplicationResult Funnel::run() {
  for (int t = 0; t < s_.horizon.periods; ++t) {
    if (t == s_.horizon.warmup_periods && t > 0) start_measuring();
    counts_.start_period();
    market_.step(streams_.market);
    new_inquiries(t);
    nurture_step(t);
    for (int w = 0; w < floor_.workers(); ++w) work(w, t);
    hand_over(t);
    for (int r = 0; r < floor_.reps; ++r) spend_spare_hours(r, t);
    enforce_service_level(t);
    churn(t);
    record(t);
    if (adaptive_) {
      learn(t);
      choose_marketing(t);
    }
    payroll_.end_of_period(t, result_.ledger, replication_ == 0 ? &result_.statements : nullptr);
  }
  headlines();
  return std::move(result_);
}

}  // namespace tandem
