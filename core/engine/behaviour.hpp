// How agents choose what to do with their time: the seam where adaptive behaviour plugs in.
//
// The funnel asks a RepBehaviour, each period, in which order a rep works the leads routed
// to them and whether spare hours go to their own prospecting. FixedBehaviour follows the
// scenario's rules. An adaptive behaviour (agents valuing each action by calling their pay
// plan on the results it would produce) implements the same interface, so the funnel does
// not change when it arrives.
#pragma once

#include "engine/leads.hpp"
#include "model/scenario.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace tandem {

class RepBehaviour {
 public:
  virtual ~RepBehaviour() = default;

  // Put the rep's queue of lead ids in the order the rep will work them this period.
  virtual void order_queue(int rep, std::vector<std::uint32_t>& queue, const LeadTable& leads) = 0;

  // Do hours left after opportunities and leads go to the rep's own prospecting?
  virtual bool prospects(int rep) const = 0;
};

class FixedBehaviour final : public RepBehaviour {
 public:
  explicit FixedBehaviour(const BehaviourConfig& config) : config_(config) {}
  void order_queue(int rep, std::vector<std::uint32_t>& queue, const LeadTable& leads) override;
  bool prospects(int) const override { return config_.prospecting; }

 private:
  BehaviourConfig config_;
};

// The behaviour the scenario asks for.
std::unique_ptr<RepBehaviour> make_behaviour(const BehaviourConfig& config);

}  // namespace tandem
