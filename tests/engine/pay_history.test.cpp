// A person's pay history: the credits of each pay period paid, as Credits::earlier
// promises them to a plan.
#include "engine/pay_history.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace tandem;

TEST_CASE("the pay history keeps each period's credits and cancellations, not its deals",
          "[engine]") {
  PayHistory history;
  CHECK(history.earlier().empty());
  std::vector<CreditedDeal> deals(1), cancelled(2);
  cancelled[1].id = 7;
  for (int period = 0; period < 40; ++period) {  // enough to move the lists as they grow
    Credits c;
    c.bookings = Money::from_cents(100 * period);
    c.deals = deals;
    c.cancellations = cancelled;
    c.earlier = history.earlier();
    history.record(c);
  }
  cancelled.clear();  // the history holds its own copies
  REQUIRE(history.earlier().size() == 40);
  for (int period = 0; period < 40; ++period) {
    const Credits& e = history.earlier()[static_cast<std::size_t>(period)];
    CHECK(e.bookings == Money::from_cents(100 * period));
    CHECK(e.deals.empty());
    CHECK(e.earlier.empty());
    REQUIRE(e.cancellations.size() == 2);
    CHECK(e.cancellations[1].id == 7);
  }
  history.clear();
  CHECK(history.earlier().empty());
}
