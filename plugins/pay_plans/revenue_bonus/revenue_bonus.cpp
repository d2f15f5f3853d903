// Marketing paid on the revenue it sources: a share of closed revenue from the channels a
// marketer runs, optionally capped, on top of a salary. The plan that ties marketing's
// pay to what sales closes rather than to lead counts.
#include "../common/sourced_bonus.hpp"

namespace {

struct Revenue {
  static constexpr const char* name = "revenue_bonus";
  static constexpr const char* doc =
      "A salary plus a share of the closed revenue a marketer's channels sourced.";
  static constexpr double default_rate = 0.02;
  static constexpr const char* rate_doc = "Share of sourced closed revenue paid as a bonus.";
  static constexpr const char* component = "revenue bonus";
  static constexpr const char* what = "sourced revenue closed";
  static tandem::Money credited(const tandem::Credits& c) { return c.sourced_revenue; }
};
using RevenueBonus = tandem_plugins::SourcedBonus<Revenue>;

}  // namespace

TANDEM_PLUGIN(RevenueBonus, "1.0.0")
