// One replication: the funnel (funnel.hpp) run over the horizon; and the people of a
// scenario, as the results name them.
#include "engine/replication.hpp"

#include "engine/funnel.hpp"

#include <fmt/core.h>

#include <string>
#include <vector>

namespace tandem {

Role role_of_team(const std::string& key) {
  return key == "marketing" ? Role::marketing : key == "sales" ? Role::sales : Role::sdr;
}

std::string agent_id(Role role, int number) {
  const char* prefix = role == Role::marketing ? "marketer" : role == Role::sales ? "rep" : "sdr";
  return fmt::format("{}-{:02}", prefix, number);
}

std::vector<Agent> scenario_agents(const Scenario& s) {
  std::vector<Agent> agents;
  for (const PaidTeam& team : paid_teams(s)) {
    const Role role = role_of_team(team.key);
    for (int i = 0; i < team.people; ++i)
      agents.push_back({agent_id(role, i + 1), role, team.pay->plugin});
  }
  return agents;
}

ReplicationResult run_replication(const Scenario& scenario, const RunPlugins& plugins,
                                  std::uint64_t replication) {
  FunnelStreams streams(scenario, replication);
  return Funnel(scenario, plugins, streams, replication).run();
}

}  // namespace tandem
