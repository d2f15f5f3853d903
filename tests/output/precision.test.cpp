// Were the replications enough: which intervals are too wide to read, and how many
// replications would narrow them.
#include "output/precision.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace tandem;

namespace {

HeadlineStats figure(const std::string& name, const std::string& unit, std::vector<double> values) {
  return {name, unit, describe(values)};
}

}  // namespace

TEST_CASE("an interval wider than 5% of the mean is listed with the replications to narrow it",
          "[output]") {
  // Mean 100, sd 20, n 4: half-width t(0.975, 3) * 20 / 2 = 31.8, target 5.
  const HeadlineStats revenue = figure("revenue", "money", {80, 100, 100, 120});
  const double sd = *revenue.stats.sd;
  const double half = (revenue.stats.ci95->second - revenue.stats.ci95->first) / 2;
  const auto p = precision_block({revenue});
  REQUIRE(p["wide"].size() == 1);
  const auto& w = p["wide"][0];
  CHECK(w["headline"] == "revenue");
  CHECK(w["half_width"].get<double>() == Approx(half));
  CHECK(w["target_half_width"].get<double>() == Approx(5.0));
  // The half-width shrinks as 1/sqrt(n): n * (half / target)^2.
  CHECK(w["replications_needed"].get<long long>() ==
        static_cast<long long>(std::ceil(4 * (half / 5) * (half / 5))));
  CHECK(sd > 0);
}

TEST_CASE("a narrow interval and a figure that never varied are readable", "[output]") {
  const HeadlineStats narrow = figure("won_deals", "count", {100, 101, 99, 100, 100, 101});
  const HeadlineStats exact = figure("pay_sdrs", "money", {0, 0, 0});
  const auto p = precision_block({narrow, exact});
  CHECK(p["wide"].empty());
  CHECK(p["replications"] == 6);
  CHECK(precision_note(p).empty());
}

TEST_CASE("a share is judged in percentage points not relative to its mean", "[output]") {
  // A share near 0: relative to the mean it would always look wide.
  const HeadlineStats small = figure("mqls_ignored_share", "share",
                                     {0.010, 0.011, 0.009, 0.010, 0.012, 0.008, 0.010, 0.010});
  CHECK(precision_block({small})["wide"].empty());
  const HeadlineStats noisy = figure("sla_breach_share", "share", {0.3, 0.5, 0.4, 0.6});
  const auto p = precision_block({noisy});
  REQUIRE(p["wide"].size() == 1);
  CHECK(p["wide"][0]["target_half_width"].get<double>() == Approx(0.01));
  CHECK(precision_note(p).find("sla_breach_share ±") != std::string::npos);
  CHECK(precision_note(p).find(" pp") != std::string::npos);
}

TEST_CASE("one replication has no intervals and the note says to run more", "[output]") {
  const auto p = precision_block({figure("revenue", "money", {5.0})});
  CHECK(p["wide"].empty());
  CHECK(p["replications"] == 1);
  CHECK(precision_note(p).find("--replications") != std::string::npos);
}

TEST_CASE("the note names three figures and counts the rest", "[output]") {
  std::vector<HeadlineStats> wide;
  for (const char* name : {"a", "b", "c", "d", "e"})
    wide.push_back(figure(name, "count", {10, 20, 30}));
  const std::string note = precision_note(precision_block(wide));
  CHECK(note.find("5 figures") != std::string::npos);
  CHECK(note.find("a ±") != std::string::npos);
  CHECK(note.find("c ±") != std::string::npos);
  CHECK(note.find("d ±") == std::string::npos);
  CHECK(note.find("and 2 more") != std::string::npos);
  CHECK(note.find("--replications") != std::string::npos);
}
