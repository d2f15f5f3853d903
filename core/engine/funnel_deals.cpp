// Deals: opportunities open with a size and a close date, are credited by the crediting
// rule, are decided by the buying group, and new customers may cancel.
#include "engine/funnel.hpp"

#include "engine/weighted.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace tandem {

// Deal size grows with fit, scaled by the account's segment and the product; the cycle
// is log-normal; the decision comes at the close date. The pipeline is credited by the
// same rule as won deals.
void Funnel::open_opportunity(std::uint32_t id, int r, int t) {
  const std::uint32_t a = leads_.account[id];
  const double fit = market_.fit(a);
  const std::uint8_t product = pick_weighted(product_weights_, product_stream_);
  double units = s_.deals.median_size.units() * (0.5 + fit) *
                 deal_stream_.lognormal(1.0, s_.deals.size_spread);
  if (!s_.segments.empty()) units *= s_.segments[segment_[a]].deal_size;
  if (!s_.products.empty()) units *= s_.products[product].deal_size;
  const Money size = Money::from_units(units);
  const double cycle_days =
      deal_stream_.lognormal(s_.deals.median_cycle_days, s_.deals.cycle_spread);
  const int close = t + std::max(1, static_cast<int>(std::ceil(cycle_days / days_)));
  // An SDR hands the opportunity to the account executive with the fewest open ones.
  int ae = r;
  if (is_sdr(r)) {
    ae = 0;
    for (int e = 1; e < reps_; ++e)
      if (rep_opps_[static_cast<std::size_t>(e)].size() <
          rep_opps_[static_cast<std::size_t>(ae)].size())
        ae = e;
  }
  const std::uint32_t o = opps_.add(id, ae, size, t, close, product, is_sdr(r) ? r : -1);
  rep_opps_[static_cast<std::size_t>(ae)].push_back(o);
  leads_.stage[id] = Stage::opportunity;
  ++counts_[Counter::opportunities];
  ++tally(t, agent_of_rep(r)).opportunities;
  if (ae != r) ++tally(t, agent_of_rep(ae)).opportunities;
  if (leads_.owner[id] >= 0) ++tally(t, leads_.owner[id]).opportunities;
  crediting_.split(parties(o), pieces_);
  for (const CreditPiece& piece : pieces_) {
    tally(t, piece.agent).pipeline += piece.value;
    tally_channel(id, piece, &ChannelTally::pipeline);
  }
}

void Funnel::tally_channel(std::uint32_t id, const CreditPiece& piece,
                           double ChannelTally::*field) {
  if (leads_.channel[id] >= 0 && piece.agent == leads_.owner[id])
    channel_tally_[static_cast<std::size_t>(leads_.channel[id])].*field += piece.value.units();
}

// Who could be credited with opportunity `o`.
DealParties Funnel::parties(std::uint32_t o) const {
  const std::uint32_t id = opps_.lead[o];
  DealParties d;
  d.id = o;
  d.value = Money::from_cents(opps_.size_cents[o]);
  d.closer = agent_of_rep(opps_.rep[o]);
  d.sdr = opps_.sdr[o] >= 0 ? agent_of_rep(opps_.sdr[o]) : -1;
  d.account_owner = marketers_ + territories_.owner(leads_.account[id]);
  d.source = leads_.owner[id];
  d.influenced = leads_.channel[id] == kProspected && leads_.recycled[id] > 0;
  return d;
}

// Credits won deal `o` (or, with `cancelled_period` set, its cancellation) to everyone
// the crediting rule names.
void Funnel::credit(std::uint32_t o, int t, int cancelled_period) {
  crediting_.split(parties(o), pieces_);
  CreditedDeal deal;
  deal.id = o;
  deal.period = opps_.decided[o];
  deal.deal_value = Money::from_cents(opps_.size_cents[o]);
  deal.discount = Money::from_cents(opps_.discount_cents[o]);
  deal.pushed = opps_.pushed[o] != 0;
  if (!s_.products.empty()) deal.product = s_.products[opps_.product[o]].name;
  if (!s_.segments.empty())
    deal.segment = s_.segments[segment_[leads_.account[opps_.lead[o]]]].name;
  deal.cancelled_period = cancelled_period;
  for (const CreditPiece& piece : pieces_) {
    deal.value = piece.value;
    deal.kind = piece.kind;
    Tally& x = tally(t, piece.agent);
    if (cancelled_period >= 0) {
      x.cancelled += piece.value;
      ++x.deals_cancelled;
      payroll_.credit_cancellation(piece.agent, deal);
      continue;
    }
    (piece.agent < marketers_ ? x.sourced_revenue : x.bookings) += piece.value;
    tally_channel(opps_.lead[o], piece, &ChannelTally::revenue);
    ++x.deals_won;
    payroll_.credit_deal(piece.agent, deal);
  }
}

