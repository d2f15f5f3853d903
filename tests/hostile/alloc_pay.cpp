// A pay plan that allocates memory without end inside pay(): with --memory-limit the
// allocation fails (std::bad_alloc) and the plugin is named; without, the system's
// out-of-memory killer would end Tandem with no word.
#include "hostile_pay_plan.hpp"

#include <cstring>
#include <vector>

void misbehave() {
  static std::vector<char*> kept;
  for (;;) {
    char* block = new char[64 << 20];
    std::memset(block, 1, 64 << 20);
    kept.push_back(block);
  }
}
inline constexpr char kName[] = "alloc_pay";
using AllocPay = hostile::Plan<kName>;
TANDEM_PLUGIN(AllocPay, "0.0.1")
