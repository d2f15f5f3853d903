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
  const std::uint32_t a = pool_.leads.account[id];
  const double fit = market_.fit(a);
  const std::uint8_t product = pick_weighted(book_.product_weights, streams_.products);
  double units = s_.deals.median_size.units() * (0.5 + fit) *
                 streams_.deals.lognormal(1.0, s_.deals.size_spread);
  if (!s_.segments.empty()) units *= s_.segments[accounts_.segment(a)].deal_size;
  if (!s_.products.empty()) units *= s_.products[product].deal_size;
  const Money size = Money::from_units(units);
  const double cycle_days =
      streams_.deals.lognormal(s_.deals.median_cycle_days, s_.deals.cycle_spread);
  const int close = t + std::max(1, static_cast<int>(std::ceil(cycle_days / days_)));
  // An SDR hands the opportunity to the account executive with the fewest open ones.
  const int ae = floor_.is_sdr(r) ? floor_.least_busy_rep() : r;
  const std::uint32_t o =
      book_.opps.add(id, ae, size, t, close, product, floor_.is_sdr(r) ? r : -1);
  floor_.rep_opps[static_cast<std::size_t>(ae)].push_back(o);
  pool_.leads.stage[id] = Stage::opportunity;
  ++counts_[Counter::opportunities];
  ++tally(t, agent_of_rep(r)).opportunities;
  if (ae != r) ++tally(t, agent_of_rep(ae)).opportunities;
  if (pool_.leads.owner[id] >= 0) ++tally(t, pool_.leads.owner[id]).opportunities;
  book_.crediting.split(parties(o), book_.pieces);
  for (const CreditPiece& piece : book_.pieces) {
    tally(t, piece.agent).pipeline += piece.value;
    tally_channel(id, piece, &ChannelTally::pipeline);
  }
}

void Funnel::tally_channel(std::uint32_t id, const CreditPiece& piece,
                           double ChannelTally::*field) {
  if (pool_.leads.channel[id] >= 0 && piece.agent == pool_.leads.owner[id])
    marketing_.channel_tally[static_cast<std::size_t>(pool_.leads.channel[id])].*field +=
        piece.value.units();
}

// Who could be credited with opportunity `o`.
DealParties Funnel::parties(std::uint32_t o) const {
  const std::uint32_t id = book_.opps.lead[o];
  DealParties d;
  d.id = o;
  d.value = Money::from_cents(book_.opps.size_cents[o]);
  d.closer = agent_of_rep(book_.opps.rep[o]);
  d.sdr = book_.opps.sdr[o] >= 0 ? agent_of_rep(book_.opps.sdr[o]) : -1;
  d.account_owner = marketing_.marketers + accounts_.territory_owner(pool_.leads.account[id]);
  d.source = pool_.leads.owner[id];
  d.influenced = pool_.leads.channel[id] == kProspected && pool_.leads.recycled[id] > 0;
  return d;
}

// Credits won deal `o` (or, with `cancelled_period` set, its cancellation) to everyone
// the crediting rule names.
void Funnel::credit(std::uint32_t o, int t, int cancelled_period) {
  book_.crediting.split(parties(o), book_.pieces);
  CreditedDeal deal;
  deal.id = o;
  deal.period = book_.opps.decided[o];
  deal.deal_value = Money::from_cents(book_.opps.size_cents[o]);
  deal.discount = Money::from_cents(book_.opps.discount_cents[o]);
  deal.pushed = book_.opps.pushed[o] != 0;
  if (!s_.products.empty()) deal.product = s_.products[book_.opps.product[o]].name;
  if (!s_.segments.empty())
    deal.segment = s_.segments[accounts_.segment(pool_.leads.account[book_.opps.lead[o]])].name;
  deal.cancelled_period = cancelled_period;
  for (const CreditPiece& piece : book_.pieces) {
    deal.value = piece.value;
    deal.kind = piece.kind;
    Tally& x = tally(t, piece.agent);
    if (cancelled_period >= 0) {
      x.cancelled += piece.value;
      ++x.deals_cancelled;
      payroll_.credit_cancellation(piece.agent, deal);
      continue;
    }
    (piece.agent < marketing_.marketers ? x.sourced_revenue : x.bookings) += piece.value;
    tally_channel(book_.opps.lead[o], piece, &ChannelTally::revenue);
    ++x.deals_won;
    payroll_.credit_deal(piece.agent, deal);
  }
}

// What the buying group of deal o decides, drawn once: when a rep asks it to decide early,
// or at its date. Each member is convinced with a chance set by the need and the rep's
// skill; short of the consensus share it ends in no decision; otherwise the deal is won
// against the competitor or lost.
DealResult Funnel::verdict(std::uint32_t o) {
  if (book_.opps.verdict[o] != DealResult::open) return book_.opps.verdict[o];
  const std::uint32_t id = book_.opps.lead[o];
  const int group = market_.buying_group(pool_.leads.account[id]);
  const double base =
      pool_.leads.real_need[id] ? s_.deals.convince_rate : s_.deals.convince_rate_no_need;
  // Marketing's enablement content (adaptive marketers) helps every deal. A pulled deal
  // is decided as it would have been at its date: its discount bought the early decision.
  const double gain = marketing_.enablement.convince_gain();
  const double p =
      std::min(1.0, base * floor_.skill[static_cast<std::size_t>(book_.opps.rep[o])] + gain);
  // A lead who can sign is one of the group, and convinced already (the draw is made
  // all the same, so the stream moves as it would otherwise).
  int convinced = 0;
  for (int i = 0; i < group; ++i) {
    const bool yes = streams_.deals.bernoulli(p);
    convinced += (yes || (i == 0 && pool_.leads.authority[id])) ? 1 : 0;
  }
  const int needed = static_cast<int>(std::ceil(s_.deals.consensus_share * group - 1e-9));
  book_.opps.verdict[o] = convinced < needed ? DealResult::no_decision
                          : streams_.deals.bernoulli(s_.deals.win_rate_vs_competitor)
                              ? DealResult::won
                              : DealResult::lost;
  return book_.opps.verdict[o];
}

