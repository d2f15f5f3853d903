// earnings_curve.csv in a run folder: each plan's pay at 0-200% attainment, line by line.
#pragma once

#include "experiments/earnings_curve.hpp"

#include <string>
#include <vector>

namespace tandem {

// earnings_curve.csv: one row per curve, point and statement line, then the point's total:
//   slot,team,role,plan,period_kind,basis,attainment,bookings_cents,bookings,row,component,
//   cents,amount,reason
// attainment is a share (1.0 is 100%); row is "component" for a statement line and "total"
// for the point's total (its component and reason empty). Money is given twice: exact
// integer cents and the same in currency units ("1234.56"). Quoted as in ledger.csv.
std::string earnings_curve_csv(const std::vector<EarningsCurve>& curves);

}  // namespace tandem
