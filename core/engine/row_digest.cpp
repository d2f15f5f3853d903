#include "engine/row_digest.hpp"

#include "engine/calendar.hpp"

#include <tandem/errors.hpp>

#include <fmt/format.h>

namespace tandem {

void digest_rows(ReplicationResult& replication, std::size_t agents, std::size_t metrics,
                 const HorizonConfig& horizon) {
  const int periods = horizon.periods;
  // Per pay-period kind, the last simulation period of each pay period: only needed to
  // leave out the pay periods that end in the warm-up.
  std::vector<std::vector<int>> last_period(3);
  if (horizon.warmup_periods > 0)
    for (const PeriodKind kind : {PeriodKind::month, PeriodKind::quarter, PeriodKind::year})
      for (const PayPeriod& p : pay_periods(horizon, kind))
        last_period[static_cast<std::size_t>(kind)].push_back(p.last_period);
  const auto measured = [&](const LedgerRow& row) {
    if (horizon.warmup_periods <= 0) return true;
    const auto& ends = last_period[static_cast<std::size_t>(row.kind)];
    const auto i = static_cast<std::size_t>(row.pay_period);
    return row.pay_period < 0 || i >= ends.size() || ends[i] >= horizon.warmup_periods;
  };
  RowDigest d;
  d.metric_by_period.assign(metrics, std::vector<double>(static_cast<std::size_t>(periods), 0.0));
  for (const MetricRow& row : replication.metrics) {
    if (row.agent < -1 || row.agent >= static_cast<std::int64_t>(agents))
      throw Error(
          fmt::format("a metric row names agent {}, but the run has {} agents", row.agent, agents));
    if (row.metric >= metrics)
      throw Error(
          fmt::format("a metric row names metric {}, but {} are declared", row.metric, metrics));
    if (row.period >= 0 && row.period < periods)
      d.metric_by_period[row.metric][static_cast<std::size_t>(row.period)] += row.value;
  }
  d.pay_by_person.assign(agents, Money{});
  for (const LedgerRow& row : replication.ledger) {
    if (row.person < 0 || static_cast<std::size_t>(row.person) >= agents)
      throw Error(fmt::format("a ledger row names person {}, but the run has {} agents", row.person,
                              agents));
    d.pay_by_pay_period[{row.kind, row.pay_period}] += row.amount;
    if (!measured(row)) continue;
    d.pay_by_person[static_cast<std::size_t>(row.person)] += row.amount;
    d.pay_by_component[row.component] += row.amount;
  }
  d.ledger_rows = replication.ledger.size();
  replication.digest = std::move(d);
}

void release_rows(ReplicationResult& replication) {
  // swap with empty vectors: clear() would keep the capacity.
  std::vector<LedgerRow>().swap(replication.ledger);
  std::vector<MetricRow>().swap(replication.metrics);
}

}  // namespace tandem
