// The deal book: every opportunity opened, the customers still in their first term (who
// may cancel), the crediting rule that splits a deal among those who made it, and how
// long deals took to win.
#pragma once

#include "engine/calendar.hpp"
#include "engine/crediting.hpp"
#include "engine/leads.hpp"
#include "engine/wait_histogram.hpp"
#include "engine/weighted.hpp"
#include "model/scenario.hpp"

#include <tandem/money.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tandem {

struct DealBook {
  explicit DealBook(const Scenario& s)
      : crediting(s.crediting, s.marketing.people, s.sales.people),
        product_weights(weights_of(s.products)),
        quarter_end_month(quarter_end_months(s.horizon)) {}

  Money size_of(std::uint32_t o) const { return Money::from_cents(opps.size_cents[o]); }

  OpportunityTable opps;
  std::vector<std::uint32_t> customers;  // won deals in their first term (cancellable)
  Crediting crediting;
  std::vector<CreditPiece> pieces;  // reused by each crediting: no allocation per deal
  std::vector<double> product_weights;
  std::vector<std::uint8_t> quarter_end_month;   // per period: in a quarter's last month
  std::int64_t mql_won = 0;                      // won deals whose lead was ever an MQL
  std::vector<std::int64_t> mql_won_by_channel;  // of mql_won, per channel of the lead
  WaitHistogram close_wait;                      // whole days from first inquiry to won

 private:
  // Which periods close a quarter's last month: where quarter-end deal timing shows.
  static std::vector<std::uint8_t> quarter_end_months(const HorizonConfig& h) {
    std::vector<std::uint8_t> marks(static_cast<std::size_t>(h.periods), 0);
    for (const PayPeriod& m : pay_periods(h, PeriodKind::month))
      if (m.index % 3 == 2)
        for (int p = m.first_period; p <= m.last_period; ++p)
          marks[static_cast<std::size_t>(p)] = 1;
    return marks;
  }
};

}  // namespace tandem
