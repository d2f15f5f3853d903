// A pay plan whose library crashes while it is opened: its initializer, run by the loader,
// dies of SIGSEGV (raised, so no optimizer can remove it as undefined behaviour).
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>

#include <csignal>

namespace {
__attribute__((constructor)) void crash_when_loaded() {
  std::raise(SIGSEGV);
}

class CrashOnLoad final : public tandem::PayPlan {
 public:
  static tandem::Schema schema() { return tandem::Schema("crash_on_load", "Never loads."); }
  explicit CrashOnLoad(const tandem::Params&) {}
  tandem::Statement pay(const tandem::Credits&, const tandem::PayPeriod&) const override {
    return {};
  }
};
}  // namespace

TANDEM_PLUGIN(CrashOnLoad, "0.0.1")
