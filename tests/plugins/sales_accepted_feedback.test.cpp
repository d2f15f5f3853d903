// The sales_accepted_feedback lead policy, loaded as tandem loads it: what it declares,
// that it starts as a score threshold, what sales accepts, and which way it learns.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::test;

namespace {

// A lead sales keeps rejecting in the tests below: it says it needs what is sold (a high
// `need` on the form), and looks good otherwise.
LeadView needy() {
  LeadView lead = tandem::testing::lead(60, 0.7, 4);
  lead.need = 0.9;
  lead.timing = 0.5;
  lead.budget = 0.6;
  lead.authority = 0.5;
  lead.sales_read = 0;
  return lead;
}

// Another lead much like it, never reported on.
LeadView similar() {
  LeadView lead = needy();
  lead.id = 99;
  lead.score = 55;
  lead.need = 0.85;
  lead.sales_read = -1;
  return lead;
}

}  // namespace

TEST_CASE("sales_accepted_feedback declares its parameters and service level", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("sales_accepted_feedback");
  CHECK(p.kind() == PluginKind::lead_policy);
  CHECK(p.version() == "1.1.0");
  CHECK_FALSE(p.schema().doc().empty());
  REQUIRE(p.schema().params().size() == 7);

  const ParamSpec& share = spec(p, "mql_share");
  CHECK(share.type == ParamType::real);
  CHECK(std::get<double>(*share.default_value) == 0.2);
  CHECK(share.allowed.min == 0.0);
  CHECK(share.allowed.max == 1.0);
  const ParamSpec& rate = spec(p, "learning_rate");
  CHECK(rate.type == ParamType::real);
  CHECK(std::get<double>(*rate.default_value) == 0.05);
  CHECK(rate.allowed.min == 0.0);
  CHECK(rate.allowed.max == 1.0);
  CHECK(rate.allowed.unit == "per outcome");
  CHECK(std::get<std::string>(*spec(p, "routing").default_value) == "capacity");

  CHECK_FALSE(make_policy(p).works_accounts());
}

TEST_CASE("sales_accepted_feedback starts from the lead score and qualifies the top share",
          "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("sales_accepted_feedback");
  GuardedLeadPolicy policy = make_policy(p, {{"mql_share", 0.25}});

  // Only the intercept (-3) and the score (6 x score/100) carry weight at first, whatever
  // else the lead shows:
  //   score 60: z = -3 + 6 x 0.6 = 0.6,  p = 1 / (1 + e^-0.6) = 0.645656...
  //   score 40: z = -3 + 6 x 0.4 = -0.6, p = 1 / (1 + e^0.6)  = 0.354344...
  LeadView lead;
  lead.fit = 1.0;
  lead.need = 1.0;
  lead.engagement = 10;
  lead.score = 60;
  CHECK(policy.score(lead) == Approx(64.5656).margin(1e-4));
  lead.score = 40;
  CHECK(policy.score(lead) == Approx(35.4344).margin(1e-4));
  // Until 100 inquiries are seen, the cutoff is 50: even odds.
  lead.score = 60;
  CHECK(policy.is_mql(lead));
  lead.score = 40;
  CHECK_FALSE(policy.is_mql(lead));

  // 998 more inquiries with lead scores spread evenly over 0..99.8: their policy scores
  // rise with the lead score, so the top quarter are those with a lead score of about 75
  // and more (p = 1 / (1 + e^-(-3 + 6 x 0.75)) = 0.8176, a policy score of 81.8).
  for (int i = 0; i < 998; ++i) {
    lead.score = (i % 500) / 5.0;
    policy.is_mql(lead);
  }
  lead.score = 80;  // p = 0.8581: in the top quarter
  CHECK(policy.is_mql(lead));
  lead.score = 70;  // p = 0.7685: not
  CHECK_FALSE(policy.is_mql(lead));
}

TEST_CASE("sales_accepted_feedback: sales accepts only a lead it read a need in", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  GuardedLeadPolicy policy = make_policy(registry.load("sales_accepted_feedback"));
  LeadView lead;
  lead.score = 100;
  lead.need = 1.0;
  lead.sales_read = 1;
  CHECK(policy.accepts(lead));
  lead.sales_read = 0;
  CHECK_FALSE(policy.accepts(lead));  // the form says need, the rep found none
  lead.sales_read = -1;
  CHECK_FALSE(policy.accepts(lead));  // not reached yet: nothing read
  lead.score = 0;
  lead.need = 0;
  lead.sales_read = 1;
  CHECK(policy.accepts(lead));  // what the rep read decides, not the signals
}

TEST_CASE("sales_accepted_feedback learns down from rejections and up from wins", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("sales_accepted_feedback");

  GuardedLeadPolicy rejecting = make_policy(p);
  const double before = rejecting.score(similar());
  double last = before;
  for (int i = 0; i < 20; ++i) {
    rejecting.on_outcome(needy(), Outcome::rejected);
    const double now = rejecting.score(similar());
    CHECK(now < last);  // every rejection: y = 0 < p, so every weight of a positive signal falls
    last = now;
  }
  CHECK(last < before - 10);

  GuardedLeadPolicy winning = make_policy(p);
  LeadView won = needy();
  won.sales_read = 1;
  last = winning.score(similar());
  for (int i = 0; i < 20; ++i) {
    winning.on_outcome(won, Outcome::won);
    const double now = winning.score(similar());
    CHECK(now > last);
    last = now;
  }
  CHECK(last > before + 5);

  // A lost deal was a real opportunity: it counts as a lead, like a win.
  GuardedLeadPolicy losing = make_policy(p);
  losing.on_outcome(won, Outcome::lost);
  CHECK(losing.score(similar()) > before);
  // Sales accepting a lead counts as a lead, like a win.
  GuardedLeadPolicy accepting = make_policy(p);
  accepting.on_outcome(won, Outcome::accepted);
  CHECK(accepting.score(similar()) > before);
  // Disqualified and no decision teach nothing: they happen to good leads too.
  for (Outcome o : {Outcome::disqualified, Outcome::no_decision}) {
    GuardedLeadPolicy policy = make_policy(p);
    policy.on_outcome(needy(), o);
    CHECK(policy.score(similar()) == before);
  }

  // Learning moves what qualifies: after enough rejections the similar lead is no MQL.
  GuardedLeadPolicy fresh = make_policy(p);
  CHECK(fresh.is_mql(similar()));
  CHECK_FALSE(rejecting.is_mql(similar()));
}

TEST_CASE("sales_accepted_feedback never learns at learning_rate 0", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  GuardedLeadPolicy policy =
      make_policy(registry.load("sales_accepted_feedback"), {{"learning_rate", 0.0}});
  const double before = policy.score(similar());
  for (int i = 0; i < 10; ++i)
    for (Outcome o : {Outcome::rejected, Outcome::recycled, Outcome::disqualified, Outcome::won,
                      Outcome::lost, Outcome::no_decision, Outcome::accepted})
      policy.on_outcome(needy(), o);
  CHECK(policy.score(similar()) == before);
}

TEST_CASE("sales_accepted_feedback learns nothing from a recycled lead", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  GuardedLeadPolicy policy =
      make_policy(registry.load("sales_accepted_feedback"), {{"learning_rate", 1.0}});
  LeadView unreached = needy();
  unreached.sales_read = -1;
  const double before = policy.score(similar());
  for (int i = 0; i < 50; ++i) policy.on_outcome(unreached, Outcome::recycled);
  CHECK(policy.score(similar()) == before);
}
