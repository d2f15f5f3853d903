// The points of a sweep: parsing --vary and the grid of every combination.
#include "experiments/sweep_grid.hpp"

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

using namespace tandem;

TEST_CASE("a vary lists a key and its values", "[experiments]") {
  const Vary v = parse_vary("sales.pay.params.rate = 0.08, 0.10,0.12");
  CHECK(v.key == "sales.pay.params.rate");
  CHECK(v.values == std::vector<std::string>{"0.08", "0.10", "0.12"});
}

TEST_CASE("commas inside brackets or quotes do not split a vary", "[experiments]") {
  const Vary v = parse_vary("sales.pay.params.tier_starts=[0,0.5,1],[0,1,1.5]");
  CHECK(v.values == std::vector<std::string>{"[0,0.5,1]", "[0,1,1.5]"});
  CHECK(parse_vary("name='a, b','c'").values == std::vector<std::string>{"'a, b'", "'c'"});
}

TEST_CASE("a malformed vary is refused with what to write", "[experiments]") {
  CHECK_THROWS_WITH(parse_vary("sales.pay.params.rate"),
                    Catch::Contains("no '='") && Catch::Contains("--vary"));
  CHECK_THROWS_WITH(parse_vary("=1,2"), Catch::Contains("no key"));
  CHECK_THROWS_WITH(parse_vary("seed=1,,2"), Catch::Contains("an empty value"));
  CHECK_THROWS_WITH(parse_vary("seed=1,2,1"), Catch::Contains("'1' is given twice"));
  CHECK_THROWS_AS(parse_vary("seed="), UsageError);
}

TEST_CASE("the grid holds every combination with the first vary slowest", "[experiments]") {
  const auto points = grid_points({parse_vary("a=1,2"), parse_vary("b=x,y,z")});
  REQUIRE(points.size() == 6);
  CHECK(points[0] == std::vector<std::string>{"a=1", "b=x"});
  CHECK(points[2] == std::vector<std::string>{"a=1", "b=z"});
  CHECK(points[3] == std::vector<std::string>{"a=2", "b=x"});
  CHECK(grid_points({}).size() == 1);  // no vary: the scenario as it is
  CHECK_THROWS_WITH(grid_points({parse_vary("a=1"), parse_vary("a=2")}),
                    Catch::Contains("given twice"));
}
