// Runs a scenario's replications in parallel and gathers their results in order.
#pragma once

#include "config/scenario.hpp"
#include "engine/replication.hpp"
#include "engine/results.hpp"
#include "plugins/registry.hpp"

#include <functional>

namespace tandem {

struct RunOptions {
  int threads = 0;  // 0: all cores
  // Called from worker threads (serialised) after each replication: (done, total).
  std::function<void(int, int)> progress;
};

// The plugins the scenario names, from the registry that validated it.
RunPlugins resolve_plugins(const Scenario& scenario, PluginRegistry& registry);

// Every replication of the scenario. Replication i always draws from streams keyed by
// (seed, i, id), and results are stored by index, so the result is bit-identical for any
// thread count. The first failure (lowest replication number) is rethrown after all
// workers stop.
RunResult run_simulation(const Scenario& scenario, const RunPlugins& plugins,
                         const RunOptions& options);

}  // namespace tandem
