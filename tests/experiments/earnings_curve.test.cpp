// Earnings vs attainment: each plan's payout at 0-200% attainment, computed by the real
// plans on a real run, against what the plans' own parameters say it must be.
#include "experiments/earnings_curve.hpp"
#include "config/scenario.hpp"
#include "data/csv_reader.hpp"
#include "output/earnings_curve_csv.hpp"

#include "../engine/engine_fixture.hpp"
#include "engine/calendar.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace tandem;
using tandem::test::EngineFixture;

namespace {

// The engine tests' market with one replication (enough for replication 0's statements),
// reps on an 8% commission and a salary.
struct SmallRun : EngineFixture {
  SmallRun() {
    scenario.replications = 1;
    scenario.sales.pay.params.set("rate", 0.08);
    scenario.sales.pay.params.set("base_salary", Money::from_units(60000));
  }
};

std::vector<EarningsCurve> curves_of(EngineFixture& f, int steps = 20) {
  const RunPlugins plugins = resolve_plugins(f.scenario, f.registry);
  return earnings_curves(f.scenario, plugins, f.run(1), steps);
}

const EarningsCurve& curve(const std::vector<EarningsCurve>& curves, const std::string& slot) {
  for (const EarningsCurve& c : curves)
    if (c.slot == slot) return c;
  FAIL("no curve for " << slot);
  throw std::logic_error("unreachable");
}

Money line(const EarningsPoint& p, const std::string& component) {
  for (const StatementLine& l : p.lines)
    if (l.component == component) return l.amount;
  return Money{};
}

// Within a cent: two amounts each rounded once by the one rule.
bool within_a_cent(Money a, Money b) {
  return std::llabs((a - b).cents()) <= 1;
}

}  // namespace

TEST_CASE("flat_commission pays its prorated salary plus rate times bookings at every point",
          "[experiments]") {
  SmallRun f;
  const RunResult result = f.run(1);
  const RunPlugins plugins = resolve_plugins(f.scenario, f.registry);
  const std::vector<EarningsCurve> curves = earnings_curves(f.scenario, plugins, result);
  REQUIRE(curves.size() == 2);  // marketing's plan, then sales'
  const EarningsCurve& c = curves[1];
  CHECK(c.slot == "sales.pay");
  CHECK(c.team == "sales");
  CHECK(c.role == Role::sales);
  CHECK(c.plan == "flat_commission");
  CHECK(c.period == PeriodKind::month);
  CHECK(c.basis == "run average");

  // 100%: the mean bookings per rep and month of replication 0 (52 weeks: 12 whole months).
  Money booked;
  int statements = 0;
  for (const StatementRecord& r : result.replications[0].statements)
    if (result.agents.at(static_cast<std::size_t>(r.person)).role == Role::sales) {
      booked += r.credits.bookings;
      ++statements;
    }
  REQUIRE(statements == 12 * f.scenario.sales.people);
  REQUIRE(booked > Money{});
  CHECK(c.reference_bookings == booked.times(1.0 / statements));

  // The first full month of the 4-4-5 calendar: 4 weeks.
  const PayPeriod first = pay_periods(f.scenario.horizon, PeriodKind::month).front();
  const Money salary = Money::from_units(60000).times(first.years);
  REQUIRE(c.points.size() == 21);
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    const EarningsPoint& p = c.points[i];
    INFO("attainment " << p.attainment);
    CHECK(p.attainment == Approx(0.1 * static_cast<double>(i)));
    CHECK(p.bookings == booked.times(p.attainment / statements));
    CHECK(line(p, "base salary") == salary);
    CHECK(line(p, "commission") == p.bookings.times(0.08));
    CHECK(p.payout == salary + p.bookings.times(0.08));
  }
  CHECK(c.points.front().bookings == Money{});
  CHECK(c.points[10].bookings == c.reference_bookings);
}

