// The folders being written right now (an AtomicFolder's partial folder), so that a run
// stopped from outside its normal flow — a plugin that crashed, exited or hung — can still
// remove what it had half written. Removal is async-signal-safe: it uses only system calls
// (open, getdents64, unlinkat), so a signal handler may call it.
#pragma once

#include <filesystem>

namespace tandem::unfinished_folders {

// Registers `dir` (absolute or relative to the current directory at the time) until
// remove(); at most 16 at once, more are not tracked.
void add(const std::filesystem::path& dir);
void remove(const std::filesystem::path& dir);

// Deletes every registered folder and its contents. Async-signal-safe.
void delete_all() noexcept;

}  // namespace tandem::unfinished_folders
