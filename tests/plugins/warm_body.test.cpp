// warm_body: every inquiry with contact details is an MQL. Loaded from the build tree as
// the tandem program loads it.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::test;

TEST_CASE("warm_body declares only routing and the service level", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("warm_body");
  CHECK(p.kind() == PluginKind::lead_policy);
  CHECK(p.version() == "1.1.0");
  // No threshold: nothing but contact details is asked for.
  REQUIRE(p.schema().params().size() == 5);
  CHECK(p.schema().find("threshold") == nullptr);
  CHECK(std::get<std::string>(*spec(p, "routing").default_value) == "capacity");

  CHECK_FALSE(make_policy(p).works_accounts());
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
