#include "engine/behaviour.hpp"

#include <tandem/errors.hpp>

#include <algorithm>

namespace tandem {

void FixedBehaviour::order_queue(int, std::vector<std::uint32_t>& queue, const LeadTable& leads) {
  // Stable sorts with the lead id as the last key: the order never depends on anything but
  // the leads themselves.
  switch (config_.lead_order) {
    case LeadOrder::oldest_first:
      std::stable_sort(queue.begin(), queue.end(), [&](std::uint32_t a, std::uint32_t b) {
        return leads.arrived[a] < leads.arrived[b];
      });
      break;
    case LeadOrder::newest_first:
      std::stable_sort(queue.begin(), queue.end(), [&](std::uint32_t a, std::uint32_t b) {
        return leads.arrived[a] > leads.arrived[b];
      });
      break;
    case LeadOrder::highest_score:
      std::stable_sort(queue.begin(), queue.end(), [&](std::uint32_t a, std::uint32_t b) {
        return leads.score[a] > leads.score[b];
      });
      break;
  }
}

std::unique_ptr<RepBehaviour> make_behaviour(const BehaviourConfig& config) {
  if (config.mode == "fixed") return std::make_unique<FixedBehaviour>(config);
  throw Error("behaviour mode '" + config.mode + "' is not available in this version");
}

}  // namespace tandem
