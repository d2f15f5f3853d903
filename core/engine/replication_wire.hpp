// A replication's result as bytes, so that replications run in another process or on
// another machine (an Executor other than threads) can send theirs back, and results
// gathered from several places can be merged into one run.
//
// What travels: the headlines, the row digest (what the summary and the report read) and
// the metric and ledger rows if they have not been released. Statements (kept for
// replication 0 only) do not: an executor that runs elsewhere runs replication 0 here.
// The encoding is exact (doubles bit for bit, money in cents), so a run gathered from
// bytes writes the same files as one run on threads.
#pragma once

#include "model/results.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tandem {

std::string encode_replication(const ReplicationResult& result);

// Throws Error if `bytes` is not a replication encode_replication() wrote (truncated,
// another version, trailing bytes).
ReplicationResult decode_replication(std::string_view bytes);

// Replications gathered from several executors, each (index, result), in any order,
// into `run` (whose `replications` has one slot per replication). Throws Error if an
// index is out of range or given twice, or if a slot is left empty.
void merge_replications(RunResult& run, std::vector<std::pair<int, ReplicationResult>> parts);

}  // namespace tandem
