// Typed parameters in the SDK: a list of numbers declared, defaulted and read back.
#include <tandem/params.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tandem;

TEST_CASE("a list of numbers parameter is declared with a braced default and read back",
          "[unit][params]") {
  const Schema s =
      Schema("plan", "A plan.")
          .param<std::vector<double>>("tiers", {0, 0.5, 1.0}, "Tier starts.", in_range(0, 10))
          .required<std::vector<double>>("weights", "Weights.");
  const ParamSpec& tiers = *s.find("tiers");
  CHECK(tiers.type == ParamType::number_list);
  CHECK(std::string(type_name(tiers.type)) == "list of numbers");
  CHECK(std::get<std::vector<double>>(*tiers.default_value) == std::vector<double>{0, 0.5, 1});
  CHECK(s.find("weights")->required());
  CHECK(s.find("weights")->type == ParamType::number_list);

  Params p = s.defaults();
  CHECK(p.get<std::vector<double>>("tiers") == std::vector<double>{0, 0.5, 1});
  CHECK_FALSE(p.has("weights"));
  p.set("weights", std::vector<double>{});
  CHECK(p.get<std::vector<double>>("weights").empty());
  CHECK_THROWS_AS(p.get<double>("tiers"), Error);
  CHECK_THROWS_AS(p.get<std::vector<double>>("missing"), Error);
}

TEST_CASE("existing value types keep their place in Value", "[unit][params]") {
  // Plugins built before the list type was added read values by these indices.
  CHECK(Value(true).index() == 0);
  CHECK(Value(std::int64_t{1}).index() == 1);
  CHECK(Value(1.0).index() == 2);
  CHECK(Value(Money{}).index() == 3);
  CHECK(Value(std::string("x")).index() == 4);
  CHECK(Value(std::vector<double>{}).index() == 5);
}
