// What `tandem history` prints: the list of recorded runs, compares and sweeps, and
// everything recorded of one of them, as text tables or as JSON. Here rather than in
// output/ because it reads the history's records (history/ is a floor above output/).
#pragma once

#include "history/run_record.hpp"
#include "study/history.hpp"

#include <string>
#include <vector>

namespace tandem::study {

// The records as a table, newest first (id, time, kind, scenario(s), seed, replications,
// revenue, folder), and a line saying how many of how many are shown; when there is
// nothing to list, the note saying why instead.
std::string history_list_text(const HistoryListing& listing);
// Why there is nothing to list (no history file, no runs, none of that scenario); empty
// when there are records.
std::string history_list_note(const HistoryListing& listing);
// The records as a JSON array.
std::string history_list_json(const std::vector<RunRecord>& records);

// One record: versions, scenarios and hashes, the command as a shell would take it, the
// folder (and whether it is still there), then the headline figures as `tandem run` and
// `tandem compare` show them.
std::string history_record_text(const RunRecord& record);
std::string history_record_json(const RunRecord& record);

}  // namespace tandem::study
