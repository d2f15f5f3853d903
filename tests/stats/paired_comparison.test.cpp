// The paired comparison's statistics on small samples worked out by hand.
#include "stats/paired_comparison.hpp"

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace tandem;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
// t(0.975, df), reference values (R: qt(0.975, df)).
constexpr double kT3 = 3.182446305, kT4 = 2.776445105, kT5_4 = 2.514352015;
}  // namespace

TEST_CASE("paired comparison gives the paired t interval and the Welch interval", "[stats]") {
  // Differences 1 2 1 2: mean 1.5, variance 1/3. Base mean 11.5, variance 5/3; alt mean
  // 13, variance 10/3. Welch: se^2 = 5/12 + 10/12 = 5/4, df = (5/4)^2 / (((5/12)^2 +
  // (10/12)^2) / 3) = 5.4.
  const std::vector<double> base = {10, 12, 11, 13}, alt = {11, 14, 12, 15};
  const PairedComparison c = compare_paired("revenue", "money", base, alt);
  CHECK(c.name == "revenue");
  CHECK(c.unit == "money");
  CHECK(c.n == 4);
  CHECK(c.base_mean == 11.5);
  CHECK(c.alt_mean == 13.0);
  CHECK(c.difference == 1.5);
  REQUIRE(c.relative_change);
  CHECK_THAT(*c.relative_change, WithinRel(1.5 / 11.5, 1e-14));
  REQUIRE(c.difference_sd);
  CHECK_THAT(*c.difference_sd, WithinRel(std::sqrt(1.0 / 3.0), 1e-14));

  REQUIRE(c.paired_ci95);
  const double paired_half = kT3 * std::sqrt(1.0 / 3.0) / 2.0;
  CHECK_THAT(c.paired_ci95->first, WithinAbs(1.5 - paired_half, 1e-8));
  CHECK_THAT(c.paired_ci95->second, WithinAbs(1.5 + paired_half, 1e-8));
  CHECK(c.significant);  // [0.58, 2.42]

  REQUIRE(c.welch_df);
  CHECK_THAT(*c.welch_df, WithinRel(5.4, 1e-12));
  REQUIRE(c.unpaired_ci95);
  const double welch_half = kT5_4 * std::sqrt(1.25);
  CHECK_THAT(c.unpaired_ci95->first, WithinAbs(1.5 - welch_half, 1e-8));
  CHECK_THAT(c.unpaired_ci95->second, WithinAbs(1.5 + welch_half, 1e-8));
  // What the pairing buys: the same numbers taken as independent samples cannot tell.
  CHECK(c.unpaired_ci95->first < 0);
}

TEST_CASE("differences without variance give a zero width paired interval", "[stats]") {
  // Differences all 2. Welch: both variances 1, se^2 = 2/3, df = (2/3)^2 / ((2/9) / 2) = 4.
  const std::vector<double> base = {1, 2, 3}, alt = {3, 4, 5};
  const PairedComparison c = compare_paired("mqls", "count", base, alt);
  CHECK(c.difference == 2.0);
  REQUIRE(c.difference_sd);
  CHECK(*c.difference_sd == 0.0);
  REQUIRE(c.paired_ci95);
  CHECK(c.paired_ci95->first == 2.0);
  CHECK(c.paired_ci95->second == 2.0);
  CHECK(c.significant);
  REQUIRE(c.welch_df);
  CHECK_THAT(*c.welch_df, WithinRel(4.0, 1e-12));
  REQUIRE(c.unpaired_ci95);
  const double half = kT4 * std::sqrt(2.0 / 3.0);
  CHECK_THAT(c.unpaired_ci95->first, WithinAbs(2.0 - half, 1e-8));
  CHECK_THAT(c.unpaired_ci95->second, WithinAbs(2.0 + half, 1e-8));
}

TEST_CASE("a scenario compared with itself differs by exactly 0", "[stats]") {
  const std::vector<double> x = {3.25, 7.5, 1.125, 9.0, 4.0};
  const PairedComparison c = compare_paired("revenue", "money", x, x);
  CHECK(c.difference == 0.0);
  REQUIRE(c.relative_change);
  CHECK(*c.relative_change == 0.0);
  REQUIRE(c.paired_ci95);
  CHECK(c.paired_ci95->first == 0.0);
  CHECK(c.paired_ci95->second == 0.0);
  CHECK_FALSE(c.significant);
  REQUIRE(c.unpaired_ci95);
  CHECK(c.unpaired_ci95->first < 0.0);
  CHECK(c.unpaired_ci95->second > 0.0);
}

TEST_CASE("a base mean of 0 has no relative change", "[stats]") {
  const std::vector<double> base = {-1, 1}, alt = {0, 2};
  const PairedComparison c = compare_paired("pay_sdrs", "money", base, alt);
  CHECK(c.base_mean == 0.0);
  CHECK(c.difference == 1.0);
  CHECK_FALSE(c.relative_change);
  REQUIRE(c.paired_ci95);
  CHECK(c.paired_ci95->first == 1.0);
  CHECK(c.paired_ci95->second == 1.0);
}

