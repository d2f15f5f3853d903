#include "cli/interrupt.hpp"

#include "plugins/fault_guard.hpp"

#include <csignal>

namespace tandem::cli {
namespace {

std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void on_signal(int) {
  interrupted.store(true);
  fault_guard::note_interrupt();  // a plugin call that will not return is stopped
}

}  // namespace

const std::atomic<bool>* stop_on_interrupt() {
  static const bool installed = [] {
    struct sigaction action {};
    action.sa_handler = on_signal;
    action.sa_flags = SA_RESETHAND;  // a second signal takes the default action: exit now
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    return true;
  }();
  (void)installed;
  return &interrupted;
}

}  // namespace tandem::cli
