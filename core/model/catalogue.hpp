// The metrics a replication records, declared once (name, unit, doc) and emitted by id
// into one long table: replication, period, agent, metric, value.
#pragma once

#include "model/results.hpp"

#include <cstdint>
#include <vector>

namespace tandem {

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
  favoured_channel,
  enablement,
  count_  // not a metric: the number of them
};

// The catalogue, indexed by Metric.
const std::vector<MetricSpec>& metric_catalogue();

}  // namespace tandem
