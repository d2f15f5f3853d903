#include "output/left_over_folders.hpp"

#include <fmt/core.h>

#include <string>

namespace fs = std::filesystem;

namespace tandem {

std::vector<LeftOverFolder> left_over_folders(const fs::path& folder,
                                              std::chrono::seconds min_age) {
  std::vector<LeftOverFolder> out;
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() < 2 || name[0] != '.' || name.find(".partial-") == std::string::npos) continue;
    std::error_code e;
    if (!it->is_directory(e)) continue;
    const auto changed = fs::last_write_time(it->path(), e);
    if (e || now - changed < min_age) continue;
    LeftOverFolder f{it->path(), 0};
    for (fs::recursive_directory_iterator r(it->path(), e), stop; !e && r != stop; r.increment(e))
      if (r->is_regular_file(e)) f.bytes += r->file_size(e);
    out.push_back(std::move(f));
  }
  return out;
}

std::string describe(const std::vector<LeftOverFolder>& folders) {
  std::uintmax_t bytes = 0;
  for (const LeftOverFolder& f : folders) bytes += f.bytes;
  return fmt::format("{} unfinished folder{} ({:.1f} MB)", folders.size(),
                     folders.size() == 1 ? "" : "s", static_cast<double>(bytes) / 1e6);
}

}  // namespace tandem
