#include "plugins/fault_guard.hpp"

#include "common/unfinished_folders.hpp"
#include "plugins/registry.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace tandem {

namespace {

// One thread's "inside a plugin call" mark. The owner thread writes it; its own signal
// handler, the exit guard, the watchdog and the output reader read it.
struct Slot {
  std::atomic<int> owned{0};
  std::atomic<bool> inside{false};           // inside the call described below
  std::atomic<const char*> plugin{nullptr};  // the thread's latest call: plugin, file, call
  std::atomic<const char*> path{nullptr};
  std::atomic<const char*> call{nullptr};
  std::atomic<std::uint64_t> lead{0};
  std::atomic<bool> has_lead{false};
  char person[64] = {};
  std::atomic<std::uint64_t> calls{0};  // calls begun: the watchdog's sign of progress
  alignas(16) char signal_stack[64 * 1024];
};

constexpr int kSlots = 64;
Slot slots[kSlots];

void on_thread_end_inside_call(const Slot& s) noexcept;

// Releases this thread's slot when the thread ends. A thread whose destructors run while it
// is inside a plugin call is leaving from inside the plugin: exit() runs the calling
// thread's destructors first, before any exit handler or static destructor, so this is
// where an exit() from a plugin is caught before the rest of the process is torn down.
struct SlotOwner {
  Slot* slot = nullptr;
  ~SlotOwner() {
    if (!slot) return;
    if (slot->inside.load()) on_thread_end_inside_call(*slot);
    stack_t off{};
    off.ss_flags = SS_DISABLE;
    sigaltstack(&off, nullptr);
    slot->owned.store(0);
  }
};
thread_local SlotOwner t_owner;

// The calling thread's slot, claimed on first use, with an alternate signal stack so a
// plugin that overflowed its stack can still be named.
Slot* my_slot() noexcept {
  if (t_owner.slot) return t_owner.slot;
  for (Slot& s : slots) {
    int expected = 0;
    if (!s.owned.compare_exchange_strong(expected, 1)) continue;
    stack_t stack{};
    stack.ss_sp = s.signal_stack;
    stack.ss_size = sizeof s.signal_stack;
    sigaltstack(&stack, nullptr);
    t_owner.slot = &s;
    return &s;
  }
  return nullptr;  // more threads than slots: this one's calls go unmarked
}

// A message built without allocating, for signal handlers.
class Message {
 public:
  Message& add(const char* s) noexcept {
    while (s && *s && n_ < sizeof text_ - 1) text_[n_++] = *s++;
    return *this;
  }
  Message& add(std::uint64_t v) noexcept {
    char digits[24];
    int k = 0;
    do digits[k++] = static_cast<char>('0' + v % 10);
    while ((v /= 10) != 0 && k < 24);
    while (k > 0 && n_ < sizeof text_ - 1) text_[n_++] = digits[--k];
    return *this;
  }
  void write_to(int fd) const noexcept {
    std::size_t done = 0;
    while (done < n_) {
      const ssize_t w = ::write(fd, text_ + done, n_ - done);
      if (w <= 0) return;
      done += static_cast<std::size_t>(w);
    }
  }

