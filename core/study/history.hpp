// Reading the run history (`tandem history`): the records a list shows, with what the
// history holds besides, and one record by its id.
#pragma once

#include "history/history_location.hpp"
#include "history/run_history.hpp"
#include "history/run_record.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tandem::study {

struct HistoryListing {
  HistoryLocation where;
  HistoryQuery query;
  bool exists = false;             // whether there is a history file at all
  HistoryIds ids;                  // every id recorded, whatever the query
  std::vector<RunRecord> records;  // newest first
};

// The records `query` asks for. A missing history file is no error: `exists` says so.
// Throws OutputError when the file is not a history Tandem can read.
HistoryListing list_history(const HistoryLocation& where, const HistoryQuery& query);

// The record with this id. Throws UsageError when there is no history yet, or no such
// run (naming the ids there are); OutputError as above.
RunRecord find_in_history(const HistoryLocation& where, std::int64_t id);

// "no run history yet: '<file>' (from <source>) does not exist; ...": said by the list and
// by `show` alike.
std::string no_history_yet(const HistoryLocation& where);

}  // namespace tandem::study
