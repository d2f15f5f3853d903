// The quota_tiers pay plan, loaded from the build tree as the tandem program loads it: its
// declared parameters, exact payouts worked by hand, the parameter combinations it refuses,
// and that paying more for more bookings never turns into paying less.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::test;

namespace {

using List = std::vector<double>;

const LoadedPlugin& quota_tiers() {
  static PluginRegistry registry({kShippedDir});
  return registry.load("quota_tiers");
}

// The default tiers (0-50% at 0.5x, 50-100% at 1.0x, 100%+ at 1.5x of 10.0%) on a quota of
// 50000.00 a pay period, then `set`.
GuardedPayPlan plan(std::map<std::string, Value> set = {}) {
  set.emplace("quota", money("50000.00"));
  return make_plan(quota_tiers(), set);
}

struct Line {
  std::string component;
  std::int64_t cents;
  bool operator==(const Line&) const = default;
};

std::vector<Line> lines_of(const Statement& s) {
  std::vector<Line> out;
  for (const auto& l : s.lines()) out.push_back({l.component, l.amount.cents()});
  return out;
}

// The constructor's message for parameters `set`, as `tandem validate` shows it.
// What the plugin's check says of the default plan with `set` over it: "key: message" per
// problem, in order. `set` bypasses the schema (a value it would refuse reaches the check).
std::vector<std::string> refusal(const std::map<std::string, Value>& set) {
  Params params = params_for(quota_tiers(), {{"quota", money("50000.00")}});
  for (const auto& [name, value] : set) params.set(name, value);
  std::vector<std::string> out;
  for (const auto& problem : quota_tiers().check(params)) out.push_back(problem.str());
  return out;
}

}  // namespace

TEST_CASE("quota_tiers declares its parameters", "[plugin]") {
  const LoadedPlugin& p = quota_tiers();
  CHECK(p.kind() == PluginKind::pay_plan);
  CHECK(p.version() == "1.0.0");
  const Schema& s = p.schema();
  REQUIRE(s.params().size() == 8);
  CHECK(s.find("quota")->required());
  CHECK(s.find("quota")->type == ParamType::money);
  CHECK(s.find("quota")->allowed.min_exclusive);
  CHECK(std::get<double>(*s.find("rate")->default_value) == 0.10);
  CHECK(s.find("tier_starts")->type == ParamType::number_list);
  CHECK(std::get<List>(*s.find("tier_starts")->default_value) == List{0, 0.5, 1.0});
  CHECK(s.find("tier_multipliers")->type == ParamType::number_list);
  CHECK(std::get<List>(*s.find("tier_multipliers")->default_value) == List{0.5, 1.0, 1.5});
  CHECK(s.find("tier_multipliers")->allowed.min == 0.0);
  CHECK(std::get<Money>(*s.find("cap")->default_value).is_unlimited());
  CHECK(std::get<Money>(*s.find("bookings_cap")->default_value).is_unlimited());
  CHECK(std::get<Money>(*s.find("base_salary")->default_value) == Money{});
}

TEST_CASE("quota_tiers below the threshold pays the decelerated rate", "[plugin]") {
  // 20000.00 is 40% of 50000.00, all in tier 1: 20000.00 x 0.5 x 10% = 1000.00.
  const Statement s = plan().pay(booked("20000.00"), month());
  CHECK(lines_of(s) == std::vector<Line>{{"commission tier 1", 100000}});
  CHECK(s.lines()[0].reason ==
        "tier 1: 0%-50% of quota (20000.00 of 20000.00 booked, 40.0% attained) x 0.5 at 10.0%");
}

TEST_CASE("quota_tiers exactly at a tier boundary pays nothing in the next tier", "[plugin]") {
  // 25000.00 is 50%: tier 1 is full (25000.00 x 5% = 1250.00), tier 2 has nothing in it.
  const Statement s = plan().pay(booked("25000.00"), month());
  CHECK(lines_of(s) == std::vector<Line>{{"commission tier 1", 125000}});
  // One cent more opens tier 2: 0.01 x 10% = 0.001, which rounds to 0.00.
  CHECK(lines_of(plan().pay(booked("25000.01"), month())) ==
        std::vector<Line>{{"commission tier 1", 125000}, {"commission tier 2", 0}});
}

TEST_CASE("quota_tiers exactly at quota pays tiers 1 and 2 in full", "[plugin]") {
  // 25000.00 x 5% = 1250.00, plus 25000.00 x 10% = 2500.00: 3750.00.
  const Statement s = plan().pay(booked("50000.00"), month());
  CHECK(lines_of(s) ==
        std::vector<Line>{{"commission tier 1", 125000}, {"commission tier 2", 250000}});
  CHECK(s.lines()[1].reason ==
        "tier 2: 50%-100% of quota (25000.00 of 50000.00 booked, 100.0% attained) x 1.0 at 10.0%");
}

