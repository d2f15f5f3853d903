// What reps believe a lead brings: discounted counts against a prior, by score band and
// channel.
#include "engine/lead_yield.hpp"
#include "engine/streams.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>

using namespace tandem;

namespace {

Scenario two_channels() {
  Scenario s;
  s.channels.resize(2);
  s.behaviour.prior_opportunity_rate = 0.1;
  s.behaviour.prior_weight = 10;
  s.behaviour.learning_rate = 0.5;
  s.sales.prospecting_hours_per_lead = 8;
  return s;
}

}  // namespace

TEST_CASE("a lead's belief cell is its wait band, score band and channel", "[engine]") {
  const LeadYield y(two_channels(), 1, 7.0);
  CHECK(y.cell(0.0, 0.0, 0) == 0);
  CHECK(y.cell(0.0, 19.9, 1) == 1);
  CHECK(y.cell(0.5, 20.0, 0) == 2);   // under an hour, score band 1, channel 0
  CHECK(y.cell(0.9, 100.0, 1) == 9);  // the top score band holds 100
  // Waiting moves a lead to the next ten cells: 1 to 2 hours, 2 to 24, a day or more.
  CHECK(y.cell(1.0, 0.0, 0) == 10);
  CHECK(y.cell(23.9, 20.0, 1) == 23);
  CHECK(y.cell(24.0, 100.0, 1) == 39);
  CHECK(y.cell(500.0, 100.0, 1) == 39);
}

TEST_CASE("an opportunity rate starts at the prior and learns by discounted counts", "[engine]") {
  LeadYield y(two_channels(), 2, 7.0);
  const int cell = y.cell(0.0, 85, 0);
  CHECK(y.per_attempt(0, cell) == Approx(0.1));
  CHECK(y.per_prospecting_hour(0) == Approx(0.1 / 8));
  for (int i = 0; i < 10; ++i) y.attempted(0, cell, i < 6);  // 6 of 10 opened
  CHECK(y.per_attempt(0, cell) == Approx(0.1));              // learned only when the period ends
  y.end_period(0.0);
  // (6 + 10 x 0.1) / (10 + 10)
  CHECK(y.per_attempt(0, cell) == Approx(0.35));
  y.end_period(0.0);  // an empty period halves the counts: (3 + 1) / (5 + 10)
  CHECK(y.per_attempt(0, cell) == Approx(4.0 / 15.0));
  CHECK(y.per_attempt(1, cell) == Approx(0.1));                 // rep 1 learned nothing
  CHECK(y.per_attempt(0, y.cell(0.0, 85, 1)) == Approx(0.1));   // nor another channel
  CHECK(y.per_attempt(0, y.cell(30.0, 85, 0)) == Approx(0.1));  // nor a lead that waited
  // A pooling team: rep 0's counts halve to 1.5 of 2.5, then both hold the mean counts,
  // (0.75 + 1) / (1.25 + 10).
  y.end_period(1.0);
  CHECK(y.per_attempt(0, cell) == Approx(1.75 / 11.25));
  CHECK(y.per_attempt(1, cell) == Approx(1.75 / 11.25));
}

TEST_CASE("what an opportunity books and its cycle follow decided deals", "[engine]") {
  Scenario s = two_channels();
  s.deals.median_size = Money::from_units(20000);
  s.behaviour.prior_win_rate = 0.25;
  s.deals.median_cycle_days = 42;
  LeadYield y(s, 1, 7.0);
  CHECK(y.per_opportunity(0) == Approx(5000));
  CHECK(y.cycle_periods(0) == Approx(6));
  y.decided(0, 15000, 10);  // halfway to each
  CHECK(y.per_opportunity(0) == Approx(10000));
  CHECK(y.cycle_periods(0) == Approx(8));
}
