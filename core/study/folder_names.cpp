#include "study/folder_names.hpp"

#include <fmt/chrono.h>
#include <fmt/core.h>

#include <chrono>

namespace tandem::study {

std::filesystem::path default_out(const std::string& label) {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return std::filesystem::path("runs") / fmt::format("{}-{:%Y%m%d-%H%M%S}", label, now);
}

std::string folder_part(const std::string& name) {
  std::string part;
  for (const char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || (c == '.' && !part.empty());
    part += plain ? c : '_';
  }
  return part.empty() ? "scenario" : part;
}

}  // namespace tandem::study
