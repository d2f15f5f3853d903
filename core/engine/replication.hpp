// One Monte Carlo replication of the funnel: owns all its state (market, leads,
// opportunities, plugin instances, random streams), shares nothing mutable.
#pragma once

#include "config/scenario.hpp"
#include "engine/results.hpp"
#include "plugins/registry.hpp"

#include <cstdint>

namespace tandem {

// The plugins a scenario names, loaded once and shared read-only by all replications;
// each replication makes its own instances.
struct RunPlugins {
  const LoadedPlugin* lead_policy = nullptr;
  // A role's pay plans: its `pay` plan first, then each of its `components`, in order.
  std::vector<const LoadedPlugin*> marketing_pay;
  std::vector<const LoadedPlugin*> sales_pay;
};

// The people of a scenario: marketers first, then reps (the agent index used in results).
std::vector<Agent> scenario_agents(const Scenario& scenario);

// Runs replication `replication` of the scenario. Deterministic: the same scenario, seed
// and replication number give the same result, whatever thread runs it.
ReplicationResult run_replication(const Scenario& scenario, const RunPlugins& plugins,
                                  std::uint64_t replication);

}  // namespace tandem
