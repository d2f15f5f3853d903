// The lead pool: every lead in play or in nurture, the lead policy that makes them MQLs
// (and the service level it sets), which lead each account has in play when the policy
// works accounts, and how well the policy separated leads with a real need from the rest.
#pragma once

#include "engine/leads.hpp"
#include "engine/replication.hpp"
#include "engine/separation.hpp"
#include "model/scenario.hpp"
#include "plugins/registry.hpp"

#include <tandem/random.hpp>
#include <tandem/views.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tandem {

struct LeadPool {
  LeadPool(const Scenario& s, const RunPlugins& plugins, Stream& policy_stream)
      : policy(*plugins.lead_policy,
               plugins.lead_policy->make_lead_policy(s.lead_policy.params, policy_stream)),
        account_lead(static_cast<std::size_t>(s.market.accounts), -1),
        ever_mql_account(static_cast<std::size_t>(s.market.accounts), 0) {
    service = policy.service_level();
    works_accounts = policy.works_accounts();
    // Expected leads: a generous reserve so the period loop rarely reallocates.
    double per_period = 0;
    for (const auto& c : s.channels)
      per_period += c.budget_per_period.units() / c.cost_per_lead.units();
    leads.reserve(static_cast<std::size_t>(per_period * s.horizon.periods * 1.2) + 1024);
  }

  // The lead is no longer in play for its account (account-based working).
  void leave_account(std::uint32_t id) {
    std::int32_t& active = account_lead[leads.account[id]];
    if (active == static_cast<std::int32_t>(id)) active = -1;
  }

  // Lead `id` goes to nurture in period t.
  void to_nurture(std::uint32_t id, int t) {
    leave_account(id);
    leads.stage[id] = Stage::nurture;
    leads.arrived[id] = t;
    leads.rep[id] = -1;
    leads.ignored[id] = 0;
    leads.escalated[id] = 0;
    nurture.push_back(id);
  }

  // The hour (from the run's start) by which the lead should be first touched.
  double deadline(std::uint32_t id) const {
    return leads.arrived_hour[id] + service.first_touch_hours;
  }
  // Has the lead passed its first-touch deadline by `hour` (from the run's start)?
  bool past_deadline(std::uint32_t id, std::int64_t hour) const {
    return deadline(id) <= static_cast<double>(hour);
  }

  GuardedLeadPolicy policy;
  ServiceLevel service;
  bool works_accounts = false;
  LeadTable leads;
  std::vector<std::uint32_t> nurture;
  std::uint64_t next_serial = 0;                   // the next lead's number
  std::vector<std::int32_t> account_lead;          // per account: its lead in play, or -1
  std::vector<std::uint8_t> ever_mql_account;      // per account: ever had an MQL
  std::int64_t mql_accounts = 0;                   // accounts that ever had one
  Separation separation;                           // the policy's decisions against the truth
  double mql_quality_sum = 0;                      // latent quality summed over MQLs
  std::int64_t mql_leads = 0, touched_leads = 0;   // leads ever MQL; those ever worked
  std::vector<std::int64_t> mql_leads_by_channel;  // of mql_leads, per channel
};

}  // namespace tandem
