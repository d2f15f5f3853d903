#include "stats/statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "../output/sample_run.hpp"

using namespace tandem;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("Student t quantiles match published tables", "[stats]") {
  struct Known {
    double p, df, t;
  };
  // Reference values to 9-10 significant digits (R: qt(p, df)).
  const Known known[] = {
      {0.975, 1, 12.70620474},  {0.975, 2, 4.302652730},    {0.975, 3, 3.182446305},
      {0.975, 4, 2.776445105},  {0.975, 5, 2.570581836},    {0.975, 9, 2.262157163},
      {0.975, 10, 2.228138852}, {0.975, 29, 2.045229642},   {0.975, 30, 2.042272456},
      {0.975, 99, 1.984216952}, {0.975, 1000, 1.962339081}, {0.995, 1, 63.65674116},
      {0.995, 5, 4.032142984},  {0.995, 30, 2.749995654},   {0.95, 7, 1.894578605},
      {0.9, 3, 1.637744354},    {0.999, 4, 7.173182219},    {0.6, 12, 0.2590327457},
  };
  for (const auto& k : known) {
    INFO("p = " << k.p << ", df = " << k.df);
    CHECK_THAT(student_t_quantile(k.p, k.df), WithinRel(k.t, 1e-8));
    CHECK_THAT(student_t_quantile(1.0 - k.p, k.df), WithinRel(-k.t, 1e-8));
  }
  CHECK(student_t_quantile(0.5, 7) == 0.0);
}

TEST_CASE("Student t quantile approaches the normal for large df", "[stats]") {
  CHECK_THAT(normal_quantile(0.975), WithinRel(1.959963984540054, 1e-12));
  CHECK_THAT(normal_quantile(0.001), WithinRel(-3.090232306167813, 1e-12));
  CHECK_THAT(student_t_quantile(0.975, 1e7), WithinRel(1.959963984540054, 1e-6));
}

TEST_CASE("Student t quantile rejects arguments out of range", "[stats]") {
  CHECK_THROWS_AS(student_t_quantile(0.0, 5), Error);
  CHECK_THROWS_AS(student_t_quantile(1.0, 5), Error);
  CHECK_THROWS_AS(student_t_quantile(0.975, 0), Error);
  CHECK_THROWS_AS(student_t_quantile(std::nan(""), 5), Error);
  CHECK_THROWS_AS(normal_quantile(1.0), Error);
}

TEST_CASE("describe gives mean, sample sd, median and the t interval", "[stats]") {
  const std::vector<double> x = {2, 4, 4, 4, 5, 5, 7, 9};
  const SampleStats s = describe(x);
  CHECK(s.n == 8);
  CHECK(s.mean == 5.0);
  CHECK(s.median == 4.5);
  REQUIRE(s.sd);
  CHECK_THAT(*s.sd, WithinRel(std::sqrt(32.0 / 7.0), 1e-14));
  REQUIRE(s.ci95);
  const double half = 2.364624252 * std::sqrt(32.0 / 7.0) / std::sqrt(8.0);
  CHECK_THAT(s.ci95->first, WithinAbs(5.0 - half, 1e-8));
  CHECK_THAT(s.ci95->second, WithinAbs(5.0 + half, 1e-8));

  const std::vector<double> odd = {3, 1, 2};
  CHECK(describe(odd).median == 2.0);
}

TEST_CASE("describe gives P5 and P95 by nearest rank: values of the sample", "[stats]") {
  std::vector<double> x;
  for (int i = 100; i >= 1; --i) x.push_back(i);  // 1..100, in any order
  const SampleStats s = describe(x);
  CHECK(s.p5 == 5.0);    // the 5th smallest of 100
  CHECK(s.p95 == 95.0);  // the 95th
  const std::vector<double> three = {30, 10, 20};
  CHECK(describe(three).p5 == 10.0);   // ceil(0.15) = 1st
  CHECK(describe(three).p95 == 30.0);  // ceil(2.85) = 3rd
  const std::vector<double> none;
  CHECK(std::isnan(describe(none).p5));
}

TEST_CASE("describe with one value has no sd and no interval", "[stats]") {
  const std::vector<double> one = {7.5};
  const SampleStats s = describe(one);
  CHECK(s.n == 1);
  CHECK(s.mean == 7.5);
  CHECK(s.median == 7.5);
  CHECK_FALSE(s.sd);
  CHECK_FALSE(s.ci95);

  const SampleStats none = describe({});
  CHECK(none.n == 0);
  CHECK(std::isnan(none.mean));
  CHECK_FALSE(none.ci95);
}

TEST_CASE("describe with equal values has a zero-width interval", "[stats]") {
  const std::vector<double> same = {3, 3, 3, 3};
  const SampleStats s = describe(same);
  CHECK(*s.sd == 0.0);
  CHECK(s.ci95->first == 3.0);
  CHECK(s.ci95->second == 3.0);
}

TEST_CASE("headline statistics keep the engine's order", "[stats]") {
  const RunResult r = testing::sample_result();
  const auto h = headline_stats(r);
  REQUIRE(h.size() == 3);
  CHECK(h[0].name == "revenue");
  CHECK(h[0].unit == "money");
  CHECK(h[1].name == "win_rate");
  CHECK(h[2].name == "deals_won");
  CHECK(h[2].stats.n == 3);
  CHECK(h[2].stats.mean == 14.0);
  CHECK(h[2].stats.median == 14.0);
}

TEST_CASE("headline statistics refuse replications that disagree", "[stats]") {
  RunResult r = testing::sample_result();
  r.replications[2].headlines[1].name = "something_else";
  CHECK_THROWS_AS(headline_stats(r), Error);
  r = testing::sample_result();
  r.replications[1].headlines.pop_back();
  CHECK_THROWS_AS(headline_stats(r), Error);
  CHECK(headline_stats(RunResult{}).empty());
}
