// An inquiry is an MQL when the company fits and the person has engaged enough: a
// definition a team might propose against a plain score threshold.
#include <tandem/tandem.hpp>

#include <cstdint>

namespace {
using namespace tandem;

class FitAndEngagement final : public LeadPolicy {
 public:
  static Schema schema() {
    return Schema("fit_and_engagement",
                  "An inquiry is an MQL when its firmographic fit and its engagement both "
                  "reach a minimum.")
        .param<double>("min_fit", 0.5, "Lowest observed fit that qualifies.",
                       in_range(0.0, 1.0).with_unit("share"))
        .param<std::int64_t>("min_touches", 3, "Fewest touches that qualify.",
                             at_least(0.0).with_unit("touches"));
  }

  explicit FitAndEngagement(const Params& p)
      : min_fit_(p.get<double>("min_fit")), min_touches_(p.get<std::int64_t>("min_touches")) {}

  bool is_mql(const LeadView& lead) override {
    return lead.fit >= min_fit_ && lead.engagement >= min_touches_;
  }

 private:
  double min_fit_;
  std::int64_t min_touches_;
};

}  // namespace

TANDEM_PLUGIN(FitAndEngagement, "1.0.0")
