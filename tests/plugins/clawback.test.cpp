// clawback: commission taken back when a customer cancels soon after the win, netted from
// this and later periods' commission, recomputed from the person's earlier credits.
// Expected cents worked by hand.
#include "plugin_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

using namespace tandem;
using namespace tandem::test;

namespace {
// A deal won in `won_period` whose customer cancelled in `cancelled_period`.
CreditedDeal cancelled(std::uint64_t id, const char* amount, int won_period, int cancelled_period) {
  CreditedDeal d = won(id, amount, won_period);
  d.cancelled_period = cancelled_period;
  return d;
}

// One pay period's credits: bookings, and the deals cancelled in it.
struct PeriodCredits {
  const char* booked;
  std::vector<CreditedDeal> cancellations;
};

// Credits for `p`; they point into `p`, which must outlive them.
Credits credits_of(const PeriodCredits& p) {
  Credits c = booked(p.booked);
  for (const auto& d : p.cancellations) c.cancelled += d.value;
  c.deals_cancelled = static_cast<std::int64_t>(p.cancellations.size());
  c.cancellations = p.cancellations;
  return c;
}

// Pays pay period `k` of the run, with the earlier periods as history.
Statement pay_period(const GuardedPayPlan& plan, const std::vector<PeriodCredits>& run,
                     std::size_t k) {
  std::vector<Credits> earlier;
  for (std::size_t i = 0; i < k; ++i) earlier.push_back(credits_of(run[i]));
  Credits c = credits_of(run[k]);
  c.earlier = earlier;
  return plan.pay(c, month());
}

const LoadedPlugin& clawback(PluginRegistry& registry) {
  return registry.load("clawback");
}
}  // namespace

TEST_CASE("clawback declares its parameters", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const LoadedPlugin& p = clawback(registry);
  CHECK(p.kind() == PluginKind::pay_plan);
  CHECK(p.version() == "1.0.0");
  const auto& params = p.schema().params();
  REQUIRE(params.size() == 4);
  CHECK(params[0].name == "rate");
  CHECK(std::get<double>(*params[0].default_value) == 0.10);
  CHECK(params[0].allowed.max == 1.0);
  CHECK(params[1].name == "within_periods");
  CHECK(params[1].type == ParamType::integer);
  CHECK(std::get<std::int64_t>(*params[1].default_value) == 26);
  CHECK(params[1].allowed.min == 1.0);
  CHECK(params[1].allowed.unit == "periods");
  CHECK(params[2].name == "clawback_share");
  CHECK(std::get<double>(*params[2].default_value) == 1.0);
  CHECK(params[3].name == "base_salary");
  CHECK(std::get<Money>(*params[3].default_value) == Money{});
}

TEST_CASE("clawback takes back a deal cancelled in the next pay period", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(clawback(registry));  // 10%, within 26 periods, all of it
  // Month 0 (periods 0-3): D17 12000.00 won in period 3. Month 1 (periods 4-7): its customer
  // cancels in period 6, and 50000.00 is booked.
  const std::vector<PeriodCredits> run{{"12000.00", {}},
                                       {"50000.00", {cancelled(17, "12000.00", 3, 6)}}};
  // 0: 10% of 12000.00 = 1200.00, nothing to take back.
  Statement s = pay_period(plan, run, 0);
  CHECK(s.total().cents() == 120000);
  CHECK(reason(s, "commission") == "10.0% of 12000.00 booked");
  // 1: earned 5000.00, less the 1200.00 D17 earned: paid 3800.00.
  s = pay_period(plan, run, 1);
  REQUIRE(s.lines().size() == 1);
  CHECK(s.total().cents() == 380000);
  CHECK(reason(s, "commission") ==
        "10.0% of 50000.00 booked = 5000.00, less 1200.00 clawed back; 1200.00 due back (10.0% "
        "of 12000.00 cancelled: D17 12000.00 won period 3, cancelled period 6)");
}

