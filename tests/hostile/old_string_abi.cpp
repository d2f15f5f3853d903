// A pay plan built with the old std::string (_GLIBCXX_USE_CXX11_ABI=0, set for this file
// in CMakeLists.txt): every string it hands Tandem would be read wrongly.
#include "hostile_pay_plan.hpp"

void misbehave() {}  // its fault is how it was built
inline constexpr char kName[] = "old_string_abi";
using OldStringAbi = hostile::Plan<kName>;
TANDEM_PLUGIN(OldStringAbi, "0.0.1")
