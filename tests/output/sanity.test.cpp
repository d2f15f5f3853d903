// Warnings about figures that say a scenario is probably not what its author meant.
#include "output/sanity.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tandem;

namespace {

HeadlineStats figure(const std::string& name, double mean) {
  HeadlineStats h;
  h.name = name;
  h.unit = name == "cost_of_sales_share" ? "share" : "money";
  h.stats.n = 10;
  h.stats.mean = mean;
  return h;
}

Scenario with_people(int marketers, int reps, int sdrs) {
  Scenario s;
  s.horizon = {52, SimPeriod::week};
  s.marketing.people = marketers;
  s.sales.people = reps;
  s.sdrs.people = sdrs;
  return s;
}

}  // namespace

TEST_CASE("pay above revenue is a warning that says its period", "[output]") {
  const Scenario s = with_people(2, 5, 0);
  const std::vector<std::string> w =
      sanity_warnings(s, {figure("cost_of_sales_share", 1.25), figure("pay_marketing", 1e5),
                          figure("pay_sales", 4e5), figure("pay_sdrs", 0)});
  REQUIRE(w.size() == 1);
  CHECK(w[0].find("125% of revenue over weeks 1-52 of the run") != std::string::npos);
  // At or below 100% nothing is said; neither is a team of nobody paid nothing.
  CHECK(sanity_warnings(s, {figure("cost_of_sales_share", 1.0), figure("pay_marketing", 1e5),
                            figure("pay_sales", 4e5), figure("pay_sdrs", 0)})
            .empty());
}

TEST_CASE("a team with people and no pay is a warning naming the team", "[output]") {
  const std::vector<std::string> w = sanity_warnings(
      with_people(2, 5, 3), {figure("cost_of_sales_share", 0.1), figure("pay_marketing", 1e5),
                             figure("pay_sales", 4e5), figure("pay_sdrs", 0)});
  REQUIRE(w.size() == 1);
  CHECK(w[0].find("sdrs (3 people) are paid nothing over weeks 1-52") != std::string::npos);
  CHECK(w[0].find("sdrs.pay") != std::string::npos);
}
