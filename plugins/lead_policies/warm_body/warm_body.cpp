// "Just a warm body": every inquiry that left usable contact details is an MQL, whatever
// its score. The loosest definition there is, so the baseline for how much work marketing
// can hand sales when nothing filters it. Sales accepts every MQL it reaches; routing and
// the service level are parameters, as for every policy.
#include <tandem/lead_policy.hpp>
#include <tandem/plugin.hpp>

namespace {
using namespace tandem;

class WarmBody final : public LeadPolicy {
 public:
  static Schema schema() {
    Schema s("warm_body", "Every inquiry with contact details is an MQL (\"just a warm body\").");
    // No threshold: the point of this definition is that nothing but a reachable person
    // is asked for.
    with_routing(s);
    return with_service_level(s);
  }

  explicit WarmBody(const Params& p) : router_(p), level_(service_level_from(p)) {}

  // An inquiry sales cannot reach (no usable contact details) is no lead at all, even
  // under the loosest definition.
  bool is_mql(const LeadView& lead) override { return lead.has_contact; }
  // score() stays the company's lead score: the policy ranks nothing itself, so its
  // precision and AUC are those of the scoring model over everyone it lets through.
  int route(const LeadView& lead, std::span<const RepView> reps) override {
    return router_.route(lead, reps);
  }
  ServiceLevel service_level() const override { return level_; }

 private:
  Router router_;
  ServiceLevel level_;
};

}  // namespace

TANDEM_PLUGIN(WarmBody, "1.1.0")
