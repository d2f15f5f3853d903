#include "common/unfinished_folders.hpp"

#include <atomic>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tandem::unfinished_folders {

namespace {

constexpr int kSlots = 16;
constexpr std::size_t kPathMax = 4096;

// A slot is free (0), being written (1) or holds a whole path (2): a signal handler acts
// only on whole ones.
struct Slot {
  std::atomic<int> state{0};
  char path[kPathMax] = {};
};
Slot slots[kSlots];

// Removes everything inside the folder open at `fd`, then nothing else (the caller removes
// the folder itself). Depth-first with system calls only.
void empty_folder(int fd, int depth) noexcept {
  if (depth > 16) return;
  alignas(8) char buffer[4096];
  for (bool removed = true; removed;) {
    removed = false;
    const long n = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
    if (n <= 0) return;
    for (long at = 0; at < n;) {
      struct Entry {
        ino64_t ino;
        off64_t off;
        unsigned short reclen;
        unsigned char type;
        char name[1];
      };
      const auto* e = reinterpret_cast<const Entry*>(buffer + at);
      at += e->reclen;
      if (std::strcmp(e->name, ".") == 0 || std::strcmp(e->name, "..") == 0) continue;
      if (::unlinkat(fd, e->name, 0) == 0) {
        removed = true;
        continue;
      }
      // A folder (or a type the call did not say): empty it, then remove it.
      const int child = ::openat(fd, e->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child < 0) continue;
      empty_folder(child, depth + 1);
      ::close(child);
      if (::unlinkat(fd, e->name, AT_REMOVEDIR) == 0) removed = true;
    }
    // The listing changed under us as entries went: read again from the start, while
    // anything could still be removed.
    ::lseek(fd, 0, SEEK_SET);
  }
}

}  // namespace

void add(const std::filesystem::path& dir) {
  const std::string text = std::filesystem::absolute(dir).string();
  if (text.size() >= kPathMax) return;
  for (Slot& s : slots) {
    int expected = 0;
    if (!s.state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(s.path, text.c_str(), text.size() + 1);
    s.state.store(2);
    return;
  }
}

void remove(const std::filesystem::path& dir) {
  const std::string text = std::filesystem::absolute(dir).string();
  for (Slot& s : slots)
    if (s.state.load() == 2 && text == s.path) {
      s.state.store(0);
      return;
    }
}

void delete_all() noexcept {
  for (Slot& s : slots) {
    if (s.state.load() != 2) continue;
    const int fd = ::open(s.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
      empty_folder(fd, 0);
      ::close(fd);
      ::rmdir(s.path);
    }
    s.state.store(0);
  }
}

}  // namespace tandem::unfinished_folders