TEST_CASE("quota_tiers reaches quota at 100% and pays its accelerator above it", "[experiments]") {
  SmallRun f;
  f.use(f.scenario.sales.pay, "quota_tiers");
  const Money quota = Money::from_units(20000);
  f.scenario.sales.pay.params.set("quota", quota);
  const Params& params = f.scenario.sales.pay.params;
  const double rate = params.get<double>("rate");
  const auto starts = params.get<std::vector<double>>("tier_starts");
  const auto multipliers = params.get<std::vector<double>>("tier_multipliers");
  REQUIRE(starts == std::vector<double>{0.0, 0.5, 1.0});  // the last tier starts at quota

  const std::vector<EarningsCurve> curves = curves_of(f);
  const EarningsCurve& c = curve(curves, "sales.pay");
  CHECK(c.plan == "quota_tiers");
  CHECK(c.basis == "quota");
  CHECK(c.reference_bookings == quota);
  REQUIRE(c.points.size() == 21);
  CHECK(c.points[10].bookings == quota);
  for (const EarningsPoint& p : c.points) CHECK(p.bookings == quota.times(p.attainment));
  // Each 10% step pays the tier's rate on the step's bookings (each point rounded once).
  for (std::size_t i = 0; i + 1 < c.points.size(); ++i) {
    const EarningsPoint &p = c.points[i], &next = c.points[i + 1];
    INFO("from " << p.attainment << " to " << next.attainment);
    const double tier_rate = rate * (i < 5    ? multipliers[0]
                                     : i < 10 ? multipliers[1]
                                              : multipliers[2]);
    CHECK(within_a_cent(next.payout - p.payout, (next.bookings - p.bookings).times(tier_rate)));
  }
  // From quota to twice quota, exactly one quota's worth at the accelerator.
  CHECK(line(c.points[20], "commission tier 3") == quota.times(rate * multipliers.back()));
  CHECK(line(c.points[10], "commission tier 3") == Money{});
}

TEST_CASE("a pay period the horizon cut short is left out of the run average", "[experiments]") {
  // 20 weeks of quarters: one whole quarter (13 weeks), then 7 weeks of the next.
  SmallRun f;
  f.scenario.horizon.periods = 20;
  f.scenario.sales.pay.period = PeriodKind::quarter;
  const RunResult result = f.run(1);
  const RunPlugins plugins = resolve_plugins(f.scenario, f.registry);
  const std::vector<EarningsCurve> curves = earnings_curves(f.scenario, plugins, result);
  const EarningsCurve& c = curve(curves, "sales.pay");
  Money booked;
  int statements = 0, cut_short = 0;
  for (const StatementRecord& r : result.replications[0].statements) {
    if (result.agents.at(static_cast<std::size_t>(r.person)).role != Role::sales) continue;
    if (r.period.index == 0) {
      booked += r.credits.bookings;
      ++statements;
    } else {
      ++cut_short;
    }
  }
  REQUIRE(statements == f.scenario.sales.people);
  REQUIRE(cut_short == f.scenario.sales.people);
  CHECK(c.reference_bookings == booked.times(1.0 / statements));
  // Paid for a whole quarter, though the run held only part of the second.
  CHECK(line(c.points[10], "base salary") == Money::from_units(15000));
}

TEST_CASE("every shipped plan's curve on the baseline never falls as attainment rises",
          "[experiments]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR});
  Scenario s =
      load_scenario(std::filesystem::path(TANDEM_PROJECT_DIR) / "scenarios" / "baseline.yaml",
                    {"replications=1", "horizon.periods=52"}, registry);
  // Every shipped pay plan at its defaults, as a component of both paid teams.
  const std::vector<std::string> shipped = registry.available(PluginKind::pay_plan);
  REQUIRE(shipped.size() >= 9);
  for (PayChoice* pay : {&s.marketing.pay, &s.sales.pay})
    for (const std::string& name : shipped) {
      PayChoice c;
      c.plugin = name;
      c.period = pay->period;
      c.params = registry.load(name).schema().defaults();
      if (name == "quota_tiers") c.params.set("quota", Money::from_units(100000));
      pay->components.push_back(std::move(c));
    }
  const RunPlugins plugins = resolve_plugins(s, registry);
  const RunResult result = run_simulation(s, plugins, RunOptions{});
  const std::vector<EarningsCurve> curves = earnings_curves(s, plugins, result);
  REQUIRE(curves.size() == 2 * (1 + shipped.size()));
  for (const EarningsCurve& c : curves) {
    INFO(c.slot << " (" << c.plan << ")");
    REQUIRE(c.points.size() == 21);
    for (std::size_t i = 1; i < c.points.size(); ++i) {
      INFO("attainment " << c.points[i].attainment);
      CHECK(c.points[i].bookings >= c.points[i - 1].bookings);
      CHECK(c.points[i].payout >= c.points[i - 1].payout);
    }
  }
  // The baseline's own plans: a salary at 0%, more at 200% than at 100%.
  const EarningsCurve& sales = curve(curves, "sales.pay");
  CHECK(sales.points.front().payout > Money{});
  CHECK(sales.points[20].payout > sales.points[10].payout);
  CHECK(curve(curves, "marketing.pay").plan == "salary_mql_bonus");
}

