// revenue_bonus and pipeline_bonus: marketing paid on what its channels sourced. Expected
// cents are worked by hand in the comments.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::test;

TEST_CASE("revenue_bonus pays its rate of sourced closed revenue plus the salary", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("revenue_bonus");
  CHECK(p.kind() == PluginKind::pay_plan);
  Credits c;
  c.sourced_revenue = money("183000.00");
  c.bookings = money("999999.00");  // a marketer's bookings are not what this plan pays on
  const Statement s = make_plan(p).pay(c, quarter());
  REQUIRE(s.lines().size() == 2);
  CHECK(s.lines()[0].component == "salary");
  CHECK(s.lines()[0].amount.cents() == 2250000);  // 90000.00 x 0.25
  CHECK(s.lines()[1].component == "revenue bonus");
  CHECK(s.lines()[1].amount.cents() == 366000);  // 2% x 183000.00 = 3660.00
  CHECK(s.lines()[1].reason == "2.0% of 183000.00 sourced revenue closed");
  CHECK(s.total().cents() == 2616000);

  // 1.5% of 333.33 = 4.99995 -> 5.00 (nearest cent); no salary line when it is zero.
  Credits small;
  small.sourced_revenue = money("333.33");
  const Statement t = make_plan(p, {{"rate", 0.015}, {"salary", Money{}}}).pay(small, quarter());
  REQUIRE(t.lines().size() == 1);
  CHECK(t.total().cents() == 500);
}

TEST_CASE("revenue_bonus caps the bonus per pay period", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("revenue_bonus");
  Credits c;
  c.sourced_revenue = money("500000.00");  // 2% = 10000.00, capped at 4000.00
  const Statement s = make_plan(p, {{"cap", money("4000.00")}}).pay(c, month());
  CHECK(s.lines()[1].amount.cents() == 400000);
  CHECK(s.lines()[1].reason ==
        "2.0% of 500000.00 sourced revenue closed = 10000.00, capped at 4000.00 per pay period");
}

TEST_CASE("pipeline_bonus pays its rate of sourced pipeline plus the salary", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("pipeline_bonus");
  CHECK(p.kind() == PluginKind::pay_plan);
  Credits c;
  c.pipeline = money("420000.00");
  const Statement s = make_plan(p).pay(c, quarter());
  REQUIRE(s.lines().size() == 2);
  CHECK(s.lines()[1].component == "pipeline bonus");
  CHECK(s.lines()[1].amount.cents() == 210000);  // 0.5% x 420000.00 = 2100.00
  CHECK(s.lines()[1].reason == "0.5% of 420000.00 sourced pipeline");
  CHECK(s.total().cents() == 2460000);  // 22500.00 + 2100.00
  // Capped: 0.5% of 2000000.00 = 10000.00, at most 2500.00.
  c.pipeline = money("2000000.00");
  CHECK(make_plan(p, {{"cap", money("2500.00")}}).pay(c, quarter()).lines()[1].amount.cents() ==
        250000);
}

TEST_CASE("the marketing bonuses never fall as what was sourced rises", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  for (const char* name : {"revenue_bonus", "pipeline_bonus"}) {
    INFO(name);
    const GuardedPayPlan plan = make_plan(registry.load(name), {{"cap", money("3000.00")}});
    Money last;
    for (std::int64_t cents = 0; cents <= 100'000'000; cents += 1'234'567) {
      Credits c;
      c.sourced_revenue = c.pipeline = Money::from_cents(cents);
      const Money total = plan.pay(c, month()).total();
      CHECK(total >= last);
      last = total;
    }
  }
}
