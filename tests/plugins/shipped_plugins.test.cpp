// The three shipped plugins, loaded from the build tree as the tandem program loads them:
// what they declare, and their exact payouts and decisions.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::test;

namespace {

std::int64_t cents_of(const Statement& s, const std::string& component) {
  for (const auto& line : s.lines())
    if (line.component == component) return line.amount.cents();
  FAIL("no component '" << component << "'");
  return 0;
}

std::string reason_of(const Statement& s, const std::string& component) {
  for (const auto& line : s.lines())
    if (line.component == component) return line.reason;
  FAIL("no component '" << component << "'");
  return {};
}

Credits with_mqls(std::int64_t n) {
  Credits c;
  c.mqls = n;
  return c;
}

}  // namespace

TEST_CASE("flat_commission declares its kind, version and parameters", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("flat_commission");
  CHECK(p.name() == "flat_commission");
  CHECK(p.kind() == PluginKind::pay_plan);
  CHECK(p.version() == "1.0.0");
  CHECK(p.abi() == TANDEM_SDK_ABI);
  CHECK(p.sdk_version() == TANDEM_VERSION_STRING);
  CHECK(p.path() == kShippedDir / "flat_commission.so");
  CHECK_FALSE(p.schema().doc().empty());
  REQUIRE(p.schema().params().size() == 3);

  const ParamSpec& rate = spec(p, "rate");
  CHECK(rate.type == ParamType::real);
  CHECK(std::get<double>(*rate.default_value) == 0.10);
  CHECK(rate.allowed.min == 0.0);
  CHECK(rate.allowed.max == 1.0);
  const ParamSpec& base = spec(p, "base_salary");
  CHECK(base.type == ParamType::money);
  CHECK(std::get<Money>(*base.default_value) == Money{});
  CHECK(base.allowed.min == 0.0);
  const ParamSpec& cap = spec(p, "cap");
  CHECK(cap.type == ParamType::money);
  CHECK(std::get<Money>(*cap.default_value).is_unlimited());
}

TEST_CASE("flat_commission pays its rate of bookings, rounded half away from zero", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("flat_commission");

  const Statement s = make_plan(p).pay(booked("12345.67"), month());
  REQUIRE(s.lines().size() == 1);  // no base salary line when there is none
  CHECK(s.lines()[0].component == "commission");
  CHECK(s.total().cents() == 123457);  // 1234.567 -> 1234.57
  CHECK(s.lines()[0].reason == "10.0% of 12345.67 booked");

  // 50% of 12345.67 is 6172.835: the half cent goes away from zero.
  CHECK(make_plan(p, {{"rate", 0.5}}).pay(booked("12345.67"), month()).total().cents() == 617284);
  CHECK(make_plan(p, {{"rate", 0.5}}).pay(booked("0.01"), month()).total().cents() == 1);
  CHECK(make_plan(p, {{"rate", 0.125}}).pay(booked("41250.00"), month()).lines()[0].reason ==
        "12.5% of 41250.00 booked");
  CHECK(make_plan(p).pay(Credits{}, month()).total().cents() == 0);
}

TEST_CASE("flat_commission caps the commission per pay period", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("flat_commission");
  const GuardedPayPlan plan = make_plan(p, {{"cap", money("3000.00")}});

  const Statement over = plan.pay(booked("50000.00"), month());
  CHECK(cents_of(over, "commission") == 300000);
  CHECK(reason_of(over, "commission") ==
        "10.0% of 50000.00 booked = 5000.00, capped at 3000.00 per pay period");
  CHECK(cents_of(plan.pay(booked("30000.00"), month()), "commission") == 300000);  // at the cap
  CHECK(cents_of(plan.pay(booked("29999.99"), month()), "commission") == 300000);  // 2999.999
  CHECK(cents_of(plan.pay(booked("20000.00"), month()), "commission") == 200000);
}

TEST_CASE("flat_commission prorates the base salary over the pay period", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("flat_commission");
  const GuardedPayPlan plan = make_plan(p, {{"base_salary", money("120000.00")}});

  const Statement m = plan.pay(booked("10000.00"), month());
  REQUIRE(m.lines().size() == 2);
  CHECK(m.lines()[0].component == "base salary");
  CHECK(m.lines()[0].amount.cents() == 1000000);
  CHECK(m.lines()[0].reason == "120000.00 a year, prorated for a month (0.0833 of a year)");
  CHECK(m.total().cents() == 1100000);
  CHECK(cents_of(plan.pay(Credits{}, quarter()), "base salary") == 3000000);
  CHECK(cents_of(plan.pay(Credits{}, year()), "base salary") == 12000000);
  // 100000.00 / 12 = 8333.333...: the one rounding rule, not truncation.
  CHECK(cents_of(make_plan(p, {{"base_salary", money("100000.00")}}).pay(Credits{}, month()),
                 "base salary") == 833333);
  CHECK(cents_of(make_plan(p, {{"base_salary", money("100000.01")}}).pay(Credits{}, quarter()),
                 "base salary") == 2500000);  // 25000.0025
}

