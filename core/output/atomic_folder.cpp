#include "output/atomic_folder.hpp"

#include "common/unfinished_folders.hpp"
#include "output/reserved_folders.hpp"

#include <tandem/errors.hpp>

#include <cerrno>
#include <cstdio>  // renameat2, RENAME_NOREPLACE, RENAME_EXCHANGE (glibc 2.28+)
#include <cstring>
#include <random>
#include <system_error>
#include <utility>

#include <fcntl.h>

namespace fs = std::filesystem;

namespace tandem {
namespace {

constexpr const char* kFix = "choose a writable folder with --out";

// "out/" and "out" name the same folder; the final component is what gets renamed.
fs::path final_path(const fs::path& dir) {
  fs::path p = dir.lexically_normal();
  if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  return p;
}

void check_name(const fs::path& target, const std::string& shown) {
  const std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..")
    throw OutputError("output folder '" + shown +
                      "' does not name a new folder: choose one with --out, e.g. --out runs/first");
}

std::string random_suffix() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device device;
  std::mt19937 gen(device());
  std::uniform_int_distribution<std::size_t> pick(0, sizeof(kAlphabet) - 2);
  std::string s(6, 'x');
  for (char& c : s) c = kAlphabet[pick(gen)];
  return s;
}

// renameat2 with flags; returns 0 or an errno value. EINVAL/ENOSYS: the file system or
// kernel does not support the flag (the caller falls back).
int rename_with(const fs::path& from, const fs::path& to, unsigned flags) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), flags) == 0) return 0;
  return errno;
}

int plain_rename(const fs::path& from, const fs::path& to) {
  if (std::rename(from.c_str(), to.c_str()) == 0) return 0;
  return errno;
}

bool unsupported(int error) {
  return error == EINVAL || error == ENOSYS || error == ENOTSUP;
}

}  // namespace

void AtomicFolder::check(const fs::path& dir, bool replace_existing, const std::string& marker) {
  const std::string shown = dir.string();
  const fs::path target = final_path(dir);
  check_name(target, shown);

  std::error_code ec;
  const fs::file_status status = fs::symlink_status(target, ec);
  if (ec && status.type() != fs::file_type::not_found)
    throw OutputError("cannot use output folder '" + shown + "': " + ec.message() + ": " + kFix);
  if (status.type() == fs::file_type::not_found) return;
  if (reserved_folders::is_reserved(target)) return;  // this run's own empty reservation

  if (!replace_existing)
    throw OutputError("output folder '" + shown +
                      "' already exists: choose another with --out, or pass --force to replace it");
  if (!fs::is_directory(target, ec))
    throw OutputError("output path '" + shown +
                      "' exists and is not a folder: choose another with --out");
  const bool empty = fs::is_empty(target, ec);
  if (!empty && !fs::exists(target / marker, ec))
    throw OutputError("output folder '" + shown + "' is not empty and holds no " + marker +
                      ", so it was not written by Tandem: --force replaces only run folders; "
                      "choose another with --out");
}

AtomicFolder::AtomicFolder(fs::path dir, bool replace_existing, std::string marker)
    : shown_(dir.string()), target_(final_path(dir)), replace_existing_(replace_existing) {
  check(dir, replace_existing, marker);

  fs::path parent = target_.parent_path();
  if (parent.empty()) parent = ".";
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec)
    throw OutputError("cannot create output folder '" + shown_ + "': cannot create '" +
                      parent.string() + "': " + ec.message() + ": " + kFix);

  const std::string stem = "." + target_.filename().string() + ".partial-";
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = parent / (stem + random_suffix());
    // create_directory, unlike mkdtemp, gives the folder the usual permissions (umask).
    if (fs::create_directory(candidate, ec)) {
      partial_ = std::move(candidate);
      unfinished_folders::add(partial_);
      return;
    }
    if (ec)
      throw OutputError("cannot write output folder '" + shown_ + "': cannot create a folder in '" +
                        parent.string() + "': " + ec.message() + ": " + kFix);
  }
  throw OutputError("cannot write output folder '" + shown_ +
                    "': no free temporary name beside it (remove old ." +
                    target_.filename().string() + ".partial-* folders)");
}

AtomicFolder::~AtomicFolder() {
  if (!partial_.empty()) unfinished_folders::remove(partial_);
  if (!committed_ && !partial_.empty()) {
    std::error_code ec;
    fs::remove_all(partial_, ec);  // best effort: nothing sensible to do if it fails
  }
}

void AtomicFolder::commit() {
  if (committed_) return;
  const auto fail = [&](int error) {
    throw OutputError("cannot write output folder '" + shown_ + "': " + std::strerror(error) +
                      ": " + kFix);
  };
  const auto already_exists = [&] {
    throw OutputError("output folder '" + shown_ +
                      "' already exists: choose another with --out, or pass --force to replace it");
  };

  std::error_code ec;
  const bool exists = fs::symlink_status(target_, ec).type() != fs::file_type::not_found;
  // This run's reserved default name is filled like a folder being replaced: it is empty.
  const bool reserved = exists && reserved_folders::is_reserved(target_);
  if (!exists || (!replace_existing_ && !reserved)) {
    // NOREPLACE: a folder that appeared meanwhile is never overwritten (plain rename would
    // silently replace an empty one).
    int error = rename_with(partial_, target_, RENAME_NOREPLACE);
    if (unsupported(error)) {
      if (fs::symlink_status(target_, ec).type() != fs::file_type::not_found) already_exists();
      error = plain_rename(partial_, target_);
    }
    if (error == EEXIST || error == ENOTEMPTY) already_exists();
    if (error != 0) fail(error);
    committed_ = true;
    return;
  }

  // Replacing: swap the two in one step, then delete the old one (now under the partial
  // name). Without RENAME_EXCHANGE: move the old one aside, move the new one in, and put
  // the old one back if that fails.
  int error = rename_with(partial_, target_, RENAME_EXCHANGE);
  if (error == 0) {
    committed_ = true;
    reserved_folders::filled(target_);
    fs::remove_all(partial_, ec);
    return;
  }
  if (!unsupported(error)) fail(error);
  const fs::path old =
      target_.parent_path() / ("." + target_.filename().string() + ".old-" + random_suffix());
  if ((error = plain_rename(target_, old)) != 0) fail(error);
  if ((error = plain_rename(partial_, target_)) != 0) {
    plain_rename(old, target_);
    fail(error);
  }
  committed_ = true;
  reserved_folders::filled(target_);
  fs::remove_all(old, ec);
}

}  // namespace tandem