 private:
  char text_[2048];
  std::size_t n_ = 0;
};

// "error: plugin 'P' (PATH) failed: C() for WHO "
Message& describe(Message& m, const Slot& s) noexcept {
  m.add("error: plugin '").add(s.plugin.load()).add("' (").add(s.path.load()).add(") failed: ");
  m.add(s.call.load()).add("()");
  if (s.has_lead.load())
    m.add(" for lead ").add(s.lead.load());
  else if (s.person[0])
    m.add(" for ").add(s.person);
  return m.add(" ");
}

std::atomic<bool> g_stopping{false};

// Names the fault, removes what was being written, and ends the process. Only the first
// fault is reported: another thread that faults meanwhile waits for the end.
[[noreturn]] void stop(Message& m, int exit_code) noexcept {
  if (g_stopping.exchange(true))
    for (;;) ::pause();
  m.add(
      "; the run stopped and its unfinished folder was removed. Fix the plugin, or run "
      "without it (docs/writing-plugins.md: what Tandem does with a plugin's faults)\n");
  m.write_to(STDERR_FILENO);
  unfinished_folders::delete_all();
  ::_exit(exit_code);
}

const char* signal_text(int sig) noexcept {
  switch (sig) {
    case SIGSEGV:
      return "crashed (SIGSEGV: an invalid memory access)";
    case SIGBUS:
      return "crashed (SIGBUS: a misaligned or missing memory access)";
    case SIGFPE:
      return "crashed (SIGFPE: an arithmetic fault, such as a whole number divided by zero)";
    case SIGILL:
      return "crashed (SIGILL: an illegal instruction)";
    case SIGABRT:
      return "aborted (SIGABRT: abort() or a failed assertion)";
    default:
      return "crashed";
  }
}

extern "C" void on_fatal_signal(int sig, siginfo_t*, void*) {
  Slot* s = t_owner.slot;
  if (s && s->inside.load()) {
    Message m;
    describe(m, *s).add(signal_text(sig));
    stop(m, 1);
  }
  // Tandem's own fault: still remove what was half written, then die by the signal.
  if (g_stopping.exchange(true))
    for (;;) ::pause();
  Message m;
  m.add("tandem: internal error: ")
      .add(signal_text(sig))
      .add("; unfinished output was removed. Please report it with the command you ran\n");
  m.write_to(STDERR_FILENO);
  unfinished_folders::delete_all();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void on_thread_end_inside_call(const Slot& s) noexcept {
  Message m;
  describe(m, s).add("called exit() or pthread_exit()");
  stop(m, 1);
}

// exit() from inside a plugin call runs the atexit handlers on the calling thread (the
// thread's destructors, above, come first; this is the fallback).
extern "C" void on_exit_inside_call() {
  Slot* s = t_owner.slot;
  if (!s || !s->inside.load()) return;
  Message m;
  describe(m, *s).add("called exit()");
  stop(m, 1);
}

std::atomic<double> g_time_limit{300.0};
std::atomic<bool> g_interrupted{false};

// Every quarter second: a slot inside a call whose count of calls has not moved for the
// time limit (or for a second after an interrupt) is a call that does not return.
void watch() {
  using namespace std::chrono;
  struct Seen {
    std::uint64_t calls = 0;
    double stuck = 0;
  };
  Seen seen[kSlots];
  constexpr double kTick = 0.25;
  for (;;) {
    std::this_thread::sleep_for(milliseconds(250));
    const double limit = g_time_limit.load();
    const bool interrupted = g_interrupted.load();
    for (int i = 0; i < kSlots; ++i) {
      Slot& s = slots[i];
      const std::uint64_t calls = s.calls.load();
      if (!s.inside.load() || calls != seen[i].calls) {
        seen[i] = {calls, 0};
        continue;
      }
      seen[i].stuck += kTick;
      if (interrupted && seen[i].stuck >= 1.0) {
        Message m;
        describe(m, s)
            .add("was interrupted while it ran (it had not returned ")
            .add(static_cast<std::uint64_t>(seen[i].stuck))
            .add(" seconds after Ctrl-C)");
        stop(m, 130);
      }
      if (limit > 0 && seen[i].stuck >= limit) {
        Message m;
        describe(m, s)
            .add("did not return within ")
            .add(static_cast<std::uint64_t>(limit))
            .add(" seconds (the limit: --plugin-time-limit)");
        stop(m, 1);
      }
    }
  }
}

// Standard output while plugins run. stdio's `stdout` is a stream of Tandem's (on_stdio_
// write), and the file descriptor a pipe (read_output): Tandem prints nothing then, so
// any byte is a plugin's. g_calls_at_watch says which threads called plugins since.
std::uint64_t g_calls_at_watch[kSlots];

// "wrote to standard output ("first line")" and the rest of the message.
Message& wrote(Message& m, const char* data, std::size_t n) noexcept {
  char line[120];
  std::size_t k = 0;
  while (k < n && k < sizeof line - 1 && data[k] != '\n' && data[k] != '\r') {
    line[k] = data[k];
    ++k;
  }
  line[k] = '\0';
  return m.add("wrote to standard output (\"")
      .add(line)
      .add(
          "\"): plugins must not print, since Tandem's standard output (tables, --format json) is "
          "read by programs; give reasons in the statement, or write to standard error");
}

// stdio's standard output while watched: runs on the thread that printed, so the call that
// printed is this thread's mark, exactly.
extern "C" ssize_t on_stdio_write(void*, const char* data, size_t n) {
  Message m;
  const Slot* s = t_owner.slot;
  if (s && s->inside.load())
    describe(m, *s);
  else
    m.add("error: a plugin (on a thread of its own) ");
  wrote(m, data, n);
  stop(m, 1);
}

// Bytes on the file descriptor itself (write(2), a stream other than stdio's): named by the
// one call running when they arrive; with several or none, the plugins the run called.
void read_output(int fd) {
  char buffer[256];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  ::close(fd);
  if (n <= 0) return;  // closed: the watched part ended with nothing printed
  const Slot* inside = nullptr;
  int running = 0;
  for (const Slot& s : slots)
    if (s.inside.load()) {
      inside = &s;
      ++running;
    }
  Message m;
  if (running == 1) {
    describe(m, *inside);
  } else {
    m.add("error: one of the plugins this run called (");
    bool first = true;
    for (int i = 0; i < kSlots; ++i)
      if (slots[i].plugin.load() && slots[i].calls.load() != g_calls_at_watch[i]) {
        m.add(first ? "" : ", ").add(slots[i].plugin.load());
        first = false;
      }
    m.add(") ");
  }
  wrote(m, buffer, static_cast<std::size_t>(n));
  stop(m, 1);
}

}  // namespace

namespace fault_guard {

void install() {
  static std::once_flag once;
  std::call_once(once, [] {
    (void)my_slot();  // the main thread's slot and signal stack
    struct sigaction action {};
    action.sa_sigaction = on_fatal_signal;
    // Not SA_RESETHAND: a second thread faulting while the first reports must wait in the
    // handler (stop()), not take the default action and kill the process mid-report.
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (const int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
      sigaction(sig, &action, nullptr);
    // One exit handler per slot: glibc hands each handler to one exit() caller, and every
    // thread that calls exit() from inside a plugin call must meet one (or the process
    // would end with that thread's exit code).
    for (int i = 0; i < kSlots; ++i) std::atexit(on_exit_inside_call);
    std::thread(watch).detach();
  });
}

void set_time_limit(double seconds) {
  g_time_limit.store(std::max(0.0, seconds));
}

double time_limit() {
  return g_time_limit.load();
}

void note_interrupt() noexcept {
  g_interrupted.store(true);
}

WatchedStdout::WatchedStdout() {
  int ends[2];
  std::fflush(stdout);
  if (::pipe2(ends, O_CLOEXEC) != 0) return;
  saved_ = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0);
  if (saved_ < 0 || ::dup2(ends[1], STDOUT_FILENO) < 0) {
    ::close(ends[0]);
    ::close(ends[1]);
    saved_ = -1;
    return;
  }
  ::close(ends[1]);
  for (int i = 0; i < kSlots; ++i) g_calls_at_watch[i] = slots[i].calls.load();
  reader_ = std::thread(read_output, ends[0]);
  // stdio's standard output goes to a stream of Tandem's, unbuffered: a plugin's printf
  // reaches on_stdio_write on its own thread, during its call.
  cookie_io_functions_t io{nullptr, on_stdio_write, nullptr, nullptr};
  if (FILE* watched = fopencookie(nullptr, "w", io)) {
    std::setvbuf(watched, nullptr, _IONBF, 0);
    stdio_ = stdout;
    stdout = watched;
  }
}

WatchedStdout::~WatchedStdout() {
  if (saved_ < 0) return;
  if (stdio_) {
    FILE* watched = stdout;
    stdout = static_cast<FILE*>(stdio_);
    std::fclose(watched);
  }
  std::fflush(stdout);
  ::dup2(saved_, STDOUT_FILENO);  // closes the pipe's last write end: the reader sees EOF
  ::close(saved_);
  reader_.join();  // a byte that arrived ends the process there; else the reader returns
}

}  // namespace fault_guard

namespace {

void mark(Slot& s, const LoadedPlugin& plugin, const char* call) noexcept {
  s.plugin.store(plugin.name().c_str(), std::memory_order_relaxed);
  s.path.store(plugin.path().c_str(), std::memory_order_relaxed);
  s.call.store(call, std::memory_order_relaxed);
  // Only this thread writes the count: no read-modify-write needed.
  s.calls.store(s.calls.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  s.inside.store(true, std::memory_order_release);
}

}  // namespace

PluginCall::PluginCall(const LoadedPlugin& plugin, const char* call,
                       std::string_view person) noexcept {
  Slot* s = my_slot();
  if (!s) return;
  const std::size_t n = std::min(person.size(), sizeof s->person - 1);
  if (n > 0) std::memcpy(s->person, person.data(), n);
  s->person[n] = '\0';
  s->has_lead.store(false, std::memory_order_relaxed);
  mark(*s, plugin, call);
}

PluginCall::PluginCall(const LoadedPlugin& plugin, const char* call, std::uint64_t lead) noexcept {
  Slot* s = my_slot();
  if (!s) return;
  s->lead.store(lead, std::memory_order_relaxed);
  s->has_lead.store(true, std::memory_order_relaxed);
  mark(*s, plugin, call);
}

PluginCall::~PluginCall() {
  if (Slot* s = t_owner.slot) s->inside.store(false, std::memory_order_release);
}

}  // namespace tandem
