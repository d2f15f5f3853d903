#include "output/earnings_curve_csv.hpp"

#include "output/csv_writers.hpp"

#include <tandem/pay_plan.hpp>

#include <fmt/format.h>

#include <iterator>

namespace tandem {

std::string earnings_curve_csv(const std::vector<EarningsCurve>& curves) {
  fmt::memory_buffer b;
  const auto out = std::back_inserter(b);
  fmt::format_to(out,
                 "slot,team,role,plan,period_kind,basis,attainment,bookings_cents,bookings,row,"
                 "component,cents,amount,reason\n");
  for (const EarningsCurve& c : curves) {
    const std::string curve =
        fmt::format("{},{},{},{},{},{}", csv_field(c.slot), csv_field(c.team), to_string(c.role),
                    csv_field(c.plan), to_string(c.period), csv_field(c.basis));
    for (const EarningsPoint& p : c.points) {
      const std::string point = fmt::format("{},{},{},{}", curve, decimal(p.attainment),
                                            p.bookings.cents(), p.bookings.str());
      for (const StatementLine& l : p.lines)
        fmt::format_to(out, "{},component,{},{},{},{}\n", point, csv_field(l.component),
                       l.amount.cents(), l.amount.str(), csv_field(l.reason));
      fmt::format_to(out, "{},total,,{},{},\n", point, p.payout.cents(), p.payout.str());
    }
  }
  return fmt::to_string(b);
}

}  // namespace tandem
