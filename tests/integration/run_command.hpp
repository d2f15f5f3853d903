// Runs the real `tandem` program and captures its exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace tandem::test {

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh, empty scratch folder for one test.
inline std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::path(TANDEM_TEST_TMP) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// `args` is passed to the shell after the binary; quote paths with spaces yourself. `env`
// goes before it ("VAR=value", or "cd DIR &&"). The command records in a scratch run
// history, never the user's; pass --db in `args` for another.
inline CommandResult tandem_cmd(const std::string& args, const std::string& env = "") {
  const auto err_file =
      std::filesystem::path(TANDEM_TEST_TMP) / ("stderr-" + std::to_string(::getpid()));
  std::filesystem::create_directories(err_file.parent_path());
  const std::string history =
      "TANDEM_HISTORY_DB='" + std::string(TANDEM_TEST_TMP) + "/history.sqlite' ";
  const std::string cmd = env + (env.empty() ? "" : " ") + history + "'" +
                          std::string(TANDEM_BINARY) + "' " + args + " 2>'" + err_file.string() +
                          "'";
  CommandResult r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_file(err_file);
  std::filesystem::remove(err_file);
  return r;
}

// A scenario file in the project.
inline std::string project_file(const std::string& relative) {
  return (std::filesystem::path(TANDEM_PROJECT_DIR) / relative).string();
}

}  // namespace tandem::test
