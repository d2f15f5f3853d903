#include "experiments/earnings_curve.hpp"

#include "engine/calendar.hpp"
#include "engine/streams.hpp"
#include "model/credit_fields.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>
#include <tandem/random.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <optional>

namespace tandem {
namespace {

// The results a curve scales: the person's own, and the company's bookings. Cancellations
// are left out on purpose: a curve shows pay for results, not for churn.
constexpr std::initializer_list<CreditScope> kScaled = {CreditScope::own, CreditScope::company};

void add_results(Credits& sum, const Credits& c) {
  add_credits(sum, c, kScaled);
}

// `total`'s results times `factor`: money rounded once by the one rule, counts to the
// nearest whole one (halves away from zero, like money).
Credits scaled(const Credits& total, double factor) {
  return scaled_credits(total, factor, kScaled);
}

// The pay periods of `kind` with none cut short by the end of the horizon: the run's own
// boundaries, continued for another year.
std::vector<PayPeriod> uncut_pay_periods(const HorizonConfig& horizon, PeriodKind kind) {
  HorizonConfig longer = horizon;
  longer.periods += horizon.period == SimPeriod::week ? 52 : 12;
  return pay_periods(longer, kind);
}

// A team's credited results summed over statements, and how many statements.
struct Totals {
  Credits sum;
  int statements = 0;
};

// The team's results over its statements for pay periods of `kind` in replication 0 (the
// run records every person's statement for every pay period there). Only complete pay
// periods count, since one the horizon cut short would pull the mean down; when the
// horizon holds none, the partial one is all there is. A team paid by two plans of the
// same kind has each statement twice with the same credits, so the mean is unchanged.
Totals team_totals(const RunResult& result, const PaidTeam& team, PeriodKind kind,
                   const std::vector<PayPeriod>& uncut) {
  Totals complete, any;
  if (result.replications.empty()) return complete;
  for (const StatementRecord& r : result.replications.front().statements) {
    if (r.person < team.first_agent || r.person >= team.first_agent + team.people ||
        r.period.kind != kind)
      continue;
    add_results(any.sum, r.credits);
    ++any.statements;
    if (r.period.last_period == uncut.at(static_cast<std::size_t>(r.period.index)).last_period) {
      add_results(complete.sum, r.credits);
      ++complete.statements;
    }
  }
  return complete.statements > 0 ? complete : any;
}

// The plan's quota, when it declares one: a money parameter named `quota` set to an amount.
std::optional<Money> quota_of(const LoadedPlugin& plugin, const PayChoice& choice) {
  const ParamSpec* spec = plugin.schema().find("quota");
  if (!spec || spec->type != ParamType::money || !choice.params.has("quota")) return std::nullopt;
  const Money quota = choice.params.get<Money>("quota");
  if (quota <= Money{} || quota.is_unlimited()) return std::nullopt;
  return quota;
}

// The person's declared annual salary: the team's one salary, or the mean when each
// person has their own.
Money declared_salary(const PaidTeam& team) {
  if (team.salaries->empty()) return Money{};
  Money sum;
  for (const double s : *team.salaries) sum += Money::from_units(s);
  return sum.times(1.0 / static_cast<double>(team.salaries->size()));
}

// What the person is credited with at attainment x: the reference scaled by x. Against a
// quota, the run's results are scaled so that bookings are exactly x times quota (or, if
// the run booked nothing, left at their mean beside bookings of x times quota).
Credits person_at(const Totals& totals, const std::optional<Money>& quota, double x) {
  const double n = std::max(1, totals.statements);
  if (!quota) return scaled(totals.sum, x / n);
  const Money booked = totals.sum.bookings;
  Credits c = scaled(totals.sum, booked > Money{} ? x * static_cast<double>(quota->cents()) /
                                                        static_cast<double>(booked.cents())
                                                  : 1.0 / n);
  c.bookings = quota->times(x);
  return c;
}

}  // namespace

std::vector<EarningsCurve> earnings_curves(const Scenario& scenario, const RunPlugins& plugins,
                                           const RunResult& result, int steps) {
  if (steps < 1) throw Error(fmt::format("an earnings curve needs at least 1 step, got {}", steps));
  // Replication 0's pay-plan stream, handed to the plans in the order Payroll makes them,
  // so each plan is the same instance the run's first replication paid with.
  Stream stream(scenario.seed, 0, streams::pay_plans);
  std::vector<EarningsCurve> curves;
  const std::vector<PaidTeam> teams = paid_teams(scenario);
  for (std::size_t t = 0; t < teams.size(); ++t) {
    const PaidTeam& team = teams[t];
    const Money salary = declared_salary(team);
    const auto curve = [&](const PayChoice& choice, const LoadedPlugin& plugin, std::string slot) {
      const GuardedPayPlan plan(plugin, plugin.make_pay_plan(choice.params, stream));
      const std::vector<PayPeriod> uncut = uncut_pay_periods(scenario.horizon, choice.period);
      const PayPeriod& period = uncut.front();  // the first full pay period
      const std::optional<Money> quota = quota_of(plugin, choice);
      const Totals totals = team_totals(result, team, choice.period, uncut);
      EarningsCurve c{std::move(slot),
                      team.key,
                      role_of_team(team.key),
                      plugin.name(),
                      choice.period,
                      quota ? "quota" : "run average",
                      person_at(totals, quota, 1.0).bookings,
                      {}};
      for (int i = 0; i <= steps; ++i) {
        const double x = 2.0 * i / steps;
        Credits credits = person_at(totals, quota, x);
        credits.salary = salary;
        // The whole team at the same attainment.
        credits.team = {team.people, credits.bookings.times(team.people),
                        credits.sourced_revenue.times(team.people), salary.times(team.people)};
        Statement statement;
        try {
          statement = plan.pay(credits, period);
        } catch (const PluginFault& e) {
          // Said where, since no simulated person was paid on these results.
          throw PluginFault(e.plugin(), e.path(),
                            fmt::format("{} earnings curve at {}% attainment: {}", c.slot,
                                        decimal(100 * x), e.what()));
        }
        c.points.push_back({x, credits.bookings, statement.total(), statement.lines()});
      }
      curves.push_back(std::move(c));
    };
    const std::vector<const LoadedPlugin*>& loaded = plugins.pay.at(t);
    curve(*team.pay, *loaded.at(0), team.key + ".pay");
    for (std::size_t i = 0; i < team.pay->components.size(); ++i)
      curve(team.pay->components[i], *loaded.at(i + 1),
            team.key + ".pay.components[" + std::to_string(i) + "]");
  }
  return curves;
}

}  // namespace tandem
