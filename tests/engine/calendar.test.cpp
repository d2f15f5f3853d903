// Pay periods are whole numbers of simulation periods (4-4-5 weeks; 1/3/12 months).
#include "engine/calendar.hpp"

#include <catch2/catch.hpp>

using namespace tandem;

TEST_CASE("two years of weeks make 24 months, 8 quarters, 2 years on a 4-4-5 calendar",
          "[engine][calendar]") {
  const HorizonConfig h{104, SimPeriod::week};
  const auto months = pay_periods(h, PeriodKind::month);
  REQUIRE(months.size() == 24);
  CHECK(months[0].last_period - months[0].first_period + 1 == 4);
  CHECK(months[2].last_period - months[2].first_period + 1 == 5);
  CHECK(months[23].last_period == 103);
  const auto quarters = pay_periods(h, PeriodKind::quarter);
  REQUIRE(quarters.size() == 8);
  for (const auto& q : quarters) CHECK(q.years == Approx(0.25));
  CHECK(pay_periods(h, PeriodKind::year).size() == 2);
  // Every week belongs to exactly one month, in order.
  const auto of = pay_period_of(months, 104);
  CHECK(of[0] == 0);
  CHECK(of[12] == 2);
  CHECK(of[13] == 3);
  CHECK(of[103] == 23);
}

TEST_CASE("a horizon ending inside a pay period pays the part simulated", "[engine][calendar]") {
  const auto quarters = pay_periods({20, SimPeriod::week}, PeriodKind::quarter);
  REQUIRE(quarters.size() == 2);
  CHECK(quarters[1].first_period == 13);
  CHECK(quarters[1].last_period == 19);
  CHECK(quarters[1].years == Approx(7.0 / 52.0));
  const auto monthly = pay_periods({12, SimPeriod::month}, PeriodKind::quarter);
  REQUIRE(monthly.size() == 4);
  CHECK(monthly[3].first_period == 9);
}
