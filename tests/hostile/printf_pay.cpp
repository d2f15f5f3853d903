// A pay plan that prints to standard output inside pay(): Tandem's own output (a table,
// --format json) would be corrupted.
#include "hostile_pay_plan.hpp"

#include <cstdio>

void misbehave() {
  std::printf("debug: paying someone\n");
}
inline constexpr char kName[] = "printf_pay";
using PrintfPay = hostile::Plan<kName>;
TANDEM_PLUGIN(PrintfPay, "0.0.1")
