// A pay plan whose pay() never returns.
#include "hostile_pay_plan.hpp"

#include <atomic>

void misbehave() {
  std::atomic<bool> never{false};
  while (!never.load()) {
  }
}
inline constexpr char kName[] = "loop_pay";
using LoopPay = hostile::Plan<kName>;
TANDEM_PLUGIN(LoopPay, "0.0.1")
