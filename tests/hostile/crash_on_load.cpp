// A pay plan whose library crashes while it is opened: its initializer, run by the loader,
// dies of SIGSEGV (raised, so no optimizer can remove it as undefined behaviour).
#include "hostile_pay_plan.hpp"

#include <csignal>

namespace {
__attribute__((constructor)) void crash_when_loaded() {
  std::raise(SIGSEGV);
}
}  // namespace

void misbehave() {}  // never reached: the library does not open
inline constexpr char kName[] = "crash_on_load";
using CrashOnLoad = hostile::Plan<kName>;
TANDEM_PLUGIN(CrashOnLoad, "0.0.1")
