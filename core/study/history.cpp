#include "study/history.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <optional>
#include <utility>

namespace tandem::study {

std::string no_history_yet(const HistoryLocation& where) {
  return fmt::format(
      "no run history yet: '{}'{} does not exist; tandem run and tandem compare record there",
      where.file.string(), where.source == "--db" ? "" : " (from " + where.source + ")");
}

HistoryListing list_history(const HistoryLocation& where, const HistoryQuery& query) {
  HistoryListing listing{where, query, false, {}, {}};
  const std::optional<RunHistory> history = RunHistory::open_existing(where.file);
  if (!history) return listing;
  listing.exists = true;
  listing.records = history->list(query);
  listing.ids = history->ids();
  return listing;
}

RunRecord find_in_history(const HistoryLocation& where, std::int64_t id) {
  const std::optional<RunHistory> history = RunHistory::open_existing(where.file);
  if (!history) throw UsageError(no_history_yet(where));
  std::optional<RunRecord> found = history->find(id);
  if (found) return std::move(*found);
  const HistoryIds ids = history->ids();
  throw UsageError(
      ids.count == 0
          ? fmt::format("no run {} in '{}': it holds no runs yet", id, where.file.string())
          : fmt::format("no run {} in '{}': its runs are {} to {}; 'tandem history' lists them", id,
                        where.file.string(), ids.first, ids.last));
}

}  // namespace tandem::study