TEST_CASE("clawback spares a deal cancelled outside the window", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(clawback(registry));
  // D21: cancelled 30 periods after the win, outside 26: kept. D22: 26 periods after, the
  // last period inside: 10% of 4000.00 = 400.00 taken back from 2000.00 earned.
  const std::vector<PeriodCredits> both{
      {"20000.00", {cancelled(21, "9000.00", 2, 32), cancelled(22, "4000.00", 10, 36)}}};
  const Statement s = pay_period(plan, both, 0);
  CHECK(s.total().cents() == 160000);
  CHECK(reason(s, "commission") ==
        "10.0% of 20000.00 booked = 2000.00, less 400.00 clawed back; 400.00 due back (10.0% of "
        "4000.00 cancelled: D22 4000.00 won period 10, cancelled period 36); D21 9000.00 "
        "cancelled 30 periods after the win: outside 26, not clawed back");

  const std::vector<PeriodCredits> outside{{"20000.00", {cancelled(21, "9000.00", 2, 32)}}};
  const Statement kept = pay_period(plan, outside, 0);
  CHECK(kept.total().cents() == 200000);  // all 2000.00
  CHECK(reason(kept, "commission") ==
        "10.0% of 20000.00 booked; D21 9000.00 cancelled 30 periods after the win: outside 26, "
        "not clawed back");

  // A window of 1 period: cancelled the period after the win is inside, two after is not.
  const auto short_window = make_plan(clawback(registry), {{"within_periods", std::int64_t{1}}});
  const std::vector<PeriodCredits> next{{"20000.00", {cancelled(23, "4000.00", 5, 6)}}};
  CHECK(pay_period(short_window, next, 0).total().cents() == 160000);  // 2000.00 - 400.00
  const std::vector<PeriodCredits> later{{"20000.00", {cancelled(23, "4000.00", 5, 7)}}};
  CHECK(pay_period(short_window, later, 0).total().cents() == 200000);
}

TEST_CASE("clawback carries what commission cannot cover and recovers it later", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(clawback(registry));
  const std::vector<PeriodCredits> run{
      {"30000.00", {}},                               // D1 won in period 1
      {"5000.00", {cancelled(1, "30000.00", 1, 5)}},  // D1 cancelled in period 5
      {"10000.00", {}},
      {"0.00", {}},
      {"20000.00", {}},
      {"10000.00", {}}};
  // 0: 10% of 30000.00 = 3000.00.
  CHECK(pay_period(plan, run, 0).total().cents() == 300000);
  // 1: 3000.00 due back; 500.00 earned is all taken: paid 0.00, 2500.00 still owed.
  Statement s = pay_period(plan, run, 1);
  CHECK(s.total().cents() == 0);
  CHECK(reason(s, "commission") ==
        "10.0% of 5000.00 booked = 500.00, less 500.00 clawed back; 3000.00 due back (10.0% of "
        "30000.00 cancelled: D1 30000.00 won period 1, cancelled period 5); 2500.00 still owed");
  // 2: 1000.00 earned, all taken: 1500.00 still owed.
  s = pay_period(plan, run, 2);
  CHECK(s.total().cents() == 0);
  CHECK(reason(s, "commission") ==
        "10.0% of 10000.00 booked = 1000.00, less 1000.00 clawed back; 2500.00 owed from earlier "
        "periods; 1500.00 still owed");
  // 3: nothing earned, nothing taken: still 1500.00 owed.
  s = pay_period(plan, run, 3);
  CHECK(s.total().cents() == 0);
  CHECK(reason(s, "commission") ==
        "10.0% of 0.00 booked; 1500.00 owed from earlier periods; 1500.00 still owed");
  // 4: 2000.00 earned, the last 1500.00 taken: paid 500.00.
  s = pay_period(plan, run, 4);
  CHECK(s.total().cents() == 50000);
  CHECK(reason(s, "commission") ==
        "10.0% of 20000.00 booked = 2000.00, less 1500.00 clawed back; 1500.00 owed from earlier "
        "periods");
  // 5: nothing owed: paid all 1000.00.
  s = pay_period(plan, run, 5);
  CHECK(s.total().cents() == 100000);
  CHECK(reason(s, "commission") == "10.0% of 10000.00 booked");
  // Pure: the same history gives the same cents.
  for (std::size_t k = 0; k < run.size(); ++k)
    CHECK(pay_period(plan, run, k).total() == pay_period(plan, run, k).total());
}

TEST_CASE("clawback takes back only clawback_share of the commission", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(clawback(registry), {{"clawback_share", 0.5}});
  // 50% of 10% of 12000.00 = 600.00 taken from 4000.00 earned: paid 3400.00.
  const std::vector<PeriodCredits> run{{"40000.00", {cancelled(5, "12000.00", 0, 8)}}};
  const Statement s = pay_period(plan, run, 0);
  CHECK(s.total().cents() == 340000);
  CHECK(reason(s, "commission") ==
        "10.0% of 40000.00 booked = 4000.00, less 600.00 clawed back; 600.00 due back (50.0% of "
        "10.0% of 12000.00 cancelled: D5 12000.00 won period 0, cancelled period 8)");
  // A share of 0 takes nothing back.
  CHECK(pay_period(make_plan(clawback(registry), {{"clawback_share", 0.0}}), run, 0)
            .total()
            .cents() == 400000);
}

