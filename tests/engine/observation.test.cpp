// The lead observation model's equations (engine/observation.hpp), which the funnel and
// the analytic estimate share.
#include "engine/observation.hpp"

#include <catch2/catch.hpp>

using namespace tandem;

TEST_CASE("what a lead shows is kept in range", "[engine]") {
  CHECK(observation::fit_seen(0.9, 0.3) == 1.0f);
  CHECK(observation::fit_seen(0.1, -0.3) == 0.0f);
  CHECK(observation::fit_seen(0.5, 0.1) == Approx(0.6));
  CHECK(observation::bant_signal(1.0, 0.5) == 1.0f);
  CHECK(observation::bant_signal(0.0, -0.5) == 0.0f);
  CHECK(observation::engagement_after(9990, 50) == 10000);
  CHECK(observation::engagement_after(3, 2) == 6);
  ScoringConfig sc;
  CHECK(observation::score(sc, 1.0f, 10000, 50.0) == 100.0f);
  CHECK(observation::score(sc, 0.0f, 0, -50.0) == 0.0f);
}

TEST_CASE("the score weighs fit and saturating engagement", "[engine]") {
  ScoringConfig sc;
  sc.fit_weight = 0.5;
  sc.engagement_scale = 3.0;
  // No engagement: the score is the fit's half alone; engagement adds at most the rest.
  CHECK(observation::score(sc, 0.8f, 0, 0.0) == Approx(40.0).epsilon(1e-6));
  CHECK(observation::score(sc, 0.8f, 3, 0.0) ==
        Approx(40.0 + 50.0 * (1.0 - std::exp(-1.0))).epsilon(1e-6));
  CHECK(observation::score(sc, 0.8f, 3, 5.0) > observation::score(sc, 0.8f, 3, 0.0));
}

TEST_CASE("need and timing follow the account's buying state", "[engine]") {
  MarketConfig m;
  m.need_dormant = 0.05;
  m.need_researching = 0.3;
  m.need_buying = 0.7;
  CHECK(observation::need(m, AccountState::dormant) == 0.05);
  CHECK(observation::need(m, AccountState::buying) == 0.7);
  CHECK(observation::quality(0.5, observation::need(m, AccountState::researching)) == Approx(0.15));
  CHECK(observation::timing(AccountState::dormant) == 0.0);
  CHECK(observation::timing(AccountState::researching) == 0.5);
  CHECK(observation::timing(AccountState::buying) == 1.0);
  CHECK(observation::touch_mean(2.0, 0.5) == 3.0);
}