TEST_CASE("two constant runs have an exact unpaired interval and no Welch df", "[stats]") {
  const std::vector<double> base = {5, 5, 5}, alt = {7, 7, 7};
  const PairedComparison c = compare_paired("won_deals", "count", base, alt);
  CHECK_FALSE(c.welch_df);
  REQUIRE(c.unpaired_ci95);
  CHECK(c.unpaired_ci95->first == 2.0);
  CHECK(c.unpaired_ci95->second == 2.0);
  CHECK(c.significant);
}

TEST_CASE("one replication gives means but no intervals", "[stats]") {
  const std::vector<double> base = {4}, alt = {6};
  const PairedComparison c = compare_paired("sqls", "count", base, alt);
  CHECK(c.difference == 2.0);
  CHECK_FALSE(c.paired_ci95);
  CHECK_FALSE(c.unpaired_ci95);
  CHECK_FALSE(c.welch_df);
  CHECK_FALSE(c.significant);
}

TEST_CASE("a NaN value makes the comparison NaN and not significant", "[stats]") {
  const std::vector<double> base = {1, std::nan(""), 3}, alt = {2, 3, 4};
  const PairedComparison c = compare_paired("mql_recall", "share", base, alt);
  CHECK(std::isnan(c.difference));
  REQUIRE(c.paired_ci95);
  CHECK(std::isnan(c.paired_ci95->first));
  CHECK_FALSE(c.significant);
}

TEST_CASE("samples of different sizes cannot be paired", "[stats]") {
  const std::vector<double> base = {1, 2, 3}, alt = {1, 2};
  CHECK_THROWS_AS(compare_paired("revenue", "money", base, alt), Error);
}

namespace {
RunResult run_of(const std::vector<std::vector<Headline>>& replications) {
  RunResult r;
  for (const auto& h : replications) r.replications.push_back({h, {}, {}, {}, {}, {}});
  return r;
}
}  // namespace

TEST_CASE("compare_headlines pairs each headline by replication", "[stats]") {
  const RunResult base = run_of({{{"revenue", "money", 10}, {"won_deals", "count", 1}},
                                 {{"revenue", "money", 12}, {"won_deals", "count", 3}}});
  const RunResult alt = run_of({{{"revenue", "money", 11}, {"won_deals", "count", 1}},
                                {{"revenue", "money", 15}, {"won_deals", "count", 5}}});
  const auto c = compare_headlines(base, alt);
  REQUIRE(c.size() == 2);
  CHECK(c[0].name == "revenue");
  CHECK(c[0].unit == "money");
  CHECK(c[0].difference == 2.0);  // (1 + 3) / 2
  CHECK(c[1].name == "won_deals");
  CHECK(c[1].difference == 1.0);  // (0 + 2) / 2
}

TEST_CASE("compare_headlines pairs the figures both runs report and names the rest", "[stats]") {
  const RunResult base = run_of({{{"revenue", "money", 10}, {"spend_share.events", "share", 0.2}},
                                 {{"revenue", "money", 12}, {"spend_share.events", "share", 0.3}}});
  const RunResult alt = run_of({{{"spend_share.email", "share", 0.1}, {"revenue", "money", 13}},
                                {{"spend_share.email", "share", 0.1}, {"revenue", "money", 13}}});
  const auto c = compare_headlines(base, alt);
  REQUIRE(c.size() == 1);
  CHECK(c[0].name == "revenue");
  CHECK(c[0].difference == 2.0);  // (3 + 1) / 2, paired by name, not by position
  CHECK(figures_only_in(base, alt) == std::vector<std::string>{"spend_share.events"});
  CHECK(figures_only_in(alt, base) == std::vector<std::string>{"spend_share.email"});
}

TEST_CASE("compare_headlines rejects runs that cannot be paired", "[stats]") {
  const RunResult base = run_of({{{"revenue", "money", 10}}, {{"revenue", "money", 12}}});
  SECTION("no figure in common") {
    const RunResult alt = run_of({{{"mqls", "count", 10}}, {{"mqls", "count", 12}}});
    CHECK_THROWS_AS(compare_headlines(base, alt), Error);
  }
  SECTION("another number of replications") {
    const RunResult alt = run_of({{{"revenue", "money", 10}}});
    CHECK_THROWS_AS(compare_headlines(base, alt), Error);
  }
  SECTION("a replication that disagrees with the first") {
    const RunResult alt = run_of({{{"revenue", "money", 10}}, {{"mqls", "count", 12}}});
    CHECK_THROWS_AS(compare_headlines(base, alt), Error);
  }
}
