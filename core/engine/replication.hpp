// One Monte Carlo replication of the funnel: owns all its state (market, leads,
// opportunities, plugin instances, random streams), shares nothing mutable.
#pragma once

#include "model/results.hpp"
#include "model/scenario.hpp"
#include "plugins/registry.hpp"

#include <cstdint>

namespace tandem {

// The plugins a scenario names, loaded once and shared read-only by all replications;
// each replication makes its own instances.
struct RunPlugins {
  const LoadedPlugin* lead_policy = nullptr;
  // Each paid team's plans (paid_teams() order): its `pay` plan first, then each of its
  // `components`, in order.
  std::vector<std::vector<const LoadedPlugin*>> pay;
};

// The role of the people of a paid team ("marketing", "sales", "sdrs").
Role role_of_team(const std::string& key);

// The people of a scenario: marketers first, then reps, then SDRs (the agent index used
// in results).
std::vector<Agent> scenario_agents(const Scenario& scenario);

// A person's id: "marketer-01", "rep-07", "sdr-12" (`number` from 1 within the role).
std::string agent_id(Role role, int number);

// Runs replication `replication` of the scenario. Deterministic: the same scenario, seed
// and replication number give the same result, whatever thread runs it.
ReplicationResult run_replication(const Scenario& scenario, const RunPlugins& plugins,
                                  std::uint64_t replication);

}  // namespace tandem
