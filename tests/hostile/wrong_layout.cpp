// A pay plan with the right ABI number whose types are laid out differently from
// Tandem's, as if built against an edited SDK header: its layout entry says so.
#include "hostile_pay_plan.hpp"

void misbehave() {}  // its fault is its layout
inline constexpr char kName[] = "wrong_layout";
using WrongLayout = hostile::Plan<kName>;

// TANDEM_PLUGIN's three entry points, the layout one changed as an edited header would.
extern "C" __attribute__((visibility("default"))) const tandem::PluginInfo* tandem_plugin_info() {
  return tandem::detail::plugin_info<WrongLayout>("0.0.1");
}
extern "C" __attribute__((visibility("default"))) tandem::ParamCheck tandem_plugin_check() {
  return nullptr;
}
extern "C" __attribute__((visibility("default"))) tandem::PluginLayout tandem_plugin_layout() {
  tandem::PluginLayout layout = tandem::detail::layout();
  layout.fingerprint ^= 0x5a5a;  // one type a few bytes longer, say
  return layout;
}
