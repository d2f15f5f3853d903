// A pay plan that reads through a null pointer inside pay().
#include "hostile_pay_plan.hpp"

// Not instrumented by the sanitizers, so the access really faults under them too.
__attribute__((no_sanitize("address", "undefined"))) void misbehave() {
  volatile int* nowhere = nullptr;
  *nowhere = 1;
}
inline constexpr char kName[] = "segfault_pay";
using SegfaultPay = hostile::Plan<kName>;
TANDEM_PLUGIN(SegfaultPay, "0.0.1")
