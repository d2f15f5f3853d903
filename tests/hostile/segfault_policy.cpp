// A lead policy that reads through a null pointer inside is_mql().
#include <tandem/lead_policy.hpp>
#include <tandem/plugin.hpp>

namespace {
class SegfaultPolicy final : public tandem::LeadPolicy {
 public:
  static tandem::Schema schema() {
    return tandem::Schema("segfault_policy", "Crashes inside is_mql().");
  }
  explicit SegfaultPolicy(const tandem::Params&) {}
  // Not instrumented by the sanitizers, so the access really faults under them too.
  __attribute__((no_sanitize("address", "undefined"))) bool is_mql(
      const tandem::LeadView& lead) override {
    volatile int* nowhere = nullptr;
    return *nowhere == static_cast<int>(lead.id);
  }
};
}  // namespace

TANDEM_PLUGIN(SegfaultPolicy, "0.0.1")
