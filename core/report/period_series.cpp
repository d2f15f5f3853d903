#include "report/period_series.hpp"

#include "engine/calendar.hpp"
#include "output/summary.hpp"
#include "stats/statistics.hpp"

#include <tandem/errors.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>

namespace tandem {

PeriodValues metric_by_period(const RunResult& result, std::string_view metric, int periods) {
  std::size_t index = 0;
  while (index < result.metric_specs.size() && result.metric_specs[index].name != metric) ++index;
  if (index == result.metric_specs.size())
    throw Error("the run has no metric '" + std::string(metric) + "'");
  PeriodValues values(result.replications.size(),
                      std::vector<double>(static_cast<std::size_t>(periods), 0.0));
  for (std::size_t r = 0; r < result.replications.size(); ++r) {
    const auto& by_period = result.replications[r].digest.metric_by_period;
    if (index >= by_period.size()) continue;  // a replication without metrics
    const std::size_t n = std::min(values[r].size(), by_period[index].size());
    std::copy_n(by_period[index].begin(), n, values[r].begin());
  }
  return values;
}

PeriodValues pay_by_period(const RunResult& result, const HorizonConfig& horizon) {
  std::map<PeriodKind, std::vector<PayPeriod>> calendars;
  for (const PeriodKind kind : {PeriodKind::month, PeriodKind::quarter, PeriodKind::year})
    calendars[kind] = pay_periods(horizon, kind);
  const auto periods = static_cast<std::size_t>(horizon.periods);
  PeriodValues values(result.replications.size(), std::vector<double>(periods, 0.0));
  for (std::size_t r = 0; r < result.replications.size(); ++r)
    for (const auto& [when, amount] : result.replications[r].digest.pay_by_pay_period) {
      const auto& [kind, index] = when;
      const std::vector<PayPeriod>& calendar = calendars[kind];
      const auto pay_period = static_cast<std::size_t>(index);
      if (index < 0 || pay_period >= calendar.size())
        throw Error("a ledger row pays " + std::string(to_string(kind)) + " " +
                    std::to_string(index) + ", beyond the horizon");
      values[r][static_cast<std::size_t>(calendar[pay_period].last_period)] += amount.units();
    }
  return values;
}

PeriodValues measured_only(const PeriodValues& values, const HorizonConfig& horizon) {
  const auto skip = static_cast<std::ptrdiff_t>(std::max(0, horizon.warmup_periods));
  PeriodValues out;
  out.reserve(values.size());
  for (const auto& replication : values)
    out.emplace_back(
        replication.begin() +
            std::min<std::ptrdiff_t>(skip, static_cast<std::ptrdiff_t>(replication.size())),
        replication.end());
  return out;
}

ReportData measured_periods_axis(const HorizonConfig& horizon) {
  ReportData periods = ReportData::array();
  for (int t = std::max(0, horizon.warmup_periods); t < horizon.periods; ++t) periods.push_back(t);
  return periods;
}

PeriodValues operator+(const PeriodValues& a, const PeriodValues& b) {
  if (a.size() != b.size()) throw Error("period series of different sizes");
  PeriodValues sum = a;
  for (std::size_t r = 0; r < a.size(); ++r) {
    if (a[r].size() != b[r].size()) throw Error("period series of different lengths");
    for (std::size_t t = 0; t < a[r].size(); ++t) sum[r][t] += b[r][t];
  }
  return sum;
}

ReportData period_band(const PeriodValues& values) {
  ReportData mean = ReportData::array(), low = ReportData::array(), high = ReportData::array();
  const std::size_t periods = values.empty() ? 0 : values.front().size();
  std::vector<double> column(values.size());
  for (std::size_t t = 0; t < periods; ++t) {
    for (std::size_t r = 0; r < values.size(); ++r) column[r] = values[r][t];
    const SampleStats s = describe(column);
    mean.push_back(number_or_null(s.mean));
    if (s.ci95) {
      low.push_back(number_or_null(s.ci95->first));
      high.push_back(number_or_null(s.ci95->second));
    }
  }
  ReportData band = {{"mean", std::move(mean)}};
  if (values.size() >= 2) {
    band["low"] = std::move(low);
    band["high"] = std::move(high);
  }
  return band;
}

std::vector<int> offset_in_quarter(const HorizonConfig& horizon) {
  const std::vector<PayPeriod> quarters = pay_periods(horizon, PeriodKind::quarter);
  const std::vector<int> quarter_of = pay_period_of(quarters, horizon.periods);
  std::vector<int> offsets(static_cast<std::size_t>(horizon.periods));
  for (std::size_t t = 0; t < offsets.size(); ++t)
    offsets[t] =
        static_cast<int>(t) - quarters[static_cast<std::size_t>(quarter_of[t])].first_period;
  return offsets;
}

}  // namespace tandem
