// A folder that appears under its final name only when it is complete.
//
// Files are written into a hidden sibling, `.<name>.partial-XXXXXX`, which commit() renames
// to the final name in one step (rename(2) is atomic within a file system). Until then the
// final name does not exist (or still holds the old folder), so a crash or an error never
// leaves a folder that looks complete; if the object is destroyed uncommitted, the
// partial folder is removed.
//
// Replacing is guarded: an existing folder is replaced only when asked to, and only if it
// is empty or holds `marker` (a file every folder of this kind has), so a mistyped --out
// can never wipe an unrelated folder. The old folder is swapped out only after the new
// one is complete.
#pragma once

#include <filesystem>
#include <string>

namespace tandem {

class AtomicFolder {
 public:
  // Checks `dir` (see check()), creates its parent folders if needed and makes the
  // partial folder. Throws OutputError naming the folder, the OS reason and the fix.
  AtomicFolder(std::filesystem::path dir, bool replace_existing, std::string marker);
  ~AtomicFolder();  // removes the partial folder unless committed
  AtomicFolder(const AtomicFolder&) = delete;
  AtomicFolder& operator=(const AtomicFolder&) = delete;

  // The folder to write into, until commit().
  const std::filesystem::path& partial() const { return partial_; }
  // The final name.
  const std::filesystem::path& target() const { return target_; }

  // Renames the partial folder to the final name (swapping out the old folder when
  // replacing; the old one is then deleted). Throws OutputError; the partial folder is
  // then removed by the destructor and an old folder is left as it was.
  void commit();

  // The checks the constructor makes, without touching anything: whether `dir` names a
  // folder that may be written (not there yet, or replaceable as above). Lets a caller
  // fail before a long computation rather than after it. Throws OutputError.
  static void check(const std::filesystem::path& dir, bool replace_existing,
                    const std::string& marker);

 private:
  std::string shown_;  // the folder as the user named it, for messages
  std::filesystem::path target_;
  std::filesystem::path partial_;
  bool replace_existing_;
  bool committed_ = false;
};

}  // namespace tandem