TEST_CASE("a pay plan is pure: same credits, same cents", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  for (const char* name : {"flat_commission", "salary_mql_bonus"}) {
    const GuardedPayPlan plan = make_plan(registry.load(name));
    Credits c = booked("98765.43");
    c.mqls = 77;
    const Statement first = plan.pay(c, quarter());
    for (int i = 0; i < 100; ++i) {
      const Statement again = plan.pay(c, quarter());
      REQUIRE(again.lines().size() == first.lines().size());
      for (std::size_t l = 0; l < again.lines().size(); ++l) {
        CHECK(again.lines()[l].amount == first.lines()[l].amount);
        CHECK(again.lines()[l].reason == first.lines()[l].reason);
      }
    }
  }
}

TEST_CASE("salary_mql_bonus declares its parameters", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("salary_mql_bonus");
  CHECK(p.kind() == PluginKind::pay_plan);
  CHECK(p.version() == "1.0.0");
  REQUIRE(p.schema().params().size() == 4);
  CHECK(std::get<Money>(*spec(p, "salary").default_value) == money("90000.00"));
  CHECK(std::get<Money>(*spec(p, "bonus_per_mql").default_value) == money("40.00"));
  CHECK(spec(p, "mql_threshold").type == ParamType::integer);
  CHECK(std::get<std::int64_t>(*spec(p, "mql_threshold").default_value) == 0);
  CHECK(spec(p, "mql_threshold").allowed.min == 0.0);
  CHECK(std::get<Money>(*spec(p, "bonus_cap").default_value).is_unlimited());
}

TEST_CASE("salary_mql_bonus pays a prorated salary and a bonus per MQL", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("salary_mql_bonus");
  const GuardedPayPlan plan = make_plan(p);

  const Statement s = plan.pay(with_mqls(30), month());
  REQUIRE(s.lines().size() == 2);
  CHECK(s.lines()[0].component == "salary");
  CHECK(s.lines()[0].amount.cents() == 750000);  // 90000.00 / 12
  CHECK(s.lines()[1].component == "mql bonus");
  CHECK(s.lines()[1].amount.cents() == 120000);  // 30 x 40.00
  CHECK(s.lines()[1].reason == "40.00 x 30 MQLs");
  CHECK(cents_of(plan.pay(with_mqls(0), quarter()), "salary") == 2250000);
  CHECK(cents_of(plan.pay(with_mqls(0), quarter()), "mql bonus") == 0);
  CHECK(cents_of(plan.pay(with_mqls(1), year()), "salary") == 9000000);
  CHECK(reason_of(plan.pay(with_mqls(1), year()), "mql bonus") == "40.00 x 1 MQL");
}

TEST_CASE("salary_mql_bonus pays only MQLs above the threshold, up to the cap", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("salary_mql_bonus");
  const GuardedPayPlan above = make_plan(p, {{"mql_threshold", std::int64_t{20}}});

  const Statement s = above.pay(with_mqls(30), month());
  CHECK(cents_of(s, "mql bonus") == 40000);  // 10 above 20
  CHECK(reason_of(s, "mql bonus") == "40.00 x 10 MQLs above the threshold of 20 (30 MQLs)");
  CHECK(cents_of(above.pay(with_mqls(20), month()), "mql bonus") == 0);
  CHECK(cents_of(above.pay(with_mqls(21), month()), "mql bonus") == 4000);
  CHECK(reason_of(above.pay(with_mqls(15), month()), "mql bonus") ==
        "40.00 x 0 MQLs (15 MQLs, none above the threshold of 20)");

  const GuardedPayPlan capped = make_plan(
      p, {{"bonus_cap", money("300.00")}, {"bonus_per_mql", money("25.50")}, {"salary", Money{}}});
  const Statement c = capped.pay(with_mqls(30), month());
  CHECK(cents_of(c, "salary") == 0);
  CHECK(cents_of(c, "mql bonus") == 30000);
  CHECK(reason_of(c, "mql bonus") == "25.50 x 30 MQLs = 765.00, capped at 300.00 per pay period");
  CHECK(cents_of(capped.pay(with_mqls(11), month()), "mql bonus") == 28050);  // under the cap
}

TEST_CASE("score_threshold declares its parameters and service level", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("score_threshold");
  CHECK(p.kind() == PluginKind::lead_policy);
  CHECK(p.version() == "1.1.0");
  REQUIRE(p.schema().params().size() == 6);
  CHECK(std::get<double>(*spec(p, "threshold").default_value) == 50.0);
  CHECK(spec(p, "threshold").allowed.max == 100.0);
  CHECK(std::get<std::string>(*spec(p, "routing").default_value) == "capacity");
}

TEST_CASE("score_threshold: an inquiry is an MQL when its score reaches the threshold",
          "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("score_threshold");
  GuardedLeadPolicy policy = make_policy(p, {{"threshold", 60.0}});
  LeadView lead;
  lead.score = 60.0;
  CHECK(policy.is_mql(lead));  // at the boundary: >=
  lead.score = 59.999;
  CHECK_FALSE(policy.is_mql(lead));
  lead.score = 100.0;
  CHECK(policy.is_mql(lead));
  CHECK(policy.accepts(lead));
  lead.score = 0.0;
  CHECK(policy.accepts(lead));  // sales accepts every MQL it reaches

  GuardedLeadPolicy defaults = make_policy(p);
  lead.score = 50.0;
  CHECK(defaults.is_mql(lead));
  lead.score = 49.99;
  CHECK_FALSE(defaults.is_mql(lead));

  GuardedLeadPolicy everyone = make_policy(p, {{"threshold", 0.0}});
  lead.score = 0.0;
  CHECK(everyone.is_mql(lead));
}
