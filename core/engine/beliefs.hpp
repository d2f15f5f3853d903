// Beliefs shared inside a team: after each period every member's belief moves
// `behaviour.belief_sharing` of the way toward the team's mean. 0 (the default): each
// learns alone; 1: the team holds one belief, as in an organisation that pools what it
// learns (sales and marketing "integrated").
#pragma once

#include <numeric>
#include <vector>

namespace tandem {

inline void share_beliefs(std::vector<double>& beliefs, double sharing) {
  if (sharing <= 0 || beliefs.size() < 2) return;
  const double mean =
      std::accumulate(beliefs.begin(), beliefs.end(), 0.0) / static_cast<double>(beliefs.size());
  for (double& b : beliefs) b += sharing * (mean - b);
}

}  // namespace tandem
