// Territories: which rep owns each account. Routing by territory sends an account's MQLs
// to its owner, and crediting gives the owner a share of a deal someone else won; both
// ask here, so they always agree.
#pragma once

#include "model/scenario.hpp"

#include <cstdint>
#include <vector>

namespace tandem {

class Territories {
 public:
  // `segment_of` gives each account's index into the scenario's segments.
  Territories(const Scenario& s, const std::vector<std::uint8_t>& segment_of)
      : segment_of_(&segment_of), reps_(s.sales.people) {
    for (const SegmentConfig& seg : s.segments) {
      std::vector<int> reps;
      for (const double r : seg.reps) reps.push_back(static_cast<int>(r) - 1);
      reps_of_.push_back(std::move(reps));
    }
  }

  // The rep (0-based) owning account `a`: dealt in turn among the reps of its segment's
  // territory, or among all reps when the segment names none (or none are declared).
  int owner(std::uint32_t a) const {
    if (!reps_of_.empty()) {
      const auto& reps = reps_of_[(*segment_of_)[a]];
      if (!reps.empty()) return reps[a % reps.size()];
    }
    return static_cast<int>(a % static_cast<std::uint32_t>(reps_));
  }

 private:
  const std::vector<std::uint8_t>* segment_of_;
  int reps_;
  std::vector<std::vector<int>> reps_of_;  // per segment
};

}  // namespace tandem