// The deal is decided, by its group's verdict; a buyer whose close was delayed may walk
// away instead (drawn from the choices' own stream, so the buying group's draws are as
// they would be).
void Funnel::decide(std::uint32_t o, int t) {
  const std::uint32_t id = book_.opps.lead[o];
  const std::uint32_t a = pool_.leads.account[id];
  const DealResult group_verdict = verdict(o);
  const bool walked = book_.opps.pushed[o] && streams_.choices.bernoulli(s_.deals.push_loss);
  Outcome outcome;
  if (walked || group_verdict == DealResult::no_decision) {
    book_.opps.result[o] = DealResult::no_decision;
    ++counts_[Counter::no_decision_deals];
    outcome = Outcome::no_decision;
  } else if (group_verdict == DealResult::won) {
    book_.opps.result[o] = DealResult::won;
    book_.opps.decided[o] = t;
    if (book_.opps.pulled[o]) {
      const Money full = book_.size_of(o), discounted = full.times(1.0 - book_.opps.depth[o]);
      counts_.add(Counter::discounts_given, full - discounted);
      floor_.hours[static_cast<std::size_t>(book_.opps.rep[o])].discount += full - discounted;
      book_.opps.size_cents[o] = discounted.cents();
      book_.opps.discount_cents[o] = (full - discounted).cents();
    }
    ++counts_[Counter::won_deals];
    counts_.add(Counter::revenue, book_.size_of(o));
    if (book_.quarter_end_month[static_cast<std::size_t>(t)])
      counts_.add(Counter::quarter_end_revenue, book_.size_of(o));
    if (adaptive_) floor_.timing.booked(book_.opps.rep[o], book_.size_of(o));
    credit(o, t, -1);
    if (s_.deals.churn_rate > 0) book_.customers.push_back(o);
    if (pool_.leads.was_mql[id]) {
      ++book_.mql_won;
      if (const int c = pool_.leads.channel[id]; c >= 0)
        ++book_.mql_won_by_channel[static_cast<std::size_t>(c)];
    }
    book_.close_wait.add(days_to_close(id, o, t));
    market_.settle(a);
    outcome = Outcome::won;
  } else {
    book_.opps.result[o] = DealResult::lost;
    ++counts_[Counter::lost_deals];
    outcome = Outcome::lost;
  }
  if (adaptive_) {
    floor_.timing.learn(book_.opps.rep[o], outcome == Outcome::won);
    floor_.yield.decided(book_.opps.rep[o],
                         outcome == Outcome::won ? book_.size_of(o).units() : 0.0,
                         t - book_.opps.opened[o]);
  }
  pool_.leads.stage[id] = Stage::closed;
  pool_.leave_account(id);
  if (pool_.leads.was_mql[id]) pool_.policy.on_outcome(view(id, t), outcome);
  // The lead's slot is reused only once nothing reads it: a won deal is still watched
  // for cancellation (crediting reads its account, channel and history).
  if (book_.opps.result[o] != DealResult::won || s_.deals.churn_rate <= 0) pool_.leads.release(id);
}

// During its first term (churn_watch_periods after the win) a new customer cancels with
// a chance per period that falls with fit: churn_rate x (1.5 - fit), so a customer of
// fit 0.5 cancels at churn_rate and poor-fit customers, often sold to without a real
// fit, more. A cancellation is credited back to everyone the win was credited to.
void Funnel::churn(int t) {
  std::size_t keep = 0;
  for (std::size_t i = 0; i < book_.customers.size(); ++i) {
    const std::uint32_t o = book_.customers[i];
    const std::uint32_t id = book_.opps.lead[o];
    if (book_.opps.decided[o] == t) {
      book_.customers[keep++] = o;  // won this period: watched from the next
      continue;
    }
    const double fit = market_.fit(pool_.leads.account[id]);
    const double hazard = std::clamp(s_.deals.churn_rate * (1.5 - fit), 0.0, 1.0);
    if (streams_.churn.bernoulli(hazard)) {
      ++counts_[Counter::cancelled_deals];
      counts_.add(Counter::cancelled_revenue, Money::from_cents(book_.opps.size_cents[o]));
      credit(o, t, t);
      pool_.leads.release(id);
      continue;
    }
    if (t - book_.opps.decided[o] >= s_.deals.churn_watch_periods) {
      pool_.leads.release(id);  // the first term is over: no longer watched
      continue;
    }
    book_.customers[keep++] = o;
  }
  book_.customers.resize(keep);
}

}  // namespace tandem
