// Validation: Misra & Nair (2011), "A structural model of sales-force compensation
// dynamics" (Quantitative Marketing and Economics 9(3)): under a plan with a ceiling on
// commission, reps slack off once the ceiling is reached; the firm that removed it saw
// revenue rise by about 9%.
//
// Run: the pay-study company (validation.hpp: scenarios/quarter_end.yaml, speed to lead
// held off) (a quarterly quota with an accelerator; adaptive reps),
// seed 20260101, 100 replications, with a commission cap of 11,000 a quarter (reached at
// about 110% of quota) and without it: same market (common random numbers). Figures:
// revenue (paired, relative) and the effort reps choose in the weeks after their quarter's
// bookings passed the old cap's level. Tolerance: 3 standard errors.
#include "validation.hpp"

#include <catch2/catch.hpp>

using namespace tandem;
using namespace tandem::validation;

namespace {

// Mean effort of rep-weeks whose quarter-to-date bookings have passed `level`, per
// replication.
std::vector<double> effort_past(const RunResult& r, double level) {
  const int warmup = 13, weeks = 104, marketers = 4, reps = 10;
  std::vector<double> v;
  for (std::size_t x = 0; x < r.replications.size(); ++x) {
    const auto bookings = per_agent(r, x, "bookings");
    const auto effort = per_agent(r, x, "effort");
    double sum = 0, n = 0;
    for (int start = warmup; start + 13 <= weeks; start += 13)
      for (int rep = marketers; rep < marketers + reps; ++rep) {
        double booked = 0;
        for (int t = start; t < start + 13; ++t) {
          const auto at = [&](const std::vector<std::vector<double>>& m) {
            return value_at(m, t, rep);
          };
          if (booked >= level) {
            sum += at(effort);
            n += 1;
          }
          booked += at(bookings);
        }
      }
    if (n > 0) v.push_back(sum / n);
  }
  return v;
}

}  // namespace

TEST_CASE("Misra & Nair 2011: removing a commission cap raises effort past it, and revenue",
          "[validation][statistical]") {
  const RunResult capped = run_pay_study({"replications=100", "sales.pay.params.cap=11000"});
  const RunResult uncapped = run_pay_study({"replications=100"});
  const double cap_level = 1.1 * 155000.0;  // bookings at which the cap binds
  const MeanSe with_cap = mean_se(effort_past(capped, cap_level));
  const MeanSe without = mean_se(effort_past(uncapped, cap_level));
  const MeanSe revenue = paired_relative(capped, uncapped, "revenue");
  INFO("effort (share of selling hours) in weeks past the cap's level: capped "
       << with_cap.mean << " (se " << with_cap.se << "), uncapped " << without.mean << " (se "
       << without.se << "); revenue, uncapped vs capped: " << 100 * revenue.mean << "% (se "
       << 100 * revenue.se << " pp)");
  CHECK(without.mean - with_cap.mean > 3 * std::hypot(without.se, with_cap.se));
  CHECK(revenue.mean > 3 * revenue.se);
}