TEST_CASE("quota_tiers above quota pays the accelerated rate on the excess only", "[plugin]") {
  // 62000.00 is 124%: 1250.00 + 2500.00 + 12000.00 x 1.5 x 10% (1800.00) = 5550.00.
  const Statement s = plan().pay(booked("62000.00"), quarter());
  CHECK(lines_of(s) == std::vector<Line>{{"commission tier 1", 125000},
                                         {"commission tier 2", 250000},
                                         {"commission tier 3", 180000}});
  CHECK(s.total().cents() == 555000);
  CHECK(s.lines()[2].reason ==
        "tier 3: 100%+ of quota (12000.00 of 62000.00 booked, 124.0% attained) x 1.5 at 10.0%");
  // Marginal, not retroactive: a flat 15% of everything would have been 9300.00.
}

TEST_CASE("quota_tiers with nothing booked shows tier 1 at zero", "[plugin]") {
  const Statement s = plan().pay(Credits{}, month());
  CHECK(lines_of(s) == std::vector<Line>{{"commission tier 1", 0}});
  CHECK(s.lines()[0].reason ==
        "tier 1: 0%-50% of quota (0.00 of 0.00 booked, 0.0% attained) x 0.5 at 10.0%");
}

TEST_CASE("quota_tiers pays up to the cap exactly by cutting the tier where it binds", "[plugin]") {
  SECTION("in tier 3") {
    // 1250.00 + 2500.00 = 3750.00 fits under 4000.00; tier 3's 1800.00 is cut to 250.00.
    const Statement s = plan({{"cap", money("4000.00")}}).pay(booked("62000.00"), month());
    CHECK(lines_of(s) == std::vector<Line>{{"commission tier 1", 125000},
                                           {"commission tier 2", 250000},
                                           {"commission tier 3", 25000}});
    CHECK(s.total().cents() == 400000);
    CHECK(s.lines()[2].reason ==
          "tier 3: 100%+ of quota (12000.00 of 62000.00 booked, 124.0% attained) x 1.5 at 10.0% "
          "= 1800.00, cut to 250.00: commission capped at 4000.00 per pay period");
  }
  SECTION("in tier 1: later tiers are not shown") {
    // Tier 1 alone earns 1250.00, over the 1000.00 cap.
    const Statement s = plan({{"cap", money("1000.00")}}).pay(booked("62000.00"), month());
    CHECK(lines_of(s) == std::vector<Line>{{"commission tier 1", 100000}});
  }
  SECTION("reached exactly by earlier tiers: the next tier says it was cut to nothing") {
    const Statement s = plan({{"cap", money("3750.00")}}).pay(booked("62000.00"), month());
    CHECK(lines_of(s) == std::vector<Line>{{"commission tier 1", 125000},
                                           {"commission tier 2", 250000},
                                           {"commission tier 3", 0}});
    CHECK(s.total().cents() == 375000);
  }
  SECTION("not binding") {
    CHECK(plan({{"cap", money("5550.00")}}).pay(booked("62000.00"), month()).total().cents() ==
          555000);
  }
}

TEST_CASE("quota_tiers pays nothing on bookings above the bookings cap", "[plugin]") {
  // 70000.00 booked, 55000.00 credited (110%): 1250.00 + 2500.00 + 5000.00 x 15% (750.00).
  const Statement s = plan({{"bookings_cap", money("55000.00")}}).pay(booked("70000.00"), month());
  CHECK(lines_of(s) == std::vector<Line>{{"commission tier 1", 125000},
                                         {"commission tier 2", 250000},
                                         {"commission tier 3", 75000}});
  CHECK(s.lines()[2].reason ==
        "tier 3: 100%+ of quota (5000.00 of 55000.00 credited (of 70000.00 booked), 110.0% "
        "attained) x 1.5 at 10.0%");
  // Below the bookings cap nothing changes.
  CHECK(plan({{"bookings_cap", money("55000.00")}}).pay(booked("50000.00"), month()).total() ==
        plan().pay(booked("50000.00"), month()).total());
}

TEST_CASE("quota_tiers rounds each tier's amount half away from zero", "[plugin]") {
  // Rate 12.5% so every tier rate is exact in binary: 6.25%, 12.5%, 18.75%. Quota 1000.00.
  const auto exact = [](const char* amount) {
    return lines_of(
        plan({{"quota", money("1000.00")}, {"rate", 0.125}}).pay(booked(amount), month()));
  };
  // 100.08 x 6.25% = 6.255 -> 6.26.
  CHECK(exact("100.08") == std::vector<Line>{{"commission tier 1", 626}});
  // 500.00 x 6.25% = 31.25; 100.04 x 12.5% = 12.505 -> 12.51.
  CHECK(exact("600.04") ==
        std::vector<Line>{{"commission tier 1", 3125}, {"commission tier 2", 1251}});
  // 31.25 + 500.00 x 12.5% (62.50) + 0.08 x 18.75% (0.015 -> 0.02).
  CHECK(exact("1000.08") == std::vector<Line>{{"commission tier 1", 3125},
                                              {"commission tier 2", 6250},
                                              {"commission tier 3", 2}});
}

