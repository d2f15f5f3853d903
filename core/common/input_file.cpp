#include "common/input_file.hpp"

#include <tandem/errors.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace tandem {

std::string read_input_file(const std::filesystem::path& file, const std::string& what) {
  const auto fail = [&](int error) {
    // Input the user can fix (a wrong path): a located problem, exit code 2 like the rest.
    return ScenarioError({Problem{Location{file.string(), 0, 0, ""},
                                  "cannot read the " + what + " file: " + std::strerror(error)}});
  };
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"),
                                                          &std::fclose);
  if (!f) throw fail(errno);
  std::string text;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0) text.append(buffer, n);
  if (std::ferror(f.get())) throw fail(errno);  // a folder opens, but reading it fails
  return text;
}

}  // namespace tandem
