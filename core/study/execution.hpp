// How a workflow runs its replications: on how many threads, whether it may be stopped,
// and where it reports progress. Plain data that every front end (the command line, a
// notebook) fills in; the workflows turn it into the engine's RunOptions.
#pragma once

#include "engine/simulation.hpp"

#include <atomic>
#include <functional>
#include <string>

namespace tandem::study {

// (done, total) replications of one part of the work.
using Progress = std::function<void(int done, int total)>;

struct Execution {
  // Where the replications run (engine/executor.hpp); none: on `threads` threads here.
  Executor* executor = nullptr;
  int threads = 0;  // 0: all cores; results do not depend on it
  // When it turns true, no replication is started and the workflow throws Interrupted,
  // leaving nothing unfinished behind.
  const std::atomic<bool>* stop = nullptr;
  // The progress callback of part `part` of `parts` (a run is one part; a compare's base
  // and alternatives, or a sweep's points, are several), named `label`; empty: none.
  std::function<Progress(int part, int parts, const std::string& label)> progress;

  // The engine's options for one part, with `on_replication` as its replication hook.
  RunOptions run_options(int part, int parts, const std::string& label,
                         std::function<void(int, ReplicationResult&)> on_replication) const;
};

}  // namespace tandem::study
