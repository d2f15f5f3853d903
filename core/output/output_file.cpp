#include "output/output_file.hpp"

#include <tandem/errors.hpp>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include <unistd.h>

namespace tandem {

OutputFile::OutputFile(std::filesystem::path path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (!file_) fail("cannot create", errno);
}

OutputFile::~OutputFile() {
  if (file_) std::fclose(file_);
}

void OutputFile::write(std::string_view text) {
  if (text.empty()) return;
  if (!file_) throw OutputError("cannot write '" + path_.string() + "': the file is closed");
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) fail("cannot write", errno);
}

void OutputFile::close() {
  if (!file_) return;
  std::FILE* f = std::exchange(file_, nullptr);
  int error = 0;
  if (std::fflush(f) != 0) error = errno;
  // Some file systems cannot sync (EINVAL, ENOTSUP); the data is written all the same.
  if (error == 0 && ::fsync(fileno(f)) != 0 && errno != EINVAL && errno != ENOTSUP) error = errno;
  if (std::fclose(f) != 0 && error == 0) error = errno;
  if (error != 0) fail("cannot write", error);
}

void OutputFile::fail(const char* what, int error) {
  throw OutputError(std::string(what) + " '" + path_.string() + "': " + std::strerror(error) +
                    ": choose a writable folder with --out");
}

void write_file(const std::filesystem::path& path, std::string_view text) {
  OutputFile file(path);
  file.write(text);
  file.close();
}

}  // namespace tandem
