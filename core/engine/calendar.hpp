// How simulation periods add up to pay periods.
//
// Weeks follow the 4-4-5 retail calendar used in sales finance: a quarter is 13 weeks
// (months of 4, 4 and 5 weeks) and a year 52 weeks, so every pay period is a whole number
// of weeks. Monthly simulations map 1, 3 and 12 months. A horizon that ends inside a pay
// period pays that period for the part simulated (PayPeriod::years is its true length).
#pragma once

#include "model/scenario.hpp"

#include <tandem/views.hpp>

#include <vector>

namespace tandem {

// Calendar days in one simulation period (7 for a week, 365.25/12 for a month).
double days_per_period(SimPeriod period);

// The pay periods of `kind` covering periods [0, horizon.periods).
std::vector<PayPeriod> pay_periods(const HorizonConfig& horizon, PeriodKind kind);

// For each simulation period, the index of the pay period (in `periods`) it belongs to.
std::vector<int> pay_period_of(const std::vector<PayPeriod>& periods, int horizon_periods);

}  // namespace tandem
