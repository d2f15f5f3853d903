// Each pay plan's earnings curve: what one person would be paid for one pay period at 0% to
// 200% attainment, itemised by component. The plans compute every point themselves,
// through the same guarded call the engine makes, so a curve can never disagree with what
// a plan pays in a run.
//
// 100% is the plan's quota when it declares one (a money parameter named `quota`):
// bookings equal to quota. Otherwise it is the run's average: the mean credited results
// per person and complete pay period of the plan's kind, over the team's statements in
// replication 0. At attainment x the person's results are that reference scaled by x (see
// docs/experiments.md, "Earnings vs attainment").
#pragma once

#include "engine/replication.hpp"
#include "model/results.hpp"
#include "model/scenario.hpp"

#include <tandem/money.hpp>
#include <tandem/pay_plan.hpp>
#include <tandem/views.hpp>

#include <string>
#include <vector>

namespace tandem {

struct EarningsPoint {
  double attainment = 0;  // share of the 100% reference: 0, 0.1, ..., 2.0
  Money bookings;         // the person's credited bookings at this attainment
  Money payout;           // the statement's total: the exact sum of `lines`
  std::vector<StatementLine> lines;
};

struct EarningsCurve {
  std::string slot;  // the plan's slot, as summary.json names it: "sales.pay.components[0]"
  std::string team;  // the paid team's key: "marketing", "sales", "sdrs"
  Role role = Role::sales;
  std::string plan;  // the pay-plan plugin
  PeriodKind period = PeriodKind::month;
  std::string basis;         // what 100% is: "quota" or "run average"
  Money reference_bookings;  // the person's bookings at 100%
  std::vector<EarningsPoint> points;
};

// One curve per plan the scenario pays with (each paid team's `pay`, then its
// `components`, in paid_teams() order), each with `steps` + 1 points evenly from 0% to
// 200%. `result` must be the run of `scenario` with `plugins`. A plan that throws or
// returns an impossible component raises PluginFault naming it; Error if steps < 1.
std::vector<EarningsCurve> earnings_curves(const Scenario& scenario, const RunPlugins& plugins,
                                           const RunResult& result, int steps = 20);

}  // namespace tandem
