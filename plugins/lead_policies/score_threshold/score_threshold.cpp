// The most common lead definition: an inquiry is an MQL when its lead score reaches a
// threshold. Sales accepts every MQL it reaches; the service level is a parameter.
#include <tandem/lead_policy.hpp>
#include <tandem/plugin.hpp>

#include <cstdint>
#include <string>

namespace {
using namespace tandem;

class ScoreThreshold final : public LeadPolicy {
 public:
  static Schema schema() {
    return Schema("score_threshold",
                  "An inquiry is an MQL when its lead score reaches a threshold.")
        .param<double>("threshold", 50.0,
                       "Lowest lead score that makes an inquiry an MQL (score >= threshold).",
                       in_range(0.0, 100.0).with_unit("score points"))
        .param<std::int64_t>("follow_up_periods", 1, "Sales should work an MQL within this time.",
                             in_range(1, 52).with_unit("periods"))
        .param<std::int64_t>("recycle_after_periods", 4,
                             "An MQL not worked by then goes back to nurture.",
                             in_range(1, 104).with_unit("periods"));
  }

  explicit ScoreThreshold(const Params& p)
      : threshold_(p.get<double>("threshold")),
        level_{static_cast<int>(p.get<std::int64_t>("follow_up_periods")),
               static_cast<int>(p.get<std::int64_t>("recycle_after_periods"))} {
    if (level_.recycle_after_periods < level_.follow_up_periods)
      throw Error("recycle_after_periods (" + std::to_string(level_.recycle_after_periods) +
                  ") must be at least follow_up_periods (" +
                  std::to_string(level_.follow_up_periods) +
                  "): a lead cannot be recycled before sales is due to work it");
  }

  bool is_mql(const LeadView& lead) override { return lead.score >= threshold_; }
  bool accepts(const LeadView&) override { return true; }
  ServiceLevel service_level() const override { return level_; }

 private:
  double threshold_;
  ServiceLevel level_;
};

}  // namespace

TANDEM_PLUGIN(ScoreThreshold, "1.0.0")
