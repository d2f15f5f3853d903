// The parameters every shipped lead policy shares (routing and the service level) come
// from one pair of SDK helpers; this checks each policy offers them and honours them.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::test;

TEST_CASE("every shipped lead policy routes and serves by the shared parameters", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const std::vector<std::string> policies = registry.available(PluginKind::lead_policy);
  REQUIRE(policies == std::vector<std::string>{"account_based", "bant", "sales_accepted_feedback",
                                               "score_threshold", "warm_body"});
  std::vector<RepView> team = reps(3, 30);
  team[0].hours_committed = 12;  // 40% of the period committed
  team[1].hours_committed = 6;   // 20%: the most hours free
  team[2].hours_committed = 9;   // 30%
  LeadView lead;
  lead.territory_owner = 2;
  for (const std::string& name : policies) {
    INFO(name);
    const LoadedPlugin& p = registry.load(name);
    for (const char* key :
         {"routing", "first_touch_hours", "recycle_after_periods", "max_touches", "on_breach"})
      CHECK(spec(p, key).doc.size() > 0);

    GuardedLeadPolicy defaults = make_policy(p);
    CHECK(defaults.service_level().first_touch_hours == 24.0);
    CHECK(defaults.service_level().recycle_after_periods == 4);
    CHECK(defaults.service_level().max_touches == 3);
    CHECK(defaults.service_level().on_breach == BreachAction::none);
    GuardedLeadPolicy escalating = make_policy(p, {{"on_breach", std::string("escalate")}});
    CHECK(escalating.service_level().on_breach == BreachAction::escalate);
    GuardedLeadPolicy custom = make_policy(p, {{"first_touch_hours", 2.5},
                                               {"recycle_after_periods", std::int64_t{8}},
                                               {"max_touches", std::int64_t{6}}});
    CHECK(custom.service_level().first_touch_hours == 2.5);
    CHECK(custom.service_level().recycle_after_periods == 8);
    CHECK(custom.service_level().max_touches == 6);

    GuardedLeadPolicy capacity = make_policy(p, {{"routing", std::string("capacity")}});
    CHECK(capacity.route(lead, team) == 1);
    GuardedLeadPolicy territory = make_policy(p, {{"routing", std::string("territory")}});
    CHECK(territory.route(lead, team) == 2);
    GuardedLeadPolicy turns = make_policy(p, {{"routing", std::string("round_robin")}});
    CHECK(turns.route(lead, team) == 0);
    CHECK(turns.route(lead, team) == 1);
    CHECK(turns.route(lead, team) == 2);
    CHECK(turns.route(lead, team) == 0);  // and round again
  }
}
