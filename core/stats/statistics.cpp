#include "stats/statistics.hpp"

#include <tandem/errors.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace tandem {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Continued fraction for the regularized incomplete beta function (modified Lentz).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double tiny = 1e-300;
  constexpr double eps = 1e-16;
  const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  if (std::fabs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 1000; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1.0) < eps) break;
  }
  return h;
}

// I_x(a, b), the regularized incomplete beta function.
double incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

// P(T > t) for t >= 0: half the regularized incomplete beta at df / (df + t^2).
double t_upper_tail(double t, double df) {
  return 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
}

double t_density(double t, double df) {
  const double log_norm =
      std::lgamma((df + 1.0) / 2.0) - std::lgamma(df / 2.0) - 0.5 * std::log(df * std::numbers::pi);
  return std::exp(log_norm - (df + 1.0) / 2.0 * std::log1p(t * t / df));
}

}  // namespace

double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) throw Error("normal_quantile: p must be in (0, 1)");
  // Acklam's rational approximation (relative error 1.15e-9), then one Halley step on the
  // exact distribution function (erfc), which brings it to full double precision.
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double low = 0.02425, high = 1.0 - low;
  double x;
  if (p < low) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else if (p <= high) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  } else {
    const double q = std::sqrt(-2.0 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  const double e = 0.5 * std::erfc(-x / std::numbers::sqrt2) - p;
  const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(x * x / 2.0);
  return x - u / (1.0 + x * u / 2.0);
}

double student_t_quantile(double p, double df) {
  if (!(p > 0.0 && p < 1.0)) throw Error("student_t_quantile: p must be in (0, 1)");
  if (!(df > 0.0)) throw Error("student_t_quantile: degrees of freedom must be positive");
  if (p == 0.5) return 0.0;
  if (p < 0.5) return -student_t_quantile(1.0 - p, df);

  if (df == 1.0) return std::tan(std::numbers::pi * (p - 0.5));
  if (df == 2.0) return (2.0 * p - 1.0) / std::sqrt(2.0 * p * (1.0 - p));

  // Cornish-Fisher expansion around the normal quantile: close for moderate df.
  const double z = normal_quantile(p);
  const double z2 = z * z;
  const double g1 = (z2 + 1.0) * z / 4.0;
  const double g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
  const double g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
  const double g4 =
      ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
  double t = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
  if (!(t > 0.0) || !std::isfinite(t)) t = z;

  // Newton on the exact upper tail. The tail is convex in t > 0, so the steps converge
  // monotonically once they are on the near side; a step that leaves t > 0 is halved.
  const double tail = 1.0 - p;
  for (int i = 0; i < 200; ++i) {
    const double step = (t_upper_tail(t, df) - tail) / t_density(t, df);
    double next = t + step;
    if (next <= 0.0) next = t / 2.0;
    const bool done = std::fabs(next - t) <= 1e-14 * std::fabs(next);
    t = next;
    if (done) break;
  }
  return t;
}

SampleStats describe(std::span<const double> values) {
  // The q-quantile by nearest rank (the ceil(q n)-th smallest): a value of the sample.
  const auto nearest_rank = [](const std::vector<double>& sorted, double q) {
    const auto k = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    return sorted[std::max<std::size_t>(k, 1) - 1];
  };
  SampleStats s;
  s.n = values.size();
  if (s.n == 0) {
    s.mean = s.median = s.p5 = s.p95 = kNaN;
    return s;
  }
  double sum = 0;
  for (const double v : values) sum += v;
  s.mean = sum / static_cast<double>(s.n);

  std::vector<double> sorted(values.begin(), values.end());
  if (std::any_of(sorted.begin(), sorted.end(), [](double v) { return std::isnan(v); })) {
    s.median = s.p5 = s.p95 = kNaN;
  } else {
    std::sort(sorted.begin(), sorted.end());
    const std::size_t mid = s.n / 2;
    s.median = s.n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    s.p5 = nearest_rank(sorted, 0.05);
    s.p95 = nearest_rank(sorted, 0.95);
  }

  if (s.n >= 2) {
    // Two passes: the sum of squared deviations from the mean, not E[x^2] - E[x]^2.
    double squares = 0;
    for (const double v : values) squares += (v - s.mean) * (v - s.mean);
    const double sd = std::sqrt(squares / static_cast<double>(s.n - 1));
    s.sd = sd;
    const double half = student_t_quantile(0.975, static_cast<double>(s.n - 1)) * sd /
                        std::sqrt(static_cast<double>(s.n));
    s.ci95 = std::pair{s.mean - half, s.mean + half};
  }
  return s;
}

std::vector<HeadlineStats> headline_stats(const RunResult& result) {
  std::vector<HeadlineStats> out;
  if (result.replications.empty()) return out;
  const auto& first = result.replications.front().headlines;
  for (std::size_t r = 1; r < result.replications.size(); ++r) {
    const auto& h = result.replications[r].headlines;
    bool same = h.size() == first.size();
    for (std::size_t i = 0; same && i < h.size(); ++i) same = h[i].name == first[i].name;
    if (!same)
      throw Error("replication " + std::to_string(r) +
                  " reports different headline figures than replication 0");
  }
  std::vector<double> values(result.replications.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    for (std::size_t r = 0; r < result.replications.size(); ++r)
      values[r] = result.replications[r].headlines[i].value;
    out.push_back({first[i].name, first[i].unit, describe(values)});
  }
  return out;
}

}  // namespace tandem
