#include "engine/behaviour.hpp"

#include <tandem/errors.hpp>

#include <algorithm>

namespace tandem {

void FixedBehaviour::order_queue(int, std::vector<std::uint32_t>& queue, const LeadTable& leads) {
  // A total order (ties broken by the order leads were routed in, as a person would take
  // them), so std::sort gives the same result on every platform without the buffer a
  // stable sort would allocate each period.
  const auto by = [&](auto key) {
    std::sort(queue.begin(), queue.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto ka = key(a), kb = key(b);
      return ka != kb ? ka < kb : leads.routed[a] < leads.routed[b];
    });
  };
  switch (config_.lead_order) {
    case LeadOrder::oldest_first:
      by([&](std::uint32_t l) { return leads.arrived[l]; });
      break;
    case LeadOrder::newest_first:
      by([&](std::uint32_t l) { return -leads.arrived[l]; });
      break;
    case LeadOrder::highest_score:
      by([&](std::uint32_t l) { return -leads.score[l]; });
      break;
  }
}

std::unique_ptr<RepBehaviour> make_behaviour(const BehaviourConfig& config) {
  // Adaptive agents order and prospect by the same rules; what they choose by value (deal
  // timing) is in engine/deal_timing.hpp.
  return std::make_unique<FixedBehaviour>(config);
}

}  // namespace tandem
