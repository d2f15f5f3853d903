// Runs the real `tandem` program and captures its exit code, stdout and stderr.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

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

// Starts tandem with `args` (one element per argument), waits (up to a minute) until
// `folder` holds a hidden partial output folder, i.e. the command has begun simulating,
// then sends it `signal`. Returns its exit code (-1 if it did not exit) and stderr.
inline CommandResult signal_once_begun(const std::vector<std::string>& args,
                                       const std::filesystem::path& folder, int signal) {
  const auto err_file = folder.parent_path() / (folder.filename().string() + "-stderr.txt");
  std::vector<std::string> argv_text{TANDEM_BINARY};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string history = std::string(TANDEM_TEST_TMP) + "/history.sqlite";
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 2);
    ::dup2(::open("/dev/null", O_WRONLY), 1);
    ::setenv("TANDEM_HISTORY_DB", history.c_str(), 1);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  CommandResult r;
  if (pid < 0) return r;
  bool begun = false;
  for (int i = 0; i < 600 && !begun; ++i) {
    for (const auto& e : std::filesystem::directory_iterator(folder))
      if (e.path().filename().string().rfind('.', 0) == 0) begun = true;
    if (!begun) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ::kill(pid, signal);
  int status = 0;
  ::waitpid(pid, &status, 0);
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
