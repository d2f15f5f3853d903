// spiff: a bonus per deal won in a window of periods. Expected cents worked by hand.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::test;

TEST_CASE("spiff pays per qualifying deal and a share of its value", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("spiff");
  CHECK(p.kind() == PluginKind::pay_plan);
  const std::vector<CreditedDeal> deals{won(12, "30000.00", 9), won(40, "15000.00", 11),
                                        won(77, "8000.00", 12),    // below min_deal
                                        won(80, "50000.00", 21)};  // after the window
  const Credits c = with_deals(deals);
  const auto plan = make_plan(p, {{"per_deal", money("500.00")},
                                  {"rate", 0.01},
                                  {"from_period", std::int64_t{8}},
                                  {"to_period", std::int64_t{20}},
                                  {"min_deal", money("10000.00")}});
  const Statement s = plan.pay(c, month());
  REQUIRE(s.lines().size() == 1);
  // Deals 12 and 40 qualify: 2 x 500.00 + 1% of 45000.00 = 1000.00 + 450.00 = 1450.00.
  CHECK(s.total().cents() == 145000);
  CHECK(s.lines()[0].reason ==
        "2 deals won in periods 8-20 of at least 10000.00: 2 x 500.00 + 1.0% of 45000.00 "
        "(D12, D40)");
}

TEST_CASE("spiff rounds the share once and caps the total", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("spiff");
  const std::vector<CreditedDeal> deals{won(1, "333.33", 0), won(2, "0.02", 0)};
  const Credits c = with_deals(deals);  // points into `deals`, which outlives it
  // 1.5% of 333.35 = 5.00025 -> 5.00, plus 2 x 0.00.
  CHECK(make_plan(p, {{"per_deal", Money{}}, {"rate", 0.015}}).pay(c, month()).total().cents() ==
        500);
  // 2 x 500.00 = 1000.00, capped at 600.00.
  const Statement capped = make_plan(p, {{"cap", money("600.00")}}).pay(c, month());
  CHECK(capped.total().cents() == 60000);
  CHECK_THAT(capped.lines()[0].reason,
             Catch::Matchers::EndsWith("= 1000.00, capped at 600.00 per pay period"));
}

TEST_CASE("spiff pays nothing without known deals and refuses an empty window", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("spiff");
  Credits totals_only;
  totals_only.bookings = money("90000.00");  // results given as totals: no deal ids
  CHECK(make_plan(p).pay(totals_only, month()).total().cents() == 0);
  const Params empty_window =
      params_for(p, {{"from_period", std::int64_t{10}}, {"to_period", std::int64_t{5}}});
  const std::vector<ParamProblem> problems = p.check(empty_window);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key == "to_period");
  CHECK(problems[0].message ==
        "5 is before from_period (10): the window is empty; make to_period at least from_period");
  Stream stream(1, 0, 0);
  CHECK_THROWS_WITH(p.make_pay_plan(empty_window, stream),
                    Catch::Matchers::Contains("to_period: 5 is before from_period (10)"));
  // One period is a window.
  CHECK(p.check(params_for(p, {{"from_period", std::int64_t{5}}, {"to_period", std::int64_t{5}}}))
            .empty());
}

TEST_CASE("spiff pay never falls as a qualifying deal grows", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(registry.load("spiff"), {{"rate", 0.02}, {"cap", money("2500.00")}});
  Money last;
  for (std::int64_t cents = 0; cents <= 20'000'000; cents += 98'765) {
    const std::vector<CreditedDeal> deals{won(1, Money::from_cents(cents), 3)};
    const Money total = plan.pay(with_deals(deals), month()).total();
    CHECK(total >= last);
    last = total;
  }
}

TEST_CASE("spiff can target one product", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  std::vector<CreditedDeal> deals{won(1, "20000.00", 9), won(2, "30000.00", 10),
                                  won(3, "12000.00", 12), won(4, "40000.00", 11)};
  deals[0].product = "analytics";
  deals[1].product = "platform";
  deals[2].product = "analytics";  // deal 4's product is unknown: it does not qualify
  const auto plan = make_plan(registry.load("spiff"), {{"rate", 0.01},
                                                       {"from_period", std::int64_t{8}},
                                                       {"to_period", std::int64_t{20}},
                                                       {"product", std::string("analytics")}});
  const Statement s = plan.pay(with_deals(deals), month());
  // Deals 1 and 3: 2 x 500.00 + 1% of 32000.00 = 1000.00 + 320.00 = 1320.00.
  CHECK(s.total().cents() == 132000);
  CHECK(s.lines()[0].reason ==
        "2 deals of product analytics won in periods 8-20 of at least 0.00: 2 x 500.00 + 1.0% "
        "of 32000.00 (D1, D3)");
}

TEST_CASE("spiff can target one segment, and one product in it", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("spiff");
  std::vector<CreditedDeal> deals{won(1, "20000.00", 9), won(2, "30000.00", 10),
                                  won(3, "12000.00", 25),  // after the window
                                  won(4, "45000.00", 10)};
  deals[0].segment = deals[2].segment = deals[3].segment = "enterprise";
  deals[1].segment = "smb";
  deals[0].product = "analytics";
  deals[3].product = "platform";
  const Credits c = with_deals(deals);
  const std::map<std::string, Value> set{{"per_deal", money("750.00")},
                                         {"from_period", std::int64_t{8}},
                                         {"to_period", std::int64_t{20}},
                                         {"segment", std::string("enterprise")}};
  // Deals 1 and 4: 2 x 750.00 = 1500.00.
  const Statement s = make_plan(p, set).pay(c, month());
  CHECK(s.total().cents() == 150000);
  CHECK(s.lines()[0].reason ==
        "2 deals in segment enterprise won in periods 8-20 of at least 0.00: 2 x 750.00 (D1, D4)");
  // Both filters: only deal 1, 750.00.
  auto both = set;
  both["product"] = std::string("analytics");
  const Statement one = make_plan(p, both).pay(c, month());
  CHECK(one.total().cents() == 75000);
  CHECK(one.lines()[0].reason ==
        "1 deal of product analytics in segment enterprise won in periods 8-20 of at least "
        "0.00: 1 x 750.00 (D1)");
}

TEST_CASE("spiff pays a shared deal's bonus by the credited share", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  // D5 (40000.00) is split: this rep is credited with 30% of it, 12000.00. D6 is theirs.
  CreditedDeal split = won(5, "12000.00", 4);
  split.deal_value = money("40000.00");
  split.kind = CreditKind::split;
  const std::vector<CreditedDeal> deals{split, won(6, "20000.00", 4)};
  // min_deal 30000.00 looks at the whole deal: D5 qualifies, D6 does not.
  // 0.3 x 500.00 = 150.00, plus 1% of the credited 12000.00 = 120.00: 270.00.
  const Statement s =
      make_plan(registry.load("spiff"),
                {{"per_deal", money("500.00")}, {"rate", 0.01}, {"min_deal", money("30000.00")}})
          .pay(with_deals(deals), month());
  CHECK(s.total().cents() == 27000);
  CHECK_THAT(s.lines()[0].reason,
             Catch::Matchers::Contains("1 deal won in periods 0-1000000 of at least 30000.00: "
                                       "0.3 (credited shares) x 500.00 + 1.0% of 12000.00 (D5)"));
}
