// Account-based qualification: an account, not a lead, is qualified, once enough of its
// buying group has engaged and it fits. B2B purchases are made by groups, so one engaged
// person says less than several people of the same company. The engine then works the
// account as one: only one of its leads is in play, the others join it.
#include <tandem/lead_policy.hpp>
#include <tandem/plugin.hpp>

#include <algorithm>
#include <cstdint>

namespace {
using namespace tandem;

class AccountBased final : public LeadPolicy {
 public:
  static Schema schema() {
    Schema s("account_based",
             "An account is an MQL when enough of its buying group engaged and it fits.");
    s.param<std::int64_t>(
        "min_engaged", 3,
        "People of the same account who must have engaged for it to qualify (>= min_engaged).",
        in_range(1, 50).with_unit("people"));
    s.param<double>("min_fit", 0.4, "Lowest observed firmographic fit that qualifies (>= min_fit).",
                    in_range(0.0, 1.0).with_unit("fit"));
    // An account has an owner: territory routing sends it to them.
    with_routing(s, "territory");
    return with_service_level(s);
  }

  explicit AccountBased(const Params& p)
      : min_engaged_(static_cast<int>(p.get<std::int64_t>("min_engaged"))),
        min_fit_(p.get<double>("min_fit")),
        router_(p),
        level_(service_level_from(p)) {}

  bool is_mql(const LeadView& lead) override {
    return lead.buying_group_engaged >= min_engaged_ && lead.fit >= min_fit_;
  }

  // Half fit, half how much of the required buying group has engaged, so accounts rank by
  // both of the things that qualify them.
  double score(const LeadView& lead) const override {
    const double group = std::min(
        1.0, static_cast<double>(lead.buying_group_engaged) / static_cast<double>(min_engaged_));
    return 100.0 * (0.5 * lead.fit + 0.5 * group);
  }

  int route(const LeadView& lead, std::span<const RepView> reps) override {
    return router_.route(lead, reps);
  }

  bool works_accounts() const override { return true; }

  ServiceLevel service_level() const override { return level_; }

 private:
  int min_engaged_;
  double min_fit_;
  Router router_;
  ServiceLevel level_;
};

}  // namespace

TANDEM_PLUGIN(AccountBased, "1.1.0")