TEST_CASE("earnings_curve.csv has every line and each point's components sum to its total",
          "[experiments]") {
  SmallRun f;
  f.use(f.scenario.sales.pay, "quota_tiers");
  f.scenario.sales.pay.params.set("quota", Money::from_units(20000));
  f.scenario.sales.pay.params.set("base_salary", Money::from_units(60000));
  PayChoice bonus;
  f.use(bonus, "revenue_bonus");
  bonus.period = PeriodKind::quarter;
  f.scenario.marketing.pay.components.push_back(bonus);
  const std::vector<EarningsCurve> curves = curves_of(f, 10);
  REQUIRE(curves.size() == 3);
  CHECK(curves[1].slot == "marketing.pay.components[0]");
  CHECK(curves[1].period == PeriodKind::quarter);

  const std::vector<std::vector<std::string>> csv = csv::read_rows(earnings_curve_csv(curves));
  REQUIRE(!csv.empty());
  CHECK(csv.front() == std::vector<std::string>{"slot", "team", "role", "plan", "period_kind",
                                                "basis", "attainment", "bookings_cents", "bookings",
                                                "row", "component", "cents", "amount", "reason"});
  std::map<std::pair<std::string, std::string>, long long> components, totals;
  std::size_t rows = 0;
  for (std::size_t r = 1; r < csv.size(); ++r) {
    const std::vector<std::string>& field = csv[r];
    const auto key = std::make_pair(field[0], field[6]);  // slot, attainment
    const long long cents = std::stoll(field[11]);
    CHECK(field[12] == Money::from_cents(cents).str());
    CHECK(field[8] == Money::from_cents(std::stoll(field[7])).str());
    if (field[9] == "total")
      totals[key] = cents;
    else
      components[key] += cents;
    ++rows;
  }
  std::size_t expected = 0;
  for (const EarningsCurve& c : curves)
    for (const EarningsPoint& p : c.points) {
      expected += p.lines.size() + 1;
      const auto key = std::make_pair(c.slot, decimal(p.attainment));
      INFO(c.slot << " at " << key.second);
      CHECK(totals.at(key) == p.payout.cents());
      CHECK(components[key] == p.payout.cents());
    }
  CHECK(rows == expected);
  CHECK(totals.size() == 3 * 11);
  CHECK(totals.count({"sales.pay", "1.0"}) == 1);
}

TEST_CASE("a plan that faults on its curve is reported by name", "[experiments]") {
  PluginRegistry registry({TANDEM_PLUGIN_DIR, TANDEM_FIXTURE_PLUGIN_DIR});
  for (const char* name : {"throws", "negative"}) {
    EngineFixture f;
    f.scenario.sales.pay.plugin = name;
    f.scenario.sales.pay.params = registry.load(name).schema().defaults();
    const RunPlugins plugins = resolve_plugins(f.scenario, registry);
    // A run would stop on such a plan first; the curve needs no results to call it.
    bool faulted = false;
    try {
      earnings_curves(f.scenario, plugins, RunResult{});
    } catch (const PluginFault& e) {
      faulted = true;
      CHECK(e.plugin() == name);
      CHECK(std::string(e.what()).rfind("sales.pay earnings curve at 0.0% attainment: pay() ", 0) ==
            0);
    }
    CHECK(faulted);
  }
}

TEST_CASE("an earnings curve needs at least one step", "[experiments]") {
  SmallRun f;
  const RunPlugins plugins = resolve_plugins(f.scenario, f.registry);
  CHECK_THROWS_AS(earnings_curves(f.scenario, plugins, RunResult{}, 0), Error);
  const std::vector<EarningsCurve> curves = earnings_curves(f.scenario, plugins, RunResult{}, 4);
  REQUIRE(curves[1].points.size() == 5);
  CHECK(curves[1].points[2].attainment == 1.0);
  // No results at all: a run average of nothing, so only the salary is paid.
  CHECK(curves[1].points[4].bookings == Money{});
}
