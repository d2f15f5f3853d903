// draw: commission with a draw, recoverable or not, recovered over several periods from
// the person's earlier credits. Expected cents worked by hand.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace tandem;
using namespace tandem::test;

namespace {
// Pays period `k` of the bookings sequence, with the earlier periods as history.
Statement pay_period(const GuardedPayPlan& plan, const std::vector<const char*>& booked,
                     std::size_t k) {
  std::vector<Credits> earlier;
  for (std::size_t i = 0; i < k; ++i) {
    Credits e;
    e.bookings = money(booked[i]);
    earlier.push_back(e);
  }
  Credits c;
  c.bookings = money(booked[k]);
  c.earlier = earlier;
  return plan.pay(c, month());
}
}  // namespace

TEST_CASE("a recoverable draw is paid when short and recovered over several periods", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(registry.load("draw"));  // 10%, draw 3000.00, recoverable
  const std::vector<const char*> booked{"10000.00", "20000.00", "45000.00", "60000.00", "50000.00"};
  // 1: earned 1000.00, draw tops up 2000.00, 2000.00 owed.
  Statement s = pay_period(plan, booked, 0);
  CHECK(line(s, "commission").cents() == 100000);
  CHECK(line(s, "draw").cents() == 200000);
  CHECK(s.lines()[1].reason == "draw of 3000.00 less 1000.00 earned; recoverable: 2000.00 owed");
  // 2: earned 2000.00, tops up 1000.00, 3000.00 owed.
  s = pay_period(plan, booked, 1);
  CHECK(s.total().cents() == 300000);
  // 3: earned 4500.00, 1500.00 above the draw recovered: paid 3000.00, 1500.00 still owed.
  s = pay_period(plan, booked, 2);
  CHECK(line(s, "commission").cents() == 300000);
  CHECK(line(s, "draw").cents() == 0);
  CHECK(s.lines()[0].reason ==
        "10.0% of 45000.00 booked = 4500.00, less 1500.00 of draw recovered (1500.00 still owed)");
  // 4: earned 6000.00, the last 1500.00 recovered: paid 4500.00.
  CHECK(pay_period(plan, booked, 3).total().cents() == 450000);
  // 5: nothing owed: paid all 5000.00.
  CHECK(pay_period(plan, booked, 4).total().cents() == 500000);
}

TEST_CASE("a non-recoverable draw is a floor and never taken back", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(registry.load("draw"), {{"recoverable", false}});
  const std::vector<const char*> booked{"10000.00", "45000.00"};
  const Statement first = pay_period(plan, booked, 0);
  CHECK(first.total().cents() == 300000);  // 1000.00 earned + 2000.00 draw
  CHECK(first.lines()[1].reason == "draw of 3000.00 less 1000.00 earned; not recoverable");
  CHECK(pay_period(plan, booked, 1).total().cents() == 450000);  // all 4500.00
}

TEST_CASE("the draw plan is pure: the same history gives the same cents", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(registry.load("draw"), {{"rate", 0.0725}});
  const std::vector<const char*> booked{"12345.67", "0.00", "88888.88", "41250.00"};
  for (std::size_t k = 0; k < booked.size(); ++k)
    CHECK(pay_period(plan, booked, k).total() == pay_period(plan, booked, k).total());
  // Never below the draw, whatever was booked.
  for (std::size_t k = 0; k < booked.size(); ++k)
    CHECK(line(pay_period(plan, booked, k), "commission") +
              line(pay_period(plan, booked, k), "draw") >=
          money("3000.00"));
}

TEST_CASE("draw pay never falls as this period's bookings rise", "[plugin]") {
  // With the same history, more booked now never pays less now (recoverable or not).
  PluginRegistry registry({kShippedDir});
  for (const bool recoverable : {true, false}) {
    INFO("recoverable " << recoverable);
    const auto plan = make_plan(registry.load("draw"), {{"recoverable", recoverable}});
    std::vector<Credits> earlier(2);
    earlier[0].bookings = money("5000.00");
    earlier[1].bookings = money("12000.00");
    Money last;
    for (std::int64_t cents = 0; cents <= 20'000'000; cents += 123'457) {
      Credits c;
      c.bookings = Money::from_cents(cents);
      c.earlier = earlier;
      const Money total = plan.pay(c, month()).total();
      CHECK(total >= last);
      last = total;
    }
  }
}
