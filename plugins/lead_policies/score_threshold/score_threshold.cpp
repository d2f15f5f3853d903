// The most common lead definition: an inquiry is an MQL when its lead score reaches a
// threshold. Sales accepts every MQL it reaches; routing and the service level are
// parameters, as for every policy.
#include <tandem/lead_policy.hpp>
#include <tandem/plugin.hpp>

namespace {
using namespace tandem;

class ScoreThreshold final : public LeadPolicy {
 public:
  static Schema schema() {
    Schema s("score_threshold", "An inquiry is an MQL when its lead score reaches a threshold.");
    s.param<double>("threshold", 50.0,
                    "Lowest lead score that makes an inquiry an MQL (score >= threshold).",
                    in_range(0.0, 100.0).with_unit("score points"));
    with_routing(s);
    return with_service_level(s);
  }

  explicit ScoreThreshold(const Params& p)
      : threshold_(p.get<double>("threshold")), router_(p), level_(service_level_from(p)) {}

  bool is_mql(const LeadView& lead) override { return lead.score >= threshold_; }
  int route(const LeadView& lead, std::span<const RepView> reps) override {
    return router_.route(lead, reps);
  }
  ServiceLevel service_level() const override { return level_; }

 private:
  double threshold_;
  Router router_;
  ServiceLevel level_;
};

}  // namespace

TANDEM_PLUGIN(ScoreThreshold, "1.1.0")
