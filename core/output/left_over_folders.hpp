// Unfinished folders left behind: the hidden `.<name>.partial-XXXXXX` folders an
// AtomicFolder writes into. Tandem removes its own when a run fails, crashes or is
// interrupted; a kill -9, a power cut or the kernel's out-of-memory killer leave one (tens
// of megabytes for a large run). They are found, reported and removed on request
// (`tandem clean`); one younger than `min_age` may be a run still writing, and is left.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace tandem {

struct LeftOverFolder {
  std::filesystem::path path;
  std::uintmax_t bytes = 0;
};

// The unfinished folders directly in `folder` last changed at least `min_age` ago.
std::vector<LeftOverFolder> left_over_folders(const std::filesystem::path& folder,
                                              std::chrono::seconds min_age);

// "2 unfinished folders (94.2 MB)".
std::string describe(const std::vector<LeftOverFolder>& folders);

}  // namespace tandem