TEST_CASE("quota_tiers prorates the base salary over the pay period", "[plugin]") {
  const GuardedPayPlan p = plan({{"base_salary", money("60000.00")}});
  // 60000.00 / 12 = 5000.00, plus tier 1's 20000.00 x 5% = 1000.00.
  const Statement m = p.pay(booked("20000.00"), month());
  CHECK(lines_of(m) == std::vector<Line>{{"base salary", 500000}, {"commission tier 1", 100000}});
  CHECK(m.lines()[0].reason == "60000.00 a year, prorated for a month (0.0833 of a year)");
  CHECK(p.pay(Credits{}, quarter()).lines()[0].amount.cents() == 1500000);  // 60000 / 4
  // 100000.00 / 12 = 8333.333... -> 8333.33.
  CHECK(plan({{"base_salary", money("100000.00")}}).pay(Credits{}, month()).lines()[0].amount ==
        money("8333.33"));
}

TEST_CASE("quota_tiers with every multiplier at 1 pays the flat rate", "[plugin]") {
  // 25000.00 x 10% + 16250.00 x 10% = 2500.00 + 1625.00 = 4125.00, as 10% of 41250.00.
  CHECK(plan({{"tier_multipliers", List{1, 1, 1}}}).pay(booked("41250.00"), month()).total() ==
        money("4125.00"));
}

TEST_CASE("quota_tiers refuses tiers that do not fit together, each at its key", "[plugin]") {
  using Said = std::vector<std::string>;
  CHECK(refusal({}).empty());
  CHECK(refusal({{"tier_starts", List{0.1, 0.5, 1}}}) ==
        Said{"tier_starts: [0.1, 0.5, 1] must start at 0: the first tier pays from the first "
             "booking"});
  CHECK(refusal({{"tier_starts", List{}}, {"tier_multipliers", List{}}}) ==
        Said{"tier_starts: [] must start at 0: the first tier pays from the first booking"});
  CHECK(refusal({{"tier_starts", List{0, 1, 1}}}) ==
        Said{"tier_starts: [0, 1, 1] must strictly increase: item [2] (1) is not above item [1] "
             "(1)"});
  CHECK(refusal({{"tier_multipliers", List{0.5, 1}}}) ==
        Said{"tier_multipliers: [0.5, 1] has 2 values but tier_starts [0, 0.5, 1] has 3: give "
             "one multiplier per tier"});
  // The schema refuses a negative multiplier first; the check guards it all the same.
  CHECK(refusal({{"tier_multipliers", List{0.5, -1, 1}}}) ==
        Said{"tier_multipliers: item [1] (-1) must be at least 0"});
  // Every problem is reported, not only the first: the user fixes them in one go.
  CHECK(refusal({{"tier_starts", List{0, 1, 0.5}},
                 {"tier_multipliers", List{1}},
                 {"bookings_cap", money("100.00")}}) ==
        Said{"tier_starts: [0, 1, 0.5] must strictly increase: item [2] (0.5) is not above item "
             "[1] (1)",
             "tier_multipliers: [1] has 1 values but tier_starts [0, 1, 0.5] has 3: give one "
             "multiplier per tier",
             "bookings_cap: 100.00 is below quota (50000.00): no rep could reach quota; raise "
             "bookings_cap or lower quota"});
  // Made anyway (a caller that skipped validation), the plan is refused, not built.
  CHECK_THROWS_AS(plan({{"tier_starts", List{0, 1, 1}}}), PluginFault);
  // One tier is a flat rate on bookings.
  CHECK(plan({{"tier_starts", List{0}}, {"tier_multipliers", List{2}}})
            .pay(booked("1000.00"), month())
            .total() == money("200.00"));
}

TEST_CASE("quota_tiers total pay never falls as bookings rise", "[plugin]") {
  const std::vector<std::map<std::string, Value>> plans = {
      {},
      {{"tier_multipliers", List{0, 0, 2}}},
      {{"tier_starts", List{0, 0.3, 0.7, 1, 1.5}}, {"tier_multipliers", List{0.2, 0.9, 1, 3, 0}}},
      {{"cap", money("4321.09")}},
      {{"bookings_cap", money("61234.56")}, {"base_salary", money("50000.00")}},
      {{"quota", money("333.33")}, {"rate", 0.37}}};
  for (const auto& set : plans) {
    const GuardedPayPlan p = plan(set);
    Money last = p.pay(Credits{}, month()).total();
    for (std::int64_t cents = 0; cents <= 15'000'000; cents += 12'347) {
      Credits c;
      c.bookings = Money::from_cents(cents);
      const Money total = p.pay(c, month()).total();
      INFO("bookings " << c.bookings.str());
      REQUIRE(total >= last);
      last = total;
    }
  }
}

