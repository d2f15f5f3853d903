// team_pool: a pool funded as a share of revenue and split among the team, equally, by
// salary or by contribution. Expected cents worked by hand.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::test;

namespace {
// A member of a team of `members` whose company booked `company`; nothing of their own.
Credits member_of(int members, const char* company) {
  Credits c;
  c.company_bookings = money(company);
  c.team.members = members;
  return c;
}
}  // namespace

TEST_CASE("team_pool splits a pool that does not divide evenly, each piece rounded once",
          "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("team_pool");
  CHECK(p.kind() == PluginKind::pay_plan);
  const auto plan = make_plan(p);  // 2% of company bookings, split equally, no cap
  // 2% of 5000.00 = 100.00 among 3: 33.333... -> 33.33 each. The three pieces paid sum to
  // 99.99, a cent under the pool; the ledger holds the pieces paid.
  const Statement s = plan.pay(member_of(3, "5000.00"), month());
  REQUIRE(s.lines().size() == 1);
  CHECK(s.lines()[0].component == "team pool");
  CHECK(s.total().cents() == 3333);
  CHECK(s.lines()[0].reason ==
        "pool 2.0% of 5000.00 company bookings = 100.00; split equally: 1 of 3 members");
  // 2% of 2.50 = 0.05 among 3: 1.666... cents -> 0.02 each, 0.06 paid: a cent over the pool.
  CHECK(plan.pay(member_of(3, "2.50"), month()).total().cents() == 2);
  // A team of one gets the whole pool.
  CHECK(plan.pay(member_of(1, "5000.00"), month()).lines()[0].reason ==
        "pool 2.0% of 5000.00 company bookings = 100.00; split equally: 1 of 1 member");
}

TEST_CASE("team_pool splits by salary", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan =
      make_plan(registry.load("team_pool"), {{"share", 0.05},
                                             {"funded_by", std::string("team_bookings")},
                                             {"split", std::string("by_salary")}});
  // 5% of the team's 400000.00 = 20000.00, split by salaries of 90000.00, 120000.00 and
  // 205000.00 (415000.00 in all): 4337.349... -> 4337.35, 5783.132... -> 5783.13,
  // 9879.518... -> 9879.52; these happen to sum to the pool.
  Credits c;
  c.team.members = 3;
  c.team.bookings = money("400000.00");
  c.team.salaries = money("415000.00");
  c.salary = money("90000.00");
  const Statement s = plan.pay(c, month());
  CHECK(s.total().cents() == 433735);
  CHECK(s.lines()[0].reason ==
        "pool 5.0% of 400000.00 team bookings = 20000.00; split by salary: 90000.00 of "
        "415000.00 (21.6867%)");
  c.salary = money("120000.00");
  CHECK(plan.pay(c, month()).total().cents() == 578313);
  c.salary = money("205000.00");
  CHECK(plan.pay(c, month()).total().cents() == 987952);
}

TEST_CASE("team_pool splits by contribution, and caps a person's piece", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("team_pool");
  Credits c;
  c.company_bookings = money("500000.00");
  c.bookings = money("100000.00");
  c.sourced_revenue = money("20000.00");
  c.team.members = 5;
  c.team.bookings = money("450000.00");
  c.team.sourced_revenue = money("50000.00");
  // 2% of 500000.00 = 10000.00; 120000.00 of the team's 500000.00 contributed (24%): 2400.00.
  const auto plan = make_plan(p, {{"split", std::string("by_contribution")}});
  const Statement s = plan.pay(c, month());
  CHECK(s.total().cents() == 240000);
  CHECK(s.lines()[0].reason ==
        "pool 2.0% of 500000.00 company bookings = 10000.00; split by contribution: "
        "120000.00 of 500000.00 (24.0%)");
  // Funded by the team's sourced revenue instead: 10% of 50000.00 = 5000.00, 24%: 1200.00.
  const Statement sourced = make_plan(p, {{"share", 0.10},
                                          {"funded_by", std::string("team_sourced_revenue")},
                                          {"split", std::string("by_contribution")}})
                                .pay(c, month());
  CHECK(sourced.total().cents() == 120000);
  CHECK_THAT(sourced.lines()[0].reason,
             Catch::Matchers::StartsWith(
                 "pool 10.0% of 50000.00 team sourced revenue = 5000.00; split by contribution"));
  // Capped at 2000.00: the 400.00 above the cap is not paid to anyone.
  const Statement capped =
      make_plan(p, {{"split", std::string("by_contribution")}, {"cap", money("2000.00")}})
          .pay(c, month());
  CHECK(capped.total().cents() == 200000);
  CHECK_THAT(capped.lines()[0].reason,
             Catch::Matchers::EndsWith("(24.0%) = 2400.00, capped at 2000.00 per pay period"));
}

TEST_CASE("team_pool splits equally when the team contributed nothing", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan =
      make_plan(registry.load("team_pool"), {{"split", std::string("by_contribution")}});
  // The rest of the company booked 300000.00: 2% = 6000.00, among 4 members: 1500.00 each.
  const Statement s = plan.pay(member_of(4, "300000.00"), month());
  CHECK(s.total().cents() == 150000);
  CHECK(s.lines()[0].reason ==
        "pool 2.0% of 300000.00 company bookings = 6000.00; nothing contributed, split "
        "equally: 1 of 4 members");
}

TEST_CASE("team_pool by salary refuses a team without salaries, saying how to fix it", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(registry.load("team_pool"), {{"split", std::string("by_salary")}});
  Credits c = member_of(4, "300000.00");
  c.salary = money("90000.00");  // the person's own salary is not enough: the team's is 0
  CHECK_THROWS_WITH(plan.pay(c, month()),
                    Catch::Matchers::Contains(
                        "split: by_salary needs the team's salaries: declare `<role>.salaries` "
                        "in the scenario, or a `salary` column in the results file"));
}

TEST_CASE("team_pool pay never falls as company bookings rise", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  for (const Money cap : {Money::unlimited(), money("2500.00")}) {
    INFO("cap " << cap.str());
    const auto plan = make_plan(registry.load("team_pool"), {{"cap", cap}});
    Money last;
    for (std::int64_t cents = 0; cents <= 2'000'000'000; cents += 9'876'543) {
      Credits c;
      c.company_bookings = Money::from_cents(cents);
      c.team.members = 7;
      const Money total = plan.pay(c, month()).total();
      CHECK(total >= last);
      last = total;
    }
  }
}

TEST_CASE("team_pool's check refuses a split by salary only when the team has no salaries",
          "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = registry.load("team_pool");
  Params params = p.schema().defaults();
  params.set("split", std::string("by_salary"));
  // Salaries not known yet (a plan file before its results): accepted.
  CHECK(p.check(params).empty());
  params.set(kTeamSalariesKey, money("180000.00"));
  CHECK(p.check(params).empty());
  params.set(kTeamSalariesKey, Money{});
  const auto problems = p.check(params);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key == "split");
  CHECK(problems[0].message ==
        "by_salary needs the team's salaries: declare `<role>.salaries` in the scenario, or a "
        "`salary` column in the results file");
  // Split otherwise, salaries are not needed.
  params.set("split", std::string("equal"));
  CHECK(p.check(params).empty());
}
