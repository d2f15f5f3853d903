#include "study/execution.hpp"

#include <utility>

namespace tandem::study {

RunOptions Execution::run_options(
    int part, int parts, const std::string& label,
    std::function<void(int, ReplicationResult&)> on_replication) const {
  RunOptions options;
  options.executor = executor;
  options.threads = threads;
  options.stop = stop;
  if (progress) options.progress = progress(part, parts, label);
  options.on_replication = std::move(on_replication);
  return options;
}

}  // namespace tandem::study
