// Ctrl-C (SIGINT) or SIGTERM during a simulation: the verbs that simulate stop between
// replications and unwind, so the partial output folder is removed and nothing is left
// behind, instead of dying mid-write with a half-written hidden folder on disk.
#pragma once

#include <atomic>

namespace tandem::cli {

// Installs the handlers (once) and returns the flag they set, for RunOptions::stop. The
// first signal sets the flag and restores the default action, so a second one ends the
// program at once.
const std::atomic<bool>* stop_on_interrupt();

// The exit code of a run stopped this way: 128 + SIGINT, as shells report it.
inline constexpr int kInterruptedExit = 130;

}  // namespace tandem::cli
