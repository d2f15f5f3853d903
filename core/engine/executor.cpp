#include "engine/executor.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tandem {

ExecutionReport ThreadExecutor::run(int total, const ReplicationTask& task,
                                    const ReplicationDelivery& deliver,
                                    const ExecutionControl& control) {
  ExecutionReport report;
  if (total <= 0) return report;
  const auto n = static_cast<std::size_t>(total);
  std::vector<std::exception_ptr> errors(n);
  // A result waits here from when its task ends until every one before it is delivered.
  std::vector<std::optional<ReplicationResult>> waiting(n);

  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int workers = std::clamp(threads_ > 0 ? threads_ : cores, 1, total);
  std::atomic<int> next{0};
  std::atomic<bool> failed{false}, stopped{false};
  std::mutex progress_mutex, delivery_mutex;
  int delivered = 0;

  const auto deliver_ready = [&](std::size_t idx, ReplicationResult&& result) {
    std::lock_guard lock(delivery_mutex);
    waiting[idx] = std::move(result);
    while (delivered < total && waiting[static_cast<std::size_t>(delivered)] && !failed) {
      const auto due = static_cast<std::size_t>(delivered);
      try {
        deliver(delivered, *waiting[due]);
      } catch (...) {
        errors[due] = std::current_exception();
        failed = true;
      }
      waiting[due].reset();
      ++delivered;
    }
  };
  const auto worker = [&] {
    for (int i = next++; i < total && !failed; i = next++) {
      if (control.stop && control.stop->load()) {
        stopped = true;
        failed = true;
        break;
      }
      const auto idx = static_cast<std::size_t>(i);
      std::optional<ReplicationResult> result;
      try {
        result = task(i);
      } catch (...) {
        errors[idx] = std::current_exception();
        failed = true;
      }
      if (!failed) deliver_ready(idx, std::move(*result));
      {
        std::lock_guard lock(progress_mutex);
        ++report.done;
        if (control.progress) control.progress(report.done, total);
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
  report.stopped = stopped;
  return report;
}

}  // namespace tandem
