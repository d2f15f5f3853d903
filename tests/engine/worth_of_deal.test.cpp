// What a deal is worth to a rep, through every plan paying them and every pay period it
// could land in (Payroll::worth_of_deal): the valuation deal timing chooses by.
#include "engine/payroll.hpp"
#include "engine/streams.hpp"
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::test;

namespace {

// The fixture, adaptive, its reps paid quarterly by `plan`; 26 weeks (two quarters).
struct WorthFixture : EngineFixture {
  explicit WorthFixture(const std::string& plan) {
    scenario.behaviour.mode = BehaviourMode::adaptive;
    scenario.horizon = {26, SimPeriod::week};
    use(scenario.sales.pay, plan);
    scenario.sales.pay.period = PeriodKind::quarter;
  }
};

}  // namespace

TEST_CASE(
    "under a flat commission a deal is worth its commission now and, later, that "
    "discounted by time",
    "[engine]") {
  WorthFixture f("flat_commission");
  f.scenario.sales.pay.params.set("rate", 0.1);
  f.scenario.behaviour.discount_per_year = 0.5;
  f.scenario.behaviour.present_bias = 0.8;
  const RunPlugins plugins = resolve_plugins(f.scenario, f.registry);
  Stream stream(1, 0, streams::pay_plans);
  Payroll payroll(f.scenario, plugins, stream);
  const TimePreference time(f.scenario.behaviour, 7.0);
  const int rep = f.scenario.marketing.people;  // the first rep
  const Money deal = Money::from_units(10000), expected = Money::from_units(2000);
  // Week 5: this quarter ends in week 12 (paid 7 weeks on), the next in week 25.
  const double now = payroll.worth_of_deal(rep, 5, 8, deal, expected, time);
  const double next = payroll.worth_of_deal(rep, 5, 14, deal, expected, time);
  CHECK(now == Approx(1000 * time.weight(7, false)));
  CHECK(next == Approx(1000 * time.weight(20, true)));
  CHECK(next < now);
}

TEST_CASE(
    "under a quota a deal is worth more in the pay period it is likelier to lift over "
    "the quota",
    "[engine]") {
  WorthFixture f("quota_tiers");
  // 5% below quota, 15% above; the rest of each quarter brings 1,000 a week on average.
  f.scenario.sales.pay.params.set("quota", Money::from_units(50000));
  f.scenario.sales.pay.params.set("rate", 0.1);
  f.scenario.sales.pay.params.set("tier_starts", std::vector<double>{0.0, 1.0});
  f.scenario.sales.pay.params.set("tier_multipliers", std::vector<double>{0.5, 1.5});
  const RunPlugins plugins = resolve_plugins(f.scenario, f.registry);
  Stream stream(1, 0, streams::pay_plans);
  Payroll payroll(f.scenario, plugins, stream);
  const TimePreference time(f.scenario.behaviour, 7.0);
  const int rep = f.scenario.marketing.people;
  const Money deal = Money::from_units(10000);
  // Week 12 ends the first quarter with nothing credited: far below quota, a deal pays
  // 5% now. Next quarter, 13 weeks at 4,000 a week are expected (52,000, over the quota):
  // likely 15% there. Worth more next quarter, whatever time preference takes off.
  const Money expected = Money::from_units(4000);
  const double now = payroll.worth_of_deal(rep, 12, 12, deal, expected, time);
  const double next = payroll.worth_of_deal(rep, 12, 14, deal, expected, time);
  CHECK(now == Approx(500));
  CHECK(next > 2 * now);
}
