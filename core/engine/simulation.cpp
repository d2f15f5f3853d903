#include "engine/simulation.hpp"

#include "engine/metrics.hpp"
#include "engine/row_digest.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

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
  std::vector<std::exception_ptr> errors(static_cast<std::size_t>(total));

  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int workers = std::clamp(options.threads > 0 ? options.threads : cores, 1, total);
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  std::mutex progress_mutex;
  int done = 0;
  // Replications handed to on_replication in order: the next one due, and which are done.
  std::mutex delivery_mutex;
  int delivered = 0;
  std::vector<char> finished(static_cast<std::size_t>(total), 0);

  const auto deliver = [&](std::size_t idx) {
    std::lock_guard lock(delivery_mutex);
    finished[idx] = 1;
    while (delivered < total && finished[static_cast<std::size_t>(delivered)] && !failed) {
      const auto due = static_cast<std::size_t>(delivered);
      try {
        if (options.on_replication) options.on_replication(delivered, result.replications[due]);
      } catch (...) {
        errors[due] = std::current_exception();
        failed = true;
      }
      ++delivered;
    }
  };
  std::atomic<bool> stopped{false};
  const auto worker = [&] {
    for (int i = next++; i < total && !failed; i = next++) {
      if (options.stop && options.stop->load()) {
        stopped = true;
        failed = true;
        break;
      }
      const auto idx = static_cast<std::size_t>(i);
      try {
        result.replications[idx] =
            run_replication(scenario, plugins, static_cast<std::uint64_t>(i));
        digest_rows(result.replications[idx], result.agents.size(), result.metric_specs.size(),
                    scenario.horizon.periods);
      } catch (...) {
        errors[idx] = std::current_exception();
        failed = true;
      }
      if (!failed) deliver(idx);
      {
        std::lock_guard lock(progress_mutex);
        ++done;
        if (options.progress) options.progress(done, total);
      }
    }
  };
  if (workers == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  if (stopped) throw Interrupted(done, total);
  return result;
}

}  // namespace tandem