// The buying group decides: each member is convinced with a chance set by the need and
// the rep's skill; short of the consensus share it ends in no decision; otherwise the
// deal is won against the competitor or lost.
void Funnel::decide(std::uint32_t o, int t) {
  const std::uint32_t id = opps_.lead[o];
  const std::uint32_t a = leads_.account[id];
  const int group = market_.buying_group(a);
  const double base =
      leads_.real_need[id] ? s_.deals.convince_rate : s_.deals.convince_rate_no_need;
  // A pulled deal comes with a discount, which convinces each buyer more easily.
  // Marketing's enablement content (adaptive marketers) helps every deal.
  const double gain =
      (opps_.pulled[o] ? s_.deals.pull_convince_gain : 0.0) + enablement_.convince_gain();
  const double p = std::min(1.0, base * skill_[static_cast<std::size_t>(opps_.rep[o])] + gain);
  // A lead who can sign is one of the group, and convinced already (the draw is made
  // all the same, so the stream moves as it would otherwise).
  int convinced = 0;
  for (int i = 0; i < group; ++i) {
    const bool yes = deal_stream_.bernoulli(p);
    convinced += (yes || (i == 0 && leads_.authority[id])) ? 1 : 0;
  }
  const int needed = static_cast<int>(std::ceil(s_.deals.consensus_share * group - 1e-9));
  // A buyer whose close was delayed may walk away instead (drawn from the choices' own
  // stream, so the buying group's draws are as they would be).
  const bool walked = opps_.pushed[o] && choice_stream_.bernoulli(s_.deals.push_loss);
  Outcome outcome;
  if (walked || convinced < needed) {
    opps_.result[o] = DealResult::no_decision;
    ++counts_[Counter::no_decision_deals];
    outcome = Outcome::no_decision;
  } else if (deal_stream_.bernoulli(s_.deals.win_rate_vs_competitor)) {
    opps_.result[o] = DealResult::won;
    opps_.decided[o] = t;
    if (opps_.pulled[o]) {
      const Money full = size_of(o), discounted = full.times(1.0 - s_.deals.pull_discount);
      counts_.add(Counter::discounts_given, full - discounted);
      opps_.size_cents[o] = discounted.cents();
      opps_.discount_cents[o] = (full - discounted).cents();
    }
    ++counts_[Counter::won_deals];
    counts_.add(Counter::revenue, size_of(o));
    if (quarter_end_month_[static_cast<std::size_t>(t)])
      counts_.add(Counter::quarter_end_revenue, size_of(o));
    if (adaptive_) timing_.booked(opps_.rep[o], size_of(o));
    credit(o, t, -1);
    if (s_.deals.churn_rate > 0) customers_.push_back(o);
    if (leads_.was_mql[id]) ++mql_won_;
    close_wait_.add(t - leads_.created[id]);
    market_.settle(a);
    outcome = Outcome::won;
  } else {
    opps_.result[o] = DealResult::lost;
    ++counts_[Counter::lost_deals];
    outcome = Outcome::lost;
  }
  if (adaptive_) {
    timing_.learn(opps_.rep[o], opps_.pulled[o] != 0, outcome == Outcome::won);
    yield_.decided(opps_.rep[o], outcome == Outcome::won ? size_of(o).units() : 0.0,
                   t - opps_.opened[o]);
  }
  leads_.stage[id] = Stage::closed;
  leave_account(id);
  if (leads_.was_mql[id]) policy_.on_outcome(view(id, t), outcome);
  // The lead's slot is reused only once nothing reads it: a won deal is still watched
  // for cancellation (crediting reads its account, channel and history).
  if (opps_.result[o] != DealResult::won || s_.deals.churn_rate <= 0) leads_.release(id);
}

// During its first term (churn_watch_periods after the win) a new customer cancels with
// a chance per period that falls with fit: churn_rate x (1.5 - fit), so a customer of
// fit 0.5 cancels at churn_rate and poor-fit customers, often sold to without a real
// fit, more. A cancellation is credited back to everyone the win was credited to.
void Funnel::churn(int t) {
  std::size_t keep = 0;
  for (std::size_t i = 0; i < customers_.size(); ++i) {
    const std::uint32_t o = customers_[i];
    const std::uint32_t id = opps_.lead[o];
    if (opps_.decided[o] == t) {
      customers_[keep++] = o;  // won this period: watched from the next
      continue;
    }
    const double fit = market_.fit(leads_.account[id]);
    const double hazard = std::clamp(s_.deals.churn_rate * (1.5 - fit), 0.0, 1.0);
    if (churn_stream_.bernoulli(hazard)) {
      ++counts_[Counter::cancelled_deals];
      counts_.add(Counter::cancelled_revenue, Money::from_cents(opps_.size_cents[o]));
      credit(o, t, t);
      leads_.release(id);
      continue;
    }
    if (t - opps_.decided[o] >= s_.deals.churn_watch_periods) {
      leads_.release(id);  // the first term is over: no longer watched
      continue;
    }
    customers_[keep++] = o;
  }
  customers_.resize(keep);
}

}  // namespace tandem
