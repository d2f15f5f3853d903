// The account_based lead policy, loaded as tandem loads it: what it declares, when an
// account qualifies, how it ranks accounts, and that it works accounts by their owner.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::test;

namespace {

LeadView account(int engaged, double fit) {
  LeadView lead;
  lead.buying_group_engaged = engaged;
  lead.fit = fit;
  lead.score = 10;  // the lead score plays no part
  return lead;
}

}  // namespace

TEST_CASE("account_based declares its parameters and service level", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("account_based");
  CHECK(p.kind() == PluginKind::lead_policy);
  CHECK(p.version() == "1.1.0");
  CHECK_FALSE(p.schema().doc().empty());
  REQUIRE(p.schema().params().size() == 7);

  const ParamSpec& engaged = spec(p, "min_engaged");
  CHECK(engaged.type == ParamType::integer);
  CHECK(std::get<std::int64_t>(*engaged.default_value) == 3);
  CHECK(engaged.allowed.min == 1.0);
  CHECK(engaged.allowed.max == 50.0);
  CHECK(engaged.allowed.unit == "people");
  const ParamSpec& fit = spec(p, "min_fit");
  CHECK(fit.type == ParamType::real);
  CHECK(std::get<double>(*fit.default_value) == 0.4);
  CHECK(fit.allowed.min == 0.0);
  CHECK(fit.allowed.max == 1.0);
  CHECK(fit.allowed.unit == "fit");
  CHECK(std::get<std::string>(*spec(p, "routing").default_value) == "territory");
}

TEST_CASE("account_based qualifies an account at exactly min_engaged and min_fit", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  GuardedLeadPolicy policy = make_policy(registry.load("account_based"));  // 3 people, 0.4
  CHECK(policy.is_mql(account(3, 0.4)));          // both at the boundary: >=
  CHECK_FALSE(policy.is_mql(account(2, 0.4)));    // one person short
  CHECK_FALSE(policy.is_mql(account(3, 0.399)));  // fits a little too poorly
  CHECK_FALSE(policy.is_mql(account(2, 1.0)));    // fit does not make up for the group
  CHECK_FALSE(policy.is_mql(account(50, 0.1)));   // nor the group for fit
  CHECK(policy.is_mql(account(10, 0.9)));
  CHECK(policy.accepts(account(3, 0.4)));  // sales accepts every account it reaches

  GuardedLeadPolicy strict = make_policy(registry.load("account_based"),
                                         {{"min_engaged", std::int64_t{5}}, {"min_fit", 0.7}});
  CHECK(strict.is_mql(account(5, 0.7)));
  CHECK_FALSE(strict.is_mql(account(4, 0.7)));
  CHECK_FALSE(strict.is_mql(account(5, 0.69)));

  GuardedLeadPolicy single = make_policy(registry.load("account_based"),
                                         {{"min_engaged", std::int64_t{1}}, {"min_fit", 0.0}});
  CHECK(single.is_mql(account(1, 0.0)));
  CHECK_FALSE(single.is_mql(account(0, 1.0)));
}

TEST_CASE("account_based ranks accounts by fit and buying group", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  GuardedLeadPolicy policy = make_policy(registry.load("account_based"));  // min_engaged 3
  // 100 x (0.5 x fit + 0.5 x min(1, engaged / 3))
  CHECK(policy.score(account(3, 0.4)) == Approx(70.0));
  CHECK(policy.score(account(0, 0.0)) == Approx(0.0));
  CHECK(policy.score(account(1, 0.6)) == Approx(30.0 + 50.0 / 3.0));
  CHECK(policy.score(account(9, 1.0)) == Approx(100.0));  // more than enough counts as enough
  CHECK(policy.score(account(9, 1.0)) == policy.score(account(3, 1.0)));
}

TEST_CASE("account_based works accounts and routes them to their owner", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("account_based");
  GuardedLeadPolicy policy = make_policy(p);
  CHECK(policy.works_accounts());

  std::vector<RepView> reps(4);
  for (RepView& r : reps) r.hours_per_period = 40;
  reps[3].hours_committed = 39;  // the busiest, but the owner
  LeadView lead = account(3, 0.5);
  lead.territory_owner = 3;
  CHECK(policy.route(lead, reps) == 3);
  lead.territory_owner = 0;
  CHECK(policy.route(lead, reps) == 0);

  GuardedLeadPolicy capacity = make_policy(p, {{"routing", std::string("capacity")}});
  CHECK(capacity.works_accounts());
  lead.territory_owner = 3;
  CHECK(capacity.route(lead, reps) == 0);  // the first with the most hours free
}
