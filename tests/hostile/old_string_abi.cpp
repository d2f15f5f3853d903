// A pay plan built with the old std::string (_GLIBCXX_USE_CXX11_ABI=0, set for this file
// in CMakeLists.txt): every string it hands Tandem would be read wrongly.
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

namespace {
class OldStringAbi final : public tandem::PayPlan {
 public:
  static tandem::Schema schema() { return tandem::Schema("old_string_abi", "Old strings."); }
  explicit OldStringAbi(const tandem::Params&) {}
  tandem::Statement pay(const tandem::Credits&, const tandem::PayPeriod&) const override {
    return {};
  }
};
}  // namespace

TANDEM_PLUGIN(OldStringAbi, "0.0.1")
