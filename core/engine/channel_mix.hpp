// Adaptive channel mix: each period a marketer running two channels or more chooses how
// their budget splits between them: as declared, or with `marketing.mix_shift` of every
// other channel's budget moved to one of them (the total stays the same). The marketer
// values each split by calling their own pay plans on what it would bring over the rest
// of the pay period: each channel's budget times what a unit of spend on it has brought
// them per period (inquiries, MQLs, pipeline and sourced revenue credited to them),
// learned from their own channels (behaviour.learning_rate). Chosen by the choice rule
// (engine/choice_rule.hpp); the split in use is the status quo. Paid per MQL, budget drifts to
// channels with cheap MQLs; paid on sourced revenue, to those whose leads become revenue: only
// through what the plans pay.
#pragma once

#include "engine/choice_rule.hpp"
#include "model/scenario.hpp"

#include <tandem/money.hpp>
#include <tandem/random.hpp>
#include <tandem/views.hpp>

#include <functional>
#include <vector>

namespace tandem {

class ChannelMix {
 public:
  ChannelMix(const Scenario& s, int marketers);

  // The marketer who runs channel c (channel i: marketer i mod the team's size).
  int owner(int c) const { return c % marketers_; }
  // Channel c's budget this period, as a multiple of its declared budget.
  double budget_factor(int c) const { return factor_[static_cast<std::size_t>(c)]; }
  // The channel marketer m moved budget to, or -1 (as declared).
  int favoured(int m) const { return favoured_[static_cast<std::size_t>(m)]; }

  // What channel c brought its owner this period, for `spend`.
  void observe(int c, double spend, double inquiries, double mqls, double pipeline, double revenue);

  // Chooses marketer m's split for the next period. `pay(extra)` is what their plans
  // would pay were they credited `extra` over the `periods` the choice is valued over.
  void choose(int m, int periods, const std::function<Money(const Credits&)>& pay, double stakes,
              Stream& stream);

 private:
  struct PerSpend {  // per unit of spend on the channel; `seen` once observed
    double inquiries = 0, mqls = 0, pipeline = 0, revenue = 0;
    bool seen = false;
  };
  // The budget factors of channel c if marketer m favoured channel `to` (-1: none).
  double factor_if(int m, int c, int to) const;

  int marketers_;
  double shift_;
  ChoiceRule rule_;
  double learning_rate_;
  std::vector<double> budget_;          // declared, per channel
  std::vector<double> factor_;          // in use, per channel
  std::vector<int> favoured_;           // per marketer
  std::vector<PerSpend> belief_;        // per channel (its owner's belief)
  std::vector<std::vector<int>> runs_;  // per marketer: the channels they run
};

}  // namespace tandem
