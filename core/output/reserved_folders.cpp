#include "output/reserved_folders.hpp"

#include "common/unfinished_folders.hpp"

#include <tandem/errors.hpp>

#include <mutex>
#include <set>

namespace fs = std::filesystem;

namespace tandem::reserved_folders {

namespace {

std::mutex lock;
std::set<fs::path> reserved;  // absolute, normal form

fs::path key(const fs::path& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();  // "runs/x/" and "runs/x" are one folder
  return p;
}

}  // namespace

fs::path reserve(const fs::path& parent, const std::string& stem) {
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec)
    throw OutputError("cannot create the runs folder '" + parent.string() + "': " + ec.message() +
                      ": choose a folder with --out, or run where you may write");
  for (int n = 1; n < 10000; ++n) {
    const fs::path candidate = parent / (n == 1 ? stem : stem + "-" + std::to_string(n));
    if (fs::create_directory(candidate, ec)) {
      const std::lock_guard<std::mutex> guard(lock);
      reserved.insert(key(candidate));
      unfinished_folders::add(candidate);
      return candidate;
    }
    if (ec)
      throw OutputError("cannot create a folder in '" + parent.string() + "': " + ec.message() +
                        ": choose a folder with --out, or run where you may write");
  }
  throw OutputError("no free folder name for '" + stem + "' in '" + parent.string() +
                    "': choose one with --out");
}

bool is_reserved(const fs::path& dir) {
  const std::lock_guard<std::mutex> guard(lock);
  return reserved.count(key(dir)) > 0;
}

void filled(const fs::path& dir) {
  const std::lock_guard<std::mutex> guard(lock);
  if (reserved.erase(key(dir)) > 0) unfinished_folders::remove(dir);
}

}  // namespace tandem::reserved_folders
