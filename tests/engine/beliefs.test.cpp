// Beliefs shared inside a team: each moves the declared share of the way to the mean.
#include "engine/beliefs.hpp"
#include "engine/deal_timing.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace tandem;

TEST_CASE("sharing moves each belief part of the way to the team's mean", "[engine]") {
  std::vector<double> b{0.1, 0.5, 0.9};  // mean 0.5
  share_beliefs(b, 0.0);
  CHECK(b == std::vector<double>{0.1, 0.5, 0.9});
  share_beliefs(b, 0.5);  // halfway: 0.1 -> 0.3, 0.9 -> 0.7
  CHECK(b[0] == Approx(0.3));
  CHECK(b[1] == Approx(0.5));
  CHECK(b[2] == Approx(0.7));
  share_beliefs(b, 1.0);  // one belief for the team
  CHECK(b[0] == Approx(0.5));
  CHECK(b[2] == Approx(0.5));
}

TEST_CASE("a rep's win belief learns from outcomes and a pooling team shares it", "[engine]") {
  Scenario s;
  s.behaviour.prior_win_rate = 0.3;
  s.behaviour.learning_rate = 0.5;
  DealTiming timing(s, 2, 7.0);
  timing.learn(0, true);  // 0.3 + 0.5 x (1 - 0.3) = 0.65
  CHECK(timing.win_belief(0) == Approx(0.65));
  CHECK(timing.win_belief(1) == Approx(0.3));  // rep 1 learned nothing
  timing.pool(1.0);                            // mean of 0.65 and 0.3
  CHECK(timing.win_belief(0) == Approx(0.475));
  CHECK(timing.win_belief(1) == Approx(0.475));
}
