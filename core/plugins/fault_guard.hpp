// Faults a C++ exception cannot carry out of a plugin: a crash (SIGSEGV, SIGBUS, SIGFPE,
// SIGILL, SIGABRT), a call to exit(), a call that never returns, output written to
// standard output. Each is named: which plugin, which call, for whom. Tandem then removes
// its unfinished folders and exits 1 (130 when the user interrupted a call that would not
// return).
//
// How. Every call into a plugin (the Guarded* wrappers) marks its thread "inside plugin P,
// call C, for S" in a slot of a fixed table. A crash's signal handler reads its thread's
// slot (async-signal-safe: plain loads, write(2), the folder removal in
// common/unfinished_folders.hpp, _exit); an exit() from inside a call is caught by an
// atexit handler on the same thread; a watchdog thread sees a slot whose call has not
// returned for the time limit. While plugins run, stdio's `stdout` is a stream whose write
// function runs on the printing thread (so it reads that thread's mark), and the file
// descriptor is a pipe a reader thread watches, for writes that bypass stdio.
//
// Limits (docs/writing-plugins.md). Tandem cannot recover the run: the process holds the
// plugin's broken state, so it reports and exits. _exit() and quick_exit() from a plugin,
// SIGKILL and the kernel's out-of-memory killer cannot be caught. A crash that corrupts
// Tandem's own memory first may not reach the handler. Bytes written past stdio (write(2),
// std::cout) are named by the one call running when they arrive, or else by the plugins
// the run called.
#pragma once

#include <cstdint>
#include <string_view>
#include <thread>

namespace tandem {

class LoadedPlugin;

namespace fault_guard {

// Installs the signal handlers and the exit guard, and starts the watchdog. Once per
// process, from main(); later calls do nothing.
void install();

// A plugin call that runs longer than this is a fault (default 300 seconds; 0: no limit).
void set_time_limit(double seconds);
double time_limit();

// Called from the interrupt handler: a call still running a second after it is reported
// and the process stops (a plugin that loops would otherwise ignore Ctrl-C).
void note_interrupt() noexcept;

// While it lives, standard output is watched: a byte written to it is a plugin's fault.
// For the parts of a command that call plugins and print nothing themselves.
class WatchedStdout {
 public:
  WatchedStdout();
  ~WatchedStdout();
  WatchedStdout(const WatchedStdout&) = delete;
  WatchedStdout& operator=(const WatchedStdout&) = delete;

 private:
  int saved_ = -1;         // the real standard output, restored at the end
  void* stdio_ = nullptr;  // stdio's own `stdout`, restored at the end
  std::thread reader_;
};

}  // namespace fault_guard

// Marks this thread as inside `call` of `plugin`, for `person` (a name) or `lead` (an id).
class PluginCall {
 public:
  PluginCall(const LoadedPlugin& plugin, const char* call, std::string_view person = {}) noexcept;
  PluginCall(const LoadedPlugin& plugin, const char* call, std::uint64_t lead) noexcept;
  ~PluginCall();
  PluginCall(const PluginCall&) = delete;
  PluginCall& operator=(const PluginCall&) = delete;
};

}  // namespace tandem