TEST_CASE("clawback rounds once on the sum with halves away from zero", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(clawback(registry), {{"rate", 0.5}});
  // Earned: 50% of 12345.67 = 6172.835 -> 6172.84.
  // Due back: 50% of (100.01 + 100.01 + 0.01) = 50% of 200.03 = 100.015 -> 100.02; rounding
  // each deal would give 50.01 + 50.01 + 0.01 = 100.03.
  // Paid: 6172.84 - 100.02 = 6072.82.
  const std::vector<PeriodCredits> run{
      {"12345.67",
       {cancelled(1, "100.01", 0, 2), cancelled(2, "100.01", 1, 2), cancelled(3, "0.01", 2, 2)}}};
  const Statement s = pay_period(plan, run, 0);
  CHECK(s.total().cents() == 607282);
  CHECK(reason(s, "commission") ==
        "50.0% of 12345.67 booked = 6172.84, less 100.02 clawed back; 100.02 due back (50.0% of "
        "200.03 cancelled: D1 100.01 won period 0, cancelled period 2; D2 100.01 won period 1, "
        "cancelled period 2; D3 0.01 won period 2, cancelled period 2)");
}

TEST_CASE("clawback takes back cancellations given as totals", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(clawback(registry));
  // Results given as totals (a CRM export): 8000.00 cancelled, no deals, so no dates.
  // The whole 8000.00 counts: 10% = 800.00 taken from 3000.00 earned: paid 2200.00.
  Credits c = booked("30000.00");
  c.cancelled = money("8000.00");
  c.deals_cancelled = 2;
  Statement s = plan.pay(c, month());
  CHECK(s.total().cents() == 220000);
  CHECK(reason(s, "commission") ==
        "10.0% of 30000.00 booked = 3000.00, less 800.00 clawed back; 800.00 due back (10.0% of "
        "8000.00 cancelled, given as totals without deal dates: the 26-period window is not "
        "checked)");

  // Totals in the history too: 100.00 earned against 500.00 due leaves 400.00 owed, taken
  // from the next 3000.00 earned: paid 2600.00.
  std::vector<Credits> earlier(1);
  earlier[0].bookings = money("1000.00");
  earlier[0].cancelled = money("5000.00");
  Credits now = booked("30000.00");
  now.earlier = earlier;
  s = plan.pay(now, month());
  CHECK(s.total().cents() == 260000);
  CHECK(reason(s, "commission") ==
        "10.0% of 30000.00 booked = 3000.00, less 400.00 clawed back; 400.00 owed from earlier "
        "periods");
}

TEST_CASE("clawback never claws back the base salary", "[plugin]") {
  PluginRegistry registry({kShippedDir});
  const auto plan = make_plan(clawback(registry), {{"base_salary", money("60000.00")}});
  // 60000.00 / 12 = 5000.00 paid whatever is owed; 500.00 earned is all taken.
  const std::vector<PeriodCredits> run{{"5000.00", {cancelled(9, "30000.00", 0, 2)}}};
  const Statement s = pay_period(plan, run, 0);
  REQUIRE(s.lines().size() == 2);
  CHECK(s.lines()[0].component == "base salary");
  CHECK(line(s, "base salary").cents() == 500000);
  CHECK(line(s, "commission").cents() == 0);
  CHECK(reason(s, "commission").ends_with("; 2500.00 still owed"));
}

TEST_CASE("clawback pay never falls as this period's bookings rise", "[plugin]") {
  // With the same cancellations and history, more booked now never pays less now.
  PluginRegistry registry({kShippedDir});
  const std::vector<std::map<std::string, Value>> plans = {
      {},
      {{"clawback_share", 0.5}, {"rate", 0.0725}},
      {{"within_periods", std::int64_t{1}}, {"base_salary", money("48000.00")}}};
  const std::vector<PeriodCredits> history{
      {"5000.00", {}}, {"12000.00", {cancelled(1, "40000.00", 0, 5)}}, {"0.00", {}}};
  const std::vector<CreditedDeal> now_cancelled{cancelled(2, "25000.00", 9, 10),
                                                cancelled(3, "7000.00", 1, 11)};
  for (const auto& set : plans) {
    const auto plan = make_plan(clawback(registry), set);
    std::vector<Credits> earlier;
    for (const auto& h : history) earlier.push_back(credits_of(h));
    Money last;
    for (std::int64_t cents = 0; cents <= 20'000'000; cents += 123'457) {
      Credits c;
      c.bookings = Money::from_cents(cents);
      c.cancellations = now_cancelled;
      c.cancelled = money("32000.00");
      c.earlier = earlier;
      const Money total = plan.pay(c, month()).total();
      CHECK(total >= last);
      last = total;
    }
  }
}
