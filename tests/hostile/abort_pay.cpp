// A pay plan that calls abort() inside pay(), as a failed assertion does.
#include "hostile_pay_plan.hpp"

#include <cstdlib>

void misbehave() {
  std::abort();
}
inline constexpr char kName[] = "abort_pay";
using AbortPay = hostile::Plan<kName>;
TANDEM_PLUGIN(AbortPay, "0.0.1")
