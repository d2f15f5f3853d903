#include "engine/calendar.hpp"

#include <algorithm>

namespace tandem {

double days_per_period(SimPeriod period) {
  return period == SimPeriod::week ? 7.0 : 365.25 / 12.0;
}

namespace {
// Lengths, in simulation periods, of the successive pay periods within one year.
std::vector<int> lengths_in_year(SimPeriod period, PeriodKind kind) {
  if (period == SimPeriod::month) {
    switch (kind) {
      case PeriodKind::month:
        return std::vector<int>(12, 1);
      case PeriodKind::quarter:
        return {3, 3, 3, 3};
      case PeriodKind::year:
        return {12};
    }
  }
  switch (kind) {
    case PeriodKind::month:
      return {4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5};
    case PeriodKind::quarter:
      return {13, 13, 13, 13};
    case PeriodKind::year:
      return {52};
  }
  return {};
}
}  // namespace

std::vector<PayPeriod> pay_periods(const HorizonConfig& horizon, PeriodKind kind) {
  const std::vector<int> year = lengths_in_year(horizon.period, kind);
  const double periods_per_year = horizon.period == SimPeriod::week ? 52.0 : 12.0;
  std::vector<PayPeriod> out;
  int first = 0;
  for (int i = 0; first < horizon.periods; ++i) {
    const int length = year[static_cast<std::size_t>(i) % year.size()];
    const int last = std::min(first + length, horizon.periods) - 1;
    out.push_back({i, kind, first, last, (last - first + 1) / periods_per_year});
    first += length;
  }
  return out;
}

std::vector<int> pay_period_of(const std::vector<PayPeriod>& periods, int horizon_periods) {
  std::vector<int> of(static_cast<std::size_t>(horizon_periods), 0);
  for (std::size_t i = 0; i < periods.size(); ++i)
    for (int p = periods[i].first_period; p <= periods[i].last_period; ++p)
      of[static_cast<std::size_t>(p)] = static_cast<int>(i);
  return of;
}

}  // namespace tandem
