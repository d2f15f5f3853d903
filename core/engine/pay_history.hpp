// One person's pay history under one plan: their credits in each pay period paid so far,
// oldest first, which is what Credits::earlier shows the plan. A plan that carries a
// balance from period to period (a recoverable draw, a clawback still owed, quarters of
// pacing) recomputes it from this every time, and so stays a pure function. The engine's
// payroll, `tandem payout` and the analytic estimate each keep one per person and plan.
#pragma once

#include <tandem/views.hpp>

#include <span>
#include <vector>

namespace tandem {

class PayHistory {
 public:
  // What Credits::earlier is set to for the next pay period. Valid until record() or
  // clear().
  std::span<const Credits> earlier() const { return periods_; }

  // Adds the credits of the pay period just paid, as Credits::earlier promises them: their
  // own `deals` and `earlier` left empty, their `cancellations` kept (a clawback still
  // owed is recomputed from them), copied here so that they outlive the caller's lists.
  void record(const Credits& paid);

  // Forgets every period: the next person's history starts.
  void clear();

 private:
  std::vector<Credits> periods_;
  // Each period's cancellations, one list per period: a list never moves its deals when
  // this one grows, so the spans in `periods_` stay valid.
  std::vector<std::vector<CreditedDeal>> cancellations_;
};

}  // namespace tandem
