// Adaptive sales enablement: each period a marketer chooses whether to spend
// `marketing.enablement_hours` on content that helps reps close (case studies, battle
// cards). In the next period every buyer of every deal decided is convinced more easily:
// by `marketing.enablement_convince_gain` times the share of marketers who produced
// content. Each hour costs the marketer `behaviour.effort_cost_per_hour`.
//
// The marketer values the choice by calling their own pay plans. Like a rep pricing a
// pulled deal, they take the gain as added win chance: their own content adds
// enablement_convince_gain / (marketers) to the chance a deal is won, on a believed chance
// of behaviour.prior_win_rate, so it raises what deals bring by that ratio. They apply it
// to what a period credits them in sourced revenue and in company bookings (learned,
// behaviour.learning_rate), ask their plans what that would add, and weigh it against the
// hours' cost by the choice rule (engine/choice_rule.hpp), carrying on as last period being the
// status quo. Paid per MQL, content adds nothing to their pay; paid on revenue or on the company's
// bookings, it does: the plans alone make the difference.
#pragma once

#include "engine/choice_rule.hpp"
#include "model/scenario.hpp"

#include <tandem/money.hpp>
#include <tandem/random.hpp>
#include <tandem/views.hpp>

#include <cstdint>
#include <functional>
#include <vector>

namespace tandem {

class Enablement {
 public:
  Enablement(const Scenario& s, int marketers);

  // Whether marketer m produces content this period, and the team's share that does.
  bool producing(int m) const { return on_[static_cast<std::size_t>(m)] != 0; }
  double team_share() const { return share_; }
  // The added chance each buyer is convinced, for deals decided this period.
  double convince_gain() const { return share_ * gain_; }

  // What marketer m was credited this period, in sourced revenue and company bookings.
  void observe(int m, double sourced_revenue, double company_bookings);
  // Chooses marketer m's enablement for the next period; `pay(extra)` as for targeting.
  void choose(int m, const std::function<Money(const Credits&)>& pay, double stakes,
              Stream& stream);
  // Every marketer has chosen: the share that holds next period.
  void settle();

 private:
  int marketers_;
  double gain_, hours_, hourly_cost_;
  ChoiceRule rule_;
  double prior_win_, learning_rate_, share_ = 0;
  std::vector<double> sourced_, company_;  // beliefs per period, per marketer (-1: none yet)
  std::vector<std::uint8_t> on_;
};

}  // namespace tandem
