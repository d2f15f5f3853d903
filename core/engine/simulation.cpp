#include "engine/simulation.hpp"

#include "plugins/fault_guard.hpp"

#include "engine/metrics.hpp"
#include "engine/row_digest.hpp"

#include <string>

namespace tandem {

RunPlugins resolve_plugins(const Scenario& s, PluginRegistry& registry) {
  const auto plans = [&](const PayChoice& pay) {
    std::vector<const LoadedPlugin*> loaded{&registry.load(pay.plugin)};
    for (const PayChoice& c : pay.components) loaded.push_back(&registry.load(c.plugin));
    return loaded;
  };
  RunPlugins plugins{&registry.load(s.lead_policy.plugin), {}};
  for (const PaidTeam& team : paid_teams(s)) plugins.pay.push_back(plans(*team.pay));
  return plugins;
}

RunResult run_simulation(const Scenario& scenario, const RunPlugins& plugins,
                         const RunOptions& options) {
  const int total = scenario.replications;
  RunResult result;
  result.agents = scenario_agents(scenario);
  result.metric_specs = metric_catalogue();
  result.replications.resize(static_cast<std::size_t>(total));

  const ReplicationTask task = [&](int i) {
    ReplicationResult r = run_replication(scenario, plugins, static_cast<std::uint64_t>(i));
    digest_rows(r, result.agents.size(), result.metric_specs.size(), scenario.horizon);
    return r;
  };
  const ReplicationDelivery deliver = [&](int i, ReplicationResult& r) {
    ReplicationResult& kept = result.replications[static_cast<std::size_t>(i)];
    kept = std::move(r);
    if (options.on_replication) options.on_replication(i, kept);
  };
  ThreadExecutor threads(options.threads);
  Executor& executor = options.executor ? *options.executor : threads;
  // Tandem prints nothing while it simulates: a byte on standard output is a plugin's.
  const fault_guard::WatchedStdout watched;
  const ExecutionReport report =
      executor.run(total, task, deliver, {options.stop, options.progress});
  if (report.stopped) throw Interrupted(report.done, total);
  return result;
}

}  // namespace tandem
