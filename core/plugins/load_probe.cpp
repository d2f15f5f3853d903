#include "plugins/load_probe.hpp"

#include "plugins/registry.hpp"

#include <chrono>
#include <csignal>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace tandem {

namespace {

std::filesystem::path g_program;

// A library that takes longer than this to open is stuck (opening one takes milliseconds).
constexpr auto kOpenLimit = std::chrono::seconds(20);

std::string signal_name(int sig) {
  switch (sig) {
    case SIGSEGV:
      return "SIGSEGV: an invalid memory access";
    case SIGBUS:
      return "SIGBUS: a bad memory access";
    case SIGFPE:
      return "SIGFPE: an arithmetic fault";
    case SIGILL:
      return "SIGILL: an illegal instruction";
    case SIGABRT:
      return "SIGABRT: abort(), a failed assertion or an uncaught exception";
    default:
      return "signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
  }
}

}  // namespace

void set_probe_program(std::filesystem::path program) {
  g_program = std::move(program);
}

std::optional<std::string> probe_failure(const std::filesystem::path& file) {
  if (g_program.empty()) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // What the library prints while it opens is not Tandem's output.
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const std::string program = g_program.string(), verb = "__probe", path = file.string();
  char* argv[] = {const_cast<char*>(program.c_str()), const_cast<char*>(verb.c_str()),
                  const_cast<char*>(path.c_str()), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return std::nullopt;  // cannot probe: open it directly, as before
  const auto deadline = std::chrono::steady_clock::now() + kOpenLimit;
  int status = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return std::nullopt;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return "not loadable: opening it did not finish within 20 seconds (a static "
             "initializer that never returns?)";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return std::nullopt;
  if (WIFSIGNALED(status))
    return "not loadable: opening it crashed (" + signal_name(WTERMSIG(status)) +
           "), in its static initializers or entry point";
  return "not loadable: opening it ended the process with exit code " +
         std::to_string(WEXITSTATUS(status)) + " (a static initializer that calls exit()?)";
}

int probe_main(const std::string& file) {
  set_probe_program({});  // no probing from the probe
  // A crash while opening ends this process by its signal, for the parent to name.
  for (const int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) std::signal(sig, SIG_DFL);
  const std::filesystem::path path(file);
  PluginRegistry registry({path.parent_path()});
  try {
    (void)registry.load(path.stem().string());
  } catch (const Error&) {
    // Refused cleanly (a wrong ABI, no entry point): the caller reports it itself.
  }
  std::fflush(nullptr);
  ::_exit(0);  // not exit(): the library's own exit handlers are not Tandem's to run
}

}  // namespace tandem
