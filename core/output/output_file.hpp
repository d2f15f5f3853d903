// A file written in large chunks, with every failure (open, write, flush, close) turned
// into an OutputError naming the file and the OS reason.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace tandem {

class OutputFile {
 public:
  // Creates (or truncates) `path`. Throws OutputError.
  explicit OutputFile(std::filesystem::path path);
  ~OutputFile();  // closes without reporting; call close() to know it worked
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void write(std::string_view text);
  // Flushes to the device (so a renamed folder never holds a half-written file after a
  // crash) and closes. Throws OutputError.
  void close();

 private:
  [[noreturn]] void fail(const char* what, int error);

  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
};

// Writes `text` to a new file at `path` in one go. Throws OutputError.
void write_file(const std::filesystem::path& path, std::string_view text);

}  // namespace tandem
