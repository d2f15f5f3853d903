#include "study/folder_names.hpp"

#include "output/reserved_folders.hpp"

#include <fmt/chrono.h>
#include <fmt/core.h>

#include <chrono>

namespace tandem::study {

std::filesystem::path default_out(const std::string& label) {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return reserved_folders::reserve("runs", fmt::format("{}-{:%Y%m%d-%H%M%S}", label, now));
}

std::string folder_part(const std::string& name) {
  std::string part;
  for (const char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || (c == '.' && !part.empty());
    part += plain ? c : '_';
  }
  // Two names, a time and a counter must fit a folder name (255 bytes).
  constexpr std::size_t kLongest = 60;
  if (part.size() > kLongest) part.resize(kLongest);
  return part.empty() ? "scenario" : part;
}

}  // namespace tandem::study
