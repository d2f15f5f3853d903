// Statements say which deals earned the pay, and how their timing was bought.
#include "output/statement_text.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace tandem;

TEST_CASE("a statement names each deal's discount or push", "[output]") {
  std::vector<CreditedDeal> deals(3);
  deals[0].id = 12, deals[0].value = deals[0].deal_value = Money::from_cents(2'700'000);
  deals[0].period = 9, deals[0].discount = Money::from_cents(300'000);
  deals[1].id = 13, deals[1].value = deals[1].deal_value = Money::from_cents(1'000'000);
  deals[1].period = 10, deals[1].pushed = true;
  deals[2].id = 14, deals[2].value = deals[2].deal_value = Money::from_cents(500'000);
  deals[2].period = 10;
  CreditedPeriod credited;
  credited.person = "rep-01";
  credited.role = "sales";
  credited.period = "2025-03";
  credited.credits.bookings = Money::from_cents(4'200'000);
  credited.credits.deals = deals;
  const std::string text = statement_text(credited, Statement{});
  CHECK_THAT(text, Catch::Contains("D12 27000.00 (period 9, pulled in for a discount of "
                                   "3000.00), D13 10000.00 (period 10, pushed out), D14 "
                                   "5000.00 (period 10)"));
}
