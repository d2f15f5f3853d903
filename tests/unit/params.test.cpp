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

TEST_CASE("the constraint builders set the fields they name and no others", "[unit][params]") {
  const Constraint range = in_range(0.0, 1.0);
  CHECK(range.min == 0.0);
  CHECK(range.max == 1.0);
  CHECK_FALSE(range.min_exclusive);
  CHECK_FALSE(range.max_exclusive);
  CHECK(range.choices.empty());
  CHECK(range.unit.empty());
  CHECK(range.name_in.empty());

  const Constraint money = above(Money::from_cents(150));
  CHECK(money.min == 1.5);
  CHECK(money.min_exclusive);
  CHECK_FALSE(money.max);

  const Constraint open = in_range(0.0, 8760.0).excluding_min().with_unit("hours");
  CHECK(open.min_exclusive);
  CHECK_FALSE(open.max_exclusive);
  CHECK(open.unit == "hours");
  CHECK(in_range(0.0, 1.0).excluding_max().max_exclusive);

  CHECK(one_of({"a", "b"}).choices == std::vector<std::string>{"a", "b"});
  CHECK(name_in("products").name_in == "products");
  CHECK(at_most(3).max == 3.0);
  CHECK(at_least(Money{}).min == 0.0);
}

TEST_CASE("a constraint says which values it allows", "[unit][params]") {
  CHECK(in_range(0, 1).allows(0.0L));
  CHECK(in_range(0, 1).allows(1.0L));
  CHECK_FALSE(in_range(0, 1).allows(1.5L));
  CHECK_FALSE(in_range(0, 1).excluding_min().allows(0.0L));
  CHECK_FALSE(in_range(0, 1).excluding_max().allows(1.0L));
  CHECK(above(0.0).allows(Value(std::int64_t{1})));
  CHECK_FALSE(above(0.0).allows(Value(std::int64_t{0})));
  CHECK(at_least(Money{}).allows(Value(Money::from_cents(0))));
  CHECK_FALSE(above(Money{}).allows(Value(Money::from_cents(0))));
  CHECK(at_least(0.0).allows(Value(std::vector<double>{0, 2})));
  CHECK_FALSE(at_least(0.0).allows(Value(std::vector<double>{0, -1, 2})));
  CHECK(one_of({"a", "b"}).allows(Value(std::string("b"))));
  CHECK_FALSE(one_of({"a", "b"}).allows(Value(std::string("c"))));
  CHECK(Constraint{}.allows(Value(std::string("anything"))));
  CHECK(Constraint{}.allows(Value(true)));
}

TEST_CASE("a parameter problem reads as key and message", "[unit][params]") {
  CHECK(ParamProblem{"cap", "is below the floor"}.str() == "cap: is below the floor");
  CHECK(ParamProblem{"", "the weights sum to 1.2"}.str() == "the weights sum to 1.2");
}
