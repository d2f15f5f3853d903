// warm_body: every inquiry with contact details is an MQL. Loaded from the build tree as
// the tandem program loads it.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::test;

namespace {

const ParamSpec& spec(const LoadedPlugin& plugin, const char* name) {
  const ParamSpec* s = plugin.schema().find(name);
  REQUIRE(s != nullptr);
  return *s;
}

}  // namespace

TEST_CASE("warm_body declares only routing and the service level", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("warm_body");
  CHECK(p.kind() == PluginKind::lead_policy);
  CHECK(p.version() == "1.0.0");
  // No threshold: nothing but contact details is asked for.
  REQUIRE(p.schema().params().size() == 4);
  CHECK(p.schema().find("threshold") == nullptr);
  CHECK(std::get<std::string>(*spec(p, "routing").default_value) == "capacity");
  CHECK(std::get<double>(*spec(p, "first_touch_hours").default_value) == 24.0);
  CHECK(spec(p, "first_touch_hours").allowed.unit == "hours");
  CHECK(std::get<std::int64_t>(*spec(p, "recycle_after_periods").default_value) == 4);
  CHECK(std::get<std::int64_t>(*spec(p, "max_touches").default_value) == 3);

  const GuardedLeadPolicy defaults = make_policy(p);
  CHECK(defaults.service_level().first_touch_hours == 24.0);
  CHECK(defaults.service_level().recycle_after_periods == 4);
  CHECK(defaults.service_level().max_touches == 3);
  CHECK_FALSE(defaults.works_accounts());
}

TEST_CASE("warm_body: every inquiry with contact details is an MQL whatever its score",
          "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("warm_body");
  GuardedLeadPolicy policy = make_policy(p);
  LeadView lead;
  lead.has_contact = true;
  lead.score = 0.0;  // the worst score there is: still a warm body
  lead.fit = 0.0;
  CHECK(policy.is_mql(lead));
  lead.score = 100.0;
  CHECK(policy.is_mql(lead));
  CHECK(policy.accepts(lead));  // sales accepts every MQL it reaches

  // It ranks by the company's lead score (the default score()).
  lead.score = 37.5;
  CHECK(policy.score(lead) == 37.5);
}

TEST_CASE("warm_body refuses a lead without contact details", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("warm_body");
  GuardedLeadPolicy policy = make_policy(p);
  LeadView lead;
  lead.has_contact = false;
  lead.score = 100.0;  // however good it looks, sales cannot reach it
  lead.budget = lead.authority = lead.need = lead.timing = 1.0;
  CHECK_FALSE(policy.is_mql(lead));
}

TEST_CASE("warm_body routes by its routing parameter", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("warm_body");
  const LeadView lead;
  const std::vector<RepView> reps(3);

  GuardedLeadPolicy turns = make_policy(p, {{"routing", std::string("round_robin")}});
  CHECK(turns.route(lead, reps) == 0);
  CHECK(turns.route(lead, reps) == 1);
  CHECK(turns.route(lead, reps) == 2);
  CHECK(turns.route(lead, reps) == 0);  // and round again

  // The default, capacity: the smallest share of a period's hours committed (30/40 = 0.75,
  // 10/40 = 0.25, 20/40 = 0.5).
  std::vector<RepView> loaded(3);
  for (RepView& r : loaded) r.hours_per_period = 40;
  loaded[0].hours_committed = 30;
  loaded[1].hours_committed = 10;
  loaded[2].hours_committed = 20;
  GuardedLeadPolicy capacity = make_policy(p);
  CHECK(capacity.route(lead, loaded) == 1);

  GuardedLeadPolicy territory = make_policy(p, {{"routing", std::string("territory")}});
  LeadView owned;
  owned.territory_owner = 2;
  CHECK(territory.route(owned, reps) == 2);
}

TEST_CASE("warm_body hands its service level parameters to sales", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("warm_body");
  const GuardedLeadPolicy custom = make_policy(p, {{"first_touch_hours", 2.5},
                                                   {"recycle_after_periods", std::int64_t{8}},
                                                   {"max_touches", std::int64_t{6}}});
  CHECK(custom.service_level().first_touch_hours == 2.5);
  CHECK(custom.service_level().recycle_after_periods == 8);
  CHECK(custom.service_level().max_touches == 6);
}
