// Where replications run. A run is a list of tasks, replication 0, 1, 2, ... of one
// scenario; an Executor runs them (on threads of this process today; in other processes
// or on other machines later) and hands their results back in replication order. Because
// replication i always draws from streams keyed by (seed, i, id), where and in what order
// the tasks run never changes the result.
#pragma once

#include "model/results.hpp"

#include <atomic>
#include <functional>

namespace tandem {

// Computes replication i. Must be callable from any thread, for any i, any number of times.
using ReplicationTask = std::function<ReplicationResult(int replication)>;
// Receives replication i once it and every replication before it are done: i = 0, 1, 2,
// ... in order, never two at once. May move from or release parts of the result.
using ReplicationDelivery = std::function<void(int replication, ReplicationResult& result)>;

struct ExecutionControl {
  // When it turns true, no further task is started; those running finish.
  const std::atomic<bool>* stop = nullptr;
  // (done, total) after each task, never two at once.
  std::function<void(int, int)> progress;
};

// What an executor reports when it returns: how many tasks finished, and whether it
// stopped early because `stop` turned true.
struct ExecutionReport {
  int done = 0;
  bool stopped = false;
};

class Executor {
 public:
  virtual ~Executor() = default;

  // Runs task(i) for every i in [0, total) and delivers each result in order. After the
  // first failure (a task or a delivery throws) or a stop, starts no further task, lets
  // those running finish, and returns (stopped) or rethrows the failure of the lowest
  // replication.
  virtual ExecutionReport run(int total, const ReplicationTask& task,
                              const ReplicationDelivery& deliver,
                              const ExecutionControl& control) = 0;
};

// Tasks on `threads` worker threads of this process (0: one per core, never more than
// there are tasks; 1: on the calling thread).
class ThreadExecutor : public Executor {
 public:
  explicit ThreadExecutor(int threads = 0) : threads_(threads) {}
  ExecutionReport run(int total, const ReplicationTask& task, const ReplicationDelivery& deliver,
                      const ExecutionControl& control) override;

 private:
  int threads_;
};

}  // namespace tandem
