// bant: an inquiry is an MQL when its weighted budget, authority, need and timing signals
// reach a threshold. Loaded from the build tree as the tandem program loads it; expected
// scores worked by hand.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::test;

namespace {

LeadView signals(double budget, double authority, double need, double timing) {
  LeadView lead;
  lead.has_contact = true;
  lead.budget = budget;
  lead.authority = authority;
  lead.need = need;
  lead.timing = timing;
  return lead;
}

}  // namespace

TEST_CASE("bant declares its weights and threshold and the shared parameters", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("bant");
  CHECK(p.kind() == PluginKind::lead_policy);
  CHECK(p.version() == "1.1.0");
  REQUIRE(p.schema().params().size() == 11);
  for (const char* weight : {"budget_weight", "authority_weight", "need_weight", "timing_weight"}) {
    INFO(weight);
    CHECK(spec(p, weight).type == ParamType::real);
    CHECK(std::get<double>(*spec(p, weight).default_value) == 0.25);
    CHECK(spec(p, weight).allowed.min == 0.0);
    CHECK(spec(p, weight).allowed.max == 1.0);
    CHECK(spec(p, weight).allowed.unit == "weight");
  }
  CHECK(std::get<double>(*spec(p, "threshold").default_value) == 0.5);
  CHECK(spec(p, "threshold").allowed.min == 0.0);
  CHECK(spec(p, "threshold").allowed.max == 1.0);
  CHECK(spec(p, "threshold").allowed.unit == "share");
  CHECK(spec(p, "require_contact").type == ParamType::boolean);
  CHECK(std::get<bool>(*spec(p, "require_contact").default_value));
  CHECK(std::get<std::string>(*spec(p, "routing").default_value) == "capacity");

  CHECK_FALSE(make_policy(p).works_accounts());
}

TEST_CASE("bant: an inquiry is an MQL when its weighted signals reach the threshold", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("bant");
  const std::map<std::string, Value> weights = {{"budget_weight", 0.4},
                                                {"authority_weight", 0.2},
                                                {"need_weight", 0.2},
                                                {"timing_weight", 0.2}};
  // 0.4 x 0.8 + 0.2 x 0.2 + 0.2 x 0.6 + 0.2 x 0.4 = 0.32 + 0.04 + 0.12 + 0.08 = 0.56,
  // a score of 56.0.
  const LeadView lead = signals(0.8, 0.2, 0.6, 0.4);

  auto at_half = weights;
  at_half["threshold"] = 0.5;
  GuardedLeadPolicy half = make_policy(p, at_half);
  CHECK(half.score(lead) == Approx(56.0));
  CHECK(half.is_mql(lead));  // 0.56 >= 0.5
  CHECK(half.accepts(lead));

  auto at_six_tenths = weights;
  at_six_tenths["threshold"] = 0.6;
  GuardedLeadPolicy stricter = make_policy(p, at_six_tenths);
  CHECK(stricter.score(lead) == Approx(56.0));  // the score does not depend on the threshold
  CHECK_FALSE(stricter.is_mql(lead));           // 0.56 < 0.6

  // Defaults, on the boundary: 4 x 0.25 x 0.5 = 0.5 exactly, which reaches 0.5 (>=).
  GuardedLeadPolicy defaults = make_policy(p);
  CHECK(defaults.score(signals(0.5, 0.5, 0.5, 0.5)) == 50.0);
  CHECK(defaults.is_mql(signals(0.5, 0.5, 0.5, 0.5)));
  // 0.25 x (0.5 + 0.5 + 0.5 + 0.49) = 0.4975: just short.
  CHECK_FALSE(defaults.is_mql(signals(0.5, 0.5, 0.5, 0.49)));
  CHECK(defaults.score(signals(0.0, 0.0, 0.0, 0.0)) == 0.0);
  CHECK(defaults.score(signals(1.0, 1.0, 1.0, 1.0)) == 100.0);
}

TEST_CASE("bant refuses a lead without contact details unless told not to", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("bant");
  LeadView lead = signals(1.0, 1.0, 1.0, 1.0);  // a score of 100
  lead.has_contact = false;

  GuardedLeadPolicy strict = make_policy(p);
  CHECK(strict.score(lead) == 100.0);
  CHECK_FALSE(strict.is_mql(lead));

  GuardedLeadPolicy lax = make_policy(p, {{"require_contact", false}});
  CHECK(lax.is_mql(lead));
  // The signals still decide: 0.25 x (0.1 + 0.1 + 0.1 + 0.1) = 0.1 < 0.5.
  CHECK_FALSE(lax.is_mql(signals(0.1, 0.1, 0.1, 0.1)));
}

TEST_CASE("bant refuses weights that do not sum to 1", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("bant");
  Stream stream(1, 0, 0);
  // The problem is the four weights together: it names no one key, so validation reports it
  // at the params map.
  const std::vector<ParamProblem> problems = p.check(params_for(p, {{"timing_weight", 0.5}}));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key.empty());
  // 0.4 + 0.3 + 0.3 + 0.2 = 1.2.
  CHECK_THROWS_WITH(
      p.make_lead_policy(params_for(p, {{"budget_weight", 0.4},
                                        {"authority_weight", 0.3},
                                        {"need_weight", 0.3},
                                        {"timing_weight", 0.2}}),
                         stream),
      Catch::Matchers::Contains("the BANT weights sum to 1.2 (budget 0.4 + authority 0.3 + need "
                                "0.3 + timing 0.2); they must sum to 1"));
  // 0.25 + 0.25 + 0.25 + 0.15 = 0.9: too little is refused too.
  CHECK_THROWS_WITH(
      p.make_lead_policy(params_for(p, {{"timing_weight", 0.15}}), stream),
      Catch::Matchers::Contains("the BANT weights sum to 0.9 (budget 0.25 + authority 0.25 + "
                                "need 0.25 + timing 0.15); they must sum to 1"));
  // 0.7 + 0.1 + 0.1 + 0.1 is 0.9999999999999999 in floating point: within 1e-9 of 1, so
  // accepted.
  CHECK_NOTHROW(make_policy(p, {{"budget_weight", 0.7},
                                {"authority_weight", 0.1},
                                {"need_weight", 0.1},
                                {"timing_weight", 0.1}}));
  // Every weight on one signal is allowed: qualify on need alone.
  CHECK_NOTHROW(make_policy(p, {{"budget_weight", 0.0},
                                {"authority_weight", 0.0},
                                {"need_weight", 1.0},
                                {"timing_weight", 0.0}}));
}
