// Runs a scenario's replications in parallel and gathers their results in order.
#pragma once

#include "engine/executor.hpp"
#include "engine/replication.hpp"
#include "model/results.hpp"
#include "model/scenario.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>

#include <atomic>
#include <functional>

namespace tandem {

struct RunOptions {
  // Where the replications run; none: on `threads` threads of this process.
  Executor* executor = nullptr;
  int threads = 0;  // 0: all cores
  // Called from worker threads (serialised) after each replication: (done, total).
  std::function<void(int, int)> progress;
  // Called from worker threads (serialised) with each replication in order 0, 1, 2, ...
  // once it and every one before it are done, its rows digested: where a caller writes
  // the rows and may release them (release_rows), so memory holds a few replications'
  // rows, not every one's. What it throws stops the run like a failed replication.
  std::function<void(int, ReplicationResult&)> on_replication;
  // When it turns true (a signal handler sets it: cli/interrupt.hpp), no replication is
  // started; those in progress finish, and run_simulation throws Interrupted.
  const std::atomic<bool>* stop = nullptr;
};

// The plugins the scenario names, from the registry that validated it.
RunPlugins resolve_plugins(const Scenario& scenario, PluginRegistry& registry);

// Every replication of the scenario. Replication i always draws from streams keyed by
// (seed, i, id), and results are stored by index, so the result is bit-identical for any
// thread count. Each replication's rows are digested (ReplicationResult::digest). The
// first failure (lowest replication number) is rethrown after all workers stop.
RunResult run_simulation(const Scenario& scenario, const RunPlugins& plugins,
                         const RunOptions& options);

}  // namespace tandem
