// Crediting: who is credited with a won deal (or an opportunity's pipeline), and with how
// much, under the scenario's one crediting rule. Pay plans receive the credited results;
// none of them repeats the rule.
#pragma once

#include "model/scenario.hpp"

#include <tandem/money.hpp>
#include <tandem/views.hpp>

#include <cstdint>
#include <vector>

namespace tandem {

// The people a deal could be credited to, as agent indices (marketers first, then reps).
struct DealParties {
  std::uint64_t id = 0;  // spreads the odd cents of an equal split fairly across deals
  Money value;
  int closer = 0;           // the rep who worked and won it
  int account_owner = 0;    // the rep whose territory the account is in (engine/territories)
  int source = -1;          // the marketer whose channel brought the lead in; -1: none
  int sdr = -1;             // the SDR who qualified it and handed it over; -1: none
  bool influenced = false;  // a lead sales sourced that marketing's nurture brought back
};

struct CreditPiece {
  int agent = 0;
  Money value;
  CreditKind kind = CreditKind::closed;
};

class Crediting {
 public:
  Crediting(const CreditingConfig& rule, int marketers, int reps);

  // The pieces of `deal`, each above zero, into `out` (cleared first; reused, so the
  // period loop does not allocate). The sales pieces always sum to the deal's value
  // exactly; the marketing pieces to the sourced and influenced shares of it.
  void split(const DealParties& deal, std::vector<CreditPiece>& out) const;

 private:
  CreditingConfig rule_;
  int marketers_, reps_;
};

// `total` in `n` equal parts to the cent: the cents that do not divide evenly go one each
// to the parts from `start` on (mod n), so no one is favoured across many splits.
// Calls give(part_index, amount) for each part above zero.
template <class Give>
void split_equally(Money total, int n, std::uint64_t start, Give give) {
  const std::int64_t base = total.cents() / n, extra = total.cents() % n;
  for (int i = 0; i < n; ++i) {
    const auto from_start =
        static_cast<std::int64_t>((static_cast<std::uint64_t>(i) + static_cast<std::uint64_t>(n) -
                                   start % static_cast<std::uint64_t>(n)) %
                                  static_cast<std::uint64_t>(n));
    const Money part = Money::from_cents(base + (from_start < extra ? 1 : 0));
    if (part > Money{}) give(i, part);
  }
}

}  // namespace tandem