TEST_CASE("quota_tiers is pure: same credits give the same cents", "[plugin]") {
  const GuardedPayPlan p = plan({{"cap", money("5000.00")}});
  const Statement first = p.pay(booked("98765.43"), quarter());
  for (int i = 0; i < 50; ++i) {
    const Statement again = p.pay(booked("98765.43"), quarter());
    REQUIRE(lines_of(again) == lines_of(first));
  }
}

TEST_CASE("quota_tiers refuses a bookings cap below quota", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("quota_tiers");
  Stream stream(1, 0, 0);
  Params params =
      params_for(p, {{"quota", money("50000.00")}, {"bookings_cap", money("40000.00")}});
  // Its check names the key, so validation reports it where bookings_cap is written.
  const std::vector<ParamProblem> problems = p.check(params);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key == "bookings_cap");
  CHECK(problems[0].message ==
        "40000.00 is below quota (50000.00): no rep could reach quota; raise bookings_cap or "
        "lower quota");
  // Made anyway (a caller that skipped validation), the plan is refused, not built.
  CHECK_THROWS_WITH(p.make_pay_plan(params, stream),
                    Catch::Matchers::Contains("bookings_cap: 40000.00 is below quota (50000.00)"));
  // At quota exactly is allowed: a rep can reach 100% and no further.
  params.set("bookings_cap", money("50000.00"));
  CHECK(p.check(params).empty());
  CHECK_NOTHROW(p.make_pay_plan(params, stream));
}

namespace {
// Pays pay period `k` of a run of monthly bookings, the earlier months as history.
Statement pay_month(const GuardedPayPlan& plan, const std::vector<const char*>& booked,
                    std::size_t k) {
  std::vector<Credits> earlier(k);
  for (std::size_t i = 0; i < k; ++i) earlier[i].bookings = money(booked[i]);
  Credits c;
  c.bookings = money(booked[k]);
  c.earlier = earlier;
  PayPeriod p = month();
  p.index = static_cast<int>(k);
  return plan.pay(c, p);
}
Money true_up_of(const Statement& s) {
  for (const auto& l : s.lines())
    if (l.component == "true-up") return l.amount;
  return Money{};
}
}  // namespace

TEST_CASE("quota_tiers trues up a quarter the monthly cap held back", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  // Quota 50000.00 a month, 10%, tiers [0, .5, 1] x [.5, 1, 1.5], commission capped at
  // 5000.00 a month, trued up each quarter.
  const auto plan = make_plan(registry.load("quota_tiers"), {{"quota", money("50000.00")},
                                                             {"cap", money("5000.00")},
                                                             {"true_up", std::string("quarter")}});
  const std::vector<const char*> booked{"100000.00", "0.00", "0.00"};
  // Month 1 earns 1250.00 + 2500.00 + 7500.00 = 11250.00, capped at 5000.00; months 2-3 pay 0.
  CHECK(pay_month(plan, booked, 0).total().cents() == 500000);
  CHECK(true_up_of(pay_month(plan, booked, 1)) == Money{});  // not a quarter end
  // The quarter: 100000.00 of 150000.00 quota: 75000.00 x 5% + 25000.00 x 10% = 6250.00
  // (under the quarter's cap of 15000.00), less 5000.00 paid: a true-up of 1250.00.
  const Statement end = pay_month(plan, booked, 2);
  CHECK(true_up_of(end).cents() == 125000);
  CHECK(end.lines().back().reason ==
        "quarter true-up: 3 pay periods, 100000.00 credited of 150000.00 quota (66.6667% "
        "attained) earn 6250.00 on the total, less 5000.00 paid period by period");
}

TEST_CASE("quota_tiers never takes back through a true-up", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(registry.load("quota_tiers"),
                              {{"quota", money("50000.00")}, {"true_up", std::string("quarter")}});
  // Lumpy months paid accelerators month by month (14750.00 in all); the quarter's total
  // would earn 11250.00. Nothing is taken back, and no true-up line is written.
  const std::vector<const char*> booked{"20000.00", "20000.00", "110000.00"};
  const Statement end = pay_month(plan, booked, 2);
  CHECK(end.total().cents() == 1275000);
  CHECK(true_up_of(end) == Money{});
  for (const auto& l : end.lines()) CHECK(l.component != "true-up");
}
