// Random streams: reproducible by key, independent across keys, and distributions with the
// right moments. Statistical checks use fixed keys and tolerances of 4 standard errors.
#include <tandem/random.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using tandem::Stream;

namespace {
constexpr int kDraws = 200'000;
}

TEST_CASE("a stream is a pure function of (seed, replication, id)", "[unit][random]") {
  Stream a(42, 3, 7), b(42, 3, 7);
  for (int i = 0; i < 1000; ++i) REQUIRE(a.next() == b.next());
  // Changing any part of the key changes the sequence.
  for (auto other : {Stream(43, 3, 7), Stream(42, 4, 7), Stream(42, 3, 8)}) {
    Stream ref(42, 3, 7);
    int same = 0;
    for (int i = 0; i < 1000; ++i) same += ref.next() == other.next() ? 1 : 0;
    CHECK(same == 0);
  }
}

TEST_CASE("streams of neighbouring keys are uncorrelated", "[unit][random][statistical]") {
  // Pearson correlation of paired uniforms; under independence its SE is 1/sqrt(n).
  for (auto [r2, id2] : {std::pair{0ULL, 1ULL}, std::pair{1ULL, 0ULL}, std::pair{1ULL, 1ULL}}) {
    Stream x(1, 0, 0), y(1, r2, id2);
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < kDraws; ++i) {
      const double u = x.uniform(), v = y.uniform();
      sx += u, sy += v, sxx += u * u, syy += v * v, sxy += u * v;
    }
    const double n = kDraws;
    const double r = (sxy - sx * sy / n) / std::sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
    CHECK(std::fabs(r) < 4.0 / std::sqrt(n));
  }
}

TEST_CASE("distributions have their moments", "[unit][random][statistical]") {
  Stream s(2026, 0, 1);
  const double n = kDraws;
  SECTION("uniform on (0,1): mean 1/2, variance 1/12") {
    double sum = 0, lo = 1, hi = 0;
    for (int i = 0; i < kDraws; ++i) {
      const double u = s.uniform();
      sum += u, lo = std::min(lo, u), hi = std::max(hi, u);
    }
    CHECK(std::fabs(sum / n - 0.5) < 4 * std::sqrt(1.0 / 12 / n));
    CHECK(lo > 0.0);
    CHECK(hi < 1.0);
  }
  SECTION("normal: mean and variance") {
    double sum = 0, sq = 0;
    for (int i = 0; i < kDraws; ++i) {
      const double z = s.normal(3.0, 2.0);
      sum += z, sq += z * z;
    }
    const double mean = sum / n, var = sq / n - mean * mean;
    CHECK(std::fabs(mean - 3.0) < 4 * 2.0 / std::sqrt(n));
    CHECK(std::fabs(var - 4.0) < 4 * 4.0 * std::sqrt(2.0 / n));  // SE of s^2 = sigma^2 sqrt(2/n)
  }
  SECTION("poisson, both algorithms: mean = variance = lambda") {
    for (double lambda : {0.7, 4.0, 35.0, 400.0}) {
      double sum = 0, sq = 0;
      for (int i = 0; i < kDraws; ++i) {
        const auto k = static_cast<double>(s.poisson(lambda));
        sum += k, sq += k * k;
      }
      const double mean = sum / n, var = sq / n - mean * mean;
      INFO("lambda " << lambda);
      CHECK(std::fabs(mean - lambda) < 4 * std::sqrt(lambda / n));
      // Var of the sample variance of a Poisson: (mu4 - sigma^4)/n = (lambda + 2 lambda^2)/n.
      CHECK(std::fabs(var - lambda) < 4 * std::sqrt((lambda + 2 * lambda * lambda) / n));
    }
  }
  SECTION("below(n) is uniform over 0..n-1") {
    std::vector<int> counts(7, 0);
    for (int i = 0; i < kDraws; ++i) ++counts[s.below(7)];
    for (int c : counts) CHECK(std::fabs(c - n / 7) < 4 * std::sqrt(n * (1.0 / 7) * (6.0 / 7)));
  }
}
