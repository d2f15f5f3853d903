#include "engine/pay_history.hpp"

namespace tandem {

void PayHistory::record(const Credits& paid) {
  Credits kept = paid;
  kept.deals = {};
  kept.earlier = {};
  cancellations_.emplace_back(paid.cancellations.begin(), paid.cancellations.end());
  kept.cancellations = cancellations_.back();
  periods_.push_back(kept);
}

void PayHistory::clear() {
  periods_.clear();
  cancellations_.clear();
}

}  // namespace tandem
