// Random streams. Every draw in Tandem comes from a Stream keyed by (seed, replication,
// stream id), so a replication draws the same numbers whichever thread runs it, and two
// streams never share a sequence. The generator is xoshiro256** seeded through SplitMix64;
// the distributions are written out here (not <random>'s, whose algorithms differ between
// standard libraries) so results are the same on every platform that builds Tandem.
// Plugins get their stream from the engine; they never seed one.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace tandem {
inline namespace v4 {

class Stream {
 public:
  Stream(std::uint64_t seed, std::uint64_t replication, std::uint64_t stream_id) {
    // Hash the key tuple into one word, then expand it into the 256-bit state.
    std::uint64_t h = mix(seed ^ 0x5441'4E44'454D'0001ULL);  // "TANDEM"
    h = mix(h ^ mix(replication + 0x9E37'79B9'7F4A'7C15ULL));
    h = mix(h ^ mix(stream_id + 0xD1B5'4A32'D192'ED03ULL));
    for (auto& s : s_) s = splitmix(h);
  }

  // 64 random bits.
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform on the open interval (0, 1): never 0, so log() is always safe.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

  // Uniform integer in [0, n), without modulo bias (Lemire's method). n > 0.
  std::uint64_t below(std::uint64_t n) {
    __uint128_t m = static_cast<__uint128_t>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = -n % n;
      while (low < threshold) {
        m = static_cast<__uint128_t>(next()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

  bool bernoulli(double p) { return uniform() < p; }

  // Normal by the Marsaglia polar method; the second value of each pair is kept.
  double normal(double mean = 0.0, double sd = 1.0) {
    if (has_spare_) {
      has_spare_ = false;
      return mean + sd * spare_;
    }
    double u, v, s;
    do {
      u = 2.0 * uniform() - 1.0;
      v = 2.0 * uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return mean + sd * u * f;
  }

  // Log-normal with the given median and log-scale spread.
  double lognormal(double median, double sigma) { return median * std::exp(normal(0.0, sigma)); }

  double exponential(double rate) { return -std::log(uniform()) / rate; }

  // Poisson: multiplication for small means, Hormann's PTRS rejection above 10.
  std::int64_t poisson(double mean) {
    if (!(mean > 0.0)) return 0;
    if (mean < 10.0) {
      const double limit = std::exp(-mean);
      std::int64_t k = 0;
      double prod = uniform();
      while (prod > limit) {
        ++k;
        prod *= uniform();
      }
      return k;
    }
    const double slam = std::sqrt(mean), loglam = std::log(mean);
    const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
    const double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
      const double u = uniform() - 0.5, v = uniform(), us = 0.5 - std::fabs(u);
      const auto k = static_cast<std::int64_t>(std::floor((2.0 * a / us + b) * u + mean + 0.43));
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b) <=
          -mean + static_cast<double>(k) * loglam - std::lgamma(static_cast<double>(k) + 1.0))
        return k;
    }
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58'476D'1CE4'E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D0'49BB'1331'11EBULL;
    return z ^ (z >> 31);
  }
  static std::uint64_t splitmix(std::uint64_t& x) { return mix(x += 0x9E37'79B9'7F4A'7C15ULL); }

  std::uint64_t s_[4];
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace v4
}  // namespace tandem
