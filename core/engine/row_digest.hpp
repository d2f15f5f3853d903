// The digest of a replication's rows (RowDigest), and their release once written.
#pragma once

#include "model/results.hpp"
#include "model/scenario.hpp"

#include <cstddef>

namespace tandem {

// Fills replication.digest from its ledger and metric rows: sums per metric and period
// (rows of periods outside [0, horizon.periods) are left out) and per pay period, over
// every row; per person and per component over the rows of pay periods that end after
// the warm-up (horizon.warmup_periods), which are the pay the headlines report. Throws
// Error if a row names an agent or a metric the run does not have.
void digest_rows(ReplicationResult& replication, std::size_t agents, std::size_t metrics,
                 const HorizonConfig& horizon);

// Frees the ledger and metric rows (the digest, headlines and statements stay): what a
// caller does once it has written them, so that memory holds one replication's rows at a
// time rather than every replication's.
void release_rows(ReplicationResult& replication);

}  // namespace tandem
