// The SDK's helpers for plugin authors' unit tests (tandem/testing.hpp), on a small plan
// declared here: parameters checked as Tandem checks them, the plan's own check, and an
// instance made as Tandem makes one.
#include <tandem/testing.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::testing;

namespace {

// A commission with a floor and a cap; the cap must not be below the floor.
class FloorAndCap final : public PayPlan {
 public:
  static Schema schema() {
    return Schema("floor_and_cap", "A commission between a floor and a cap.")
        .param<double>("rate", 0.1, "Share of bookings.", in_range(0.0, 1.0))
        .param<Money>("floor", Money{}, "Least paid.", at_least(Money{}))
        .param<Money>("cap", Money::unlimited(), "Most paid.", at_least(Money{}))
        .param<std::string>("basis", "bookings", "What is paid on.", one_of({"bookings"}))
        .required<std::int64_t>("periods", "Pay periods.", at_least(1));
  }
  static std::vector<ParamProblem> check(const Params& p) {
    if (p.get<Money>("cap") >= p.get<Money>("floor")) return {};
    return {{"cap",
             p.get<Money>("cap").str() + " is below floor (" + p.get<Money>("floor").str() + ")"}};
  }
  explicit FloorAndCap(const Params& p)
      : rate_(p.get<double>("rate")), floor_(p.get<Money>("floor")), cap_(p.get<Money>("cap")) {}
  Statement pay(const Credits& c, const PayPeriod&) const override {
    Statement s;
    s.add("commission", std::min(std::max(c.bookings.times(rate_), floor_), cap_), "");
    return s;
  }

 private:
  double rate_;
  Money floor_, cap_;
};

// A policy without a check.
class Engaged final : public LeadPolicy {
 public:
  static Schema schema() {
    return Schema("engaged", "Engaged enough.")
        .param<std::int64_t>("min_touches", 2, "Touches.", at_least(0));
  }
  explicit Engaged(const Params& p) : min_(p.get<std::int64_t>("min_touches")) {}
  bool is_mql(const LeadView& lead) override { return lead.engagement >= min_; }

 private:
  std::int64_t min_;
};

const std::int64_t kOne = 1;

}  // namespace

TEST_CASE("testing::params fills defaults and refuses what tandem validate would",
          "[unit][testing]") {
  const Params p = params<FloorAndCap>({{"periods", kOne}, {"rate", 0.2}});
  CHECK(p.get<double>("rate") == 0.2);
  CHECK(p.get<Money>("cap").is_unlimited());
  CHECK(p.get<std::string>("basis") == "bookings");
  // An integer for a number is that number, as in a scenario.
  CHECK(params<FloorAndCap>({{"periods", kOne}, {"rate", std::int64_t{1}}}).get<double>("rate") ==
        1.0);

  CHECK_THROWS_WITH(params<FloorAndCap>({}), "'floor_and_cap' requires parameter 'periods'");
  CHECK_THROWS_WITH(params<FloorAndCap>({{"periods", kOne}, {"rat", 0.2}}),
                    "'floor_and_cap' declares no parameter 'rat'");
  CHECK_THROWS_WITH(params<FloorAndCap>({{"periods", kOne}, {"rate", std::string("high")}}),
                    "parameter 'rate' of 'floor_and_cap' is of type number, got a value of type "
                    "text");
  CHECK_THROWS_AS(params<FloorAndCap>({{"periods", kOne}, {"rate", 1.5}}), Error);
  CHECK_THROWS_AS(params<FloorAndCap>({{"periods", std::int64_t{0}}}), Error);
  CHECK_THROWS_AS(params<FloorAndCap>({{"periods", kOne}, {"basis", std::string("deals")}}), Error);
  CHECK_THROWS_AS(params<FloorAndCap>({{"periods", kOne}, {"floor", Money::from_cents(-1)}}),
                  Error);
}

TEST_CASE("testing::problems and make run the plugin's check as Tandem does", "[unit][testing]") {
  const std::map<std::string, Value> inverted = {
      {"periods", kOne}, {"floor", money("500.00")}, {"cap", money("100.00")}};
  const std::vector<ParamProblem> found = problems<FloorAndCap>(params<FloorAndCap>(inverted));
  REQUIRE(found.size() == 1);
  CHECK(found[0].key == "cap");
  CHECK(found[0].message == "100.00 is below floor (500.00)");
  CHECK_THROWS_WITH(
      make<FloorAndCap>(inverted),
      "'floor_and_cap' refuses these parameters: cap: 100.00 is below floor (500.00)");

  const FloorAndCap plan = make<FloorAndCap>({{"periods", kOne}, {"cap", money("50.00")}});
  CHECK(line(plan.pay(booked("1000.00"), month()), "commission") == money("50.00"));
  CHECK(line(plan.pay(booked("100.00"), quarter()), "commission") == money("10.00"));
  CHECK(line(plan.pay(booked("100.00"), year()), "nothing") == Money{});

  // A plugin without a check has no problems.
  CHECK(problems<Engaged>(params<Engaged>()).empty());
  Engaged policy = make<Engaged>({{"min_touches", std::int64_t{3}}});
  CHECK(policy.is_mql(lead(50, 0.5, 3)));
  CHECK_FALSE(policy.is_mql(lead(99, 1.0, 2)));
}

TEST_CASE("testing's views: periods, money, deals and reps", "[unit][testing]") {
  CHECK(month().years == Approx(1.0 / 12.0));
  CHECK(quarter().kind == PeriodKind::quarter);
  CHECK(year().years == 1.0);
  CHECK(money("1234.50").cents() == 123450);
  CHECK_THROWS_AS(money("12k"), Error);

  const std::vector<CreditedDeal> deals = {won(1, "150000.00", 2), won(2, "20000.00", 3)};
  const Credits c = with_deals(deals);
  CHECK(c.bookings == money("170000.00"));
  CHECK(c.deals_won == 2);
  CHECK(c.deals.size() == 2);
  CHECK(c.deals[0].deal_value == money("150000.00"));

  Statement s;
  s.add("bonus", money("10.00"), "for trying");
  CHECK(reason(s, "bonus") == "for trying");
  CHECK(reason(s, "other").empty());

  const std::vector<RepView> team = reps(2, 40);
  CHECK(team.size() == 2);
  CHECK(team[1].hours_per_period == 40);
  CHECK(team[1].queue == 0);
  CHECK(lead(70).has_contact);
}
