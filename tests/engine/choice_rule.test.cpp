// The one choice rule every adaptive agent uses: a logit whose noise is scaled to the
// agent's stakes, with a status quo; time preference and risk attitude.
#include "engine/choice_rule.hpp"
#include "engine/streams.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>

using namespace tandem;

namespace {
BehaviourConfig behaviour(double rationality, double bias) {
  BehaviourConfig b;
  b.rationality = rationality;
  b.status_quo_bias = bias;
  return b;
}
}  // namespace

TEST_CASE(
    "the choice rule picks each option with its logit probability, noise = stakes / "
    "rationality",
    "[engine]") {
  // Seed 7, 200,000 draws; each frequency within 4 standard errors of its probability.
  // Stakes 10,000 and rationality 100: T = 100, so values 0, 100, 200 have weights
  // 1, e, e^2, and the status quo (option 0) e^bias = e more.
  const ChoiceRule rule(behaviour(100, 1.0));
  Stream stream(7, 0, streams::choices);
  const std::array<double, 3> value{0.0, 100.0, 200.0};
  std::array<int, 3> chosen{};
  const int n = 200000;
  for (int i = 0; i < n; ++i) ++chosen[rule.choose(value, 0, 10000, stream)];
  const std::array<double, 3> weight{std::exp(1.0), std::exp(1.0), std::exp(2.0)};
  const double total = weight[0] + weight[1] + weight[2];
  for (std::size_t i = 0; i < 3; ++i) {
    const double p = weight[i] / total;
    const double se = std::sqrt(p * (1 - p) / n);
    CHECK(std::abs(chosen[i] / static_cast<double>(n) - p) < 4 * se);
  }
}

TEST_CASE("the same edge relative to pay is chosen as often at any pay level", "[engine]") {
  // An edge of 1% of a pay period's pay, at pay 1,000 and at pay 1,000,000.
  const ChoiceRule rule(behaviour(100, 0.0));
  const int n = 100000;
  const auto share_of_better = [&](double stakes) {
    Stream stream(11, 0, streams::choices);
    const std::array<double, 2> value{0.0, 0.01 * stakes};
    int better = 0;
    for (int i = 0; i < n; ++i) better += rule.choose(value, 0, stakes, stream) == 1 ? 1 : 0;
    return better / static_cast<double>(n);
  };
  const double p = std::exp(1.0) / (1 + std::exp(1.0));
  const double se = std::sqrt(p * (1 - p) / n);
  CHECK(std::abs(share_of_better(1000) - p) < 4 * se);
  CHECK(std::abs(share_of_better(1e6) - p) < 4 * se);
}

TEST_CASE("an option worth nothing more than the status quo is almost never taken", "[engine]") {
  // The defaults: indifferent, the status quo keeps odds e^2 to 1; an option that only
  // costs an hour of effort (10 against stakes of 15,000, T = 7.5) is rarer still.
  const ChoiceRule rule(BehaviourConfig{});
  Stream stream(3, 0, streams::choices);
  const int n = 100000;
  int free_switch = 0, costly_switch = 0;
  for (int i = 0; i < n; ++i) {
    const std::array<double, 2> worthless{0.0, 0.0};
    free_switch += rule.choose(worthless, 0, 15000, stream) == 1 ? 1 : 0;
    const std::array<double, 2> costly{0.0, -30.0};
    costly_switch += rule.choose(costly, 0, 15000, stream) == 1 ? 1 : 0;
  }
  const double p_free = 1 / (1 + std::exp(2.0));
  CHECK(std::abs(free_switch / static_cast<double>(n) - p_free) <
        4 * std::sqrt(p_free * (1 - p_free) / n));
  const double p_costly = 1 / (1 + std::exp(2.0 + 30.0 / 7.5));  // about 0.25%
  CHECK(std::abs(costly_switch / static_cast<double>(n) - p_costly) <
        4 * std::sqrt(p_costly * (1 - p_costly) / n));
}

TEST_CASE("time preference discounts later pay, and present bias any later pay period",
          "[engine]") {
  BehaviourConfig b;
  b.discount_per_year = 0.9;
  b.present_bias = 0.8;
  const TimePreference weekly(b, 7.0);
  CHECK(weekly.weight(0, false) == Approx(1.0));
  // 52.18 weeks make a year: a year away is worth 0.9, and 0.8 x that in a later pay period.
  CHECK(weekly.weight(52, false) == Approx(std::pow(0.9, 52 * 7 / 365.25)));
  CHECK(weekly.weight(52, true) == Approx(0.8 * std::pow(0.9, 52 * 7 / 365.25)));
  CHECK(certainty_equivalent(100, 400, 0.5) == Approx(90));
}
