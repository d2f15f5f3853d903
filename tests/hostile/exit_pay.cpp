// A pay plan that calls exit(0) inside pay(): a script would see success.
#include "hostile_pay_plan.hpp"

#include <cstdlib>

void misbehave() {
  std::exit(0);
}
inline constexpr char kName[] = "exit_pay";
using ExitPay = hostile::Plan<kName>;
TANDEM_PLUGIN(ExitPay, "0.0.1")
