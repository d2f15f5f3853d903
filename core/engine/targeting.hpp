// Adaptive targeting: each period a marketer chooses how tightly their channels target.
// Broad targeting buys more inquiries for the same budget from accounts of lower fit;
// tight, fewer from better-fitting ones (marketing.broad_* and tight_*). The marketer
// values each level by calling their own pay plans on the results it would bring over
// the rest of the pay period, forecast from what each level has brought them so far, and
// chooses by the choice rule (engine/choice_rule.hpp), keeping its level as the status quo. Nothing
// here knows a plan: paid per MQL, a marketer drifts to volume; paid on sourced revenue, to
// whatever their outcomes say brings revenue.
#pragma once

#include "engine/choice_rule.hpp"
#include "model/scenario.hpp"

#include <tandem/money.hpp>
#include <tandem/random.hpp>
#include <tandem/views.hpp>

#include <array>
#include <functional>
#include <vector>

namespace tandem {

class Targeting {
 public:
  static constexpr int kBroad = 0, kStandard = 1, kTight = 2;

  Targeting(const Scenario& s, int marketers);

  int level(int m) const { return level_[static_cast<std::size_t>(m)]; }
  double volume(int level) const { return volume_[static_cast<std::size_t>(level)]; }
  double fit_tilt(int level) const { return tilt_[static_cast<std::size_t>(level)]; }

  // What marketer m's channels brought this period, at the level in use.
  void observe(int m, double inquiries, double mqls, double pipeline, double revenue);

  // Chooses marketer m's level for the next period. `pay(extra)` is what their plans
  // would pay were they credited `extra` over the pay period; `periods` is how many
  // periods the choice is valued over.
  void choose(int m, int periods, const std::function<Money(const Credits&)>& pay, double stakes,
              Stream& stream);

  // The team pools what it learned: each level's beliefs, among the marketers who tried
  // it, move `sharing` of the way to their mean (see beliefs.hpp).
  void pool(double sharing);

 private:
  struct Beliefs {  // per inquiry, at one level; `seen` false until that level was tried
    double mqls = 0, pipeline = 0, revenue = 0;
    bool seen = false;
  };
  const Beliefs& belief(int m, int level) const;

  std::array<double, 3> volume_, tilt_;
  ChoiceRule rule_;
  double learning_rate_;
  std::vector<int> level_;
  std::vector<std::array<Beliefs, 3>> beliefs_;  // [marketer][level]
  std::vector<double> inquiries_;                // per period at the standard level
};

}  // namespace tandem
