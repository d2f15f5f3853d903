// A pay plan with the right ABI number whose types are laid out differently from
// Tandem's, as if built against an edited SDK header: its layout entry says so.
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

namespace {
class WrongLayout final : public tandem::PayPlan {
 public:
  static tandem::Schema schema() { return tandem::Schema("wrong_layout", "Another layout."); }
  explicit WrongLayout(const tandem::Params&) {}
  tandem::Statement pay(const tandem::Credits&, const tandem::PayPeriod&) const override {
    return {};
  }
};
}  // namespace

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
