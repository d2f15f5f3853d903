// Leads arrive: channels buy inquiries, each lead gets its latent need and observable
// signals, the lead policy makes it an MQL (routed to a rep) or sends it to nurture, and
// nurtured leads come back.
#include "engine/funnel.hpp"

#include "engine/observation.hpp"

#include <algorithm>
#include <cstddef>

namespace tandem {

// Channels turn budget into inquiries: Poisson with mean budget / cost per lead, each
// costing its cost per lead. Each comes from an in-market account with the channel's
// in-market share, and leans toward high fit by the channel's fit tilt.
void Funnel::new_inquiries(int t) {
  for (std::size_t c = 0; c < s_.channels.size(); ++c) {
    const ChannelConfig& ch = s_.channels[c];
    const int owner = static_cast<int>(c % static_cast<std::size_t>(marketers_));
    // The market's demand and the owner's targeting: the same budget buys more or fewer
    // inquiries, leaning away from or toward fit (always the standard level under fixed
    // rules).
    const int level = targeting_.level(owner);
    const double volume = targeting_.volume(level) * s_.market.demand;
    const Money cost_per_inquiry =
        volume == 1.0 ? ch.cost_per_lead : ch.cost_per_lead.times(1.0 / volume);
    // The owner's channel mix: this channel's share of their budget.
    const double mean = volume * mix_.budget_factor(static_cast<int>(c)) *
                        ch.budget_per_period.units() / ch.cost_per_lead.units();
    const std::int64_t n = channel_streams_[c].poisson(mean);
    for (std::int64_t i = 0; i < n; ++i) {
      const bool in_market = lead_stream_.bernoulli(ch.in_market_share);
      const std::uint32_t a =
          market_.pick(in_market, ch.fit_tilt + targeting_.fit_tilt(level), lead_stream_);
      const std::uint32_t id = new_lead(a, static_cast<std::int16_t>(c), ch.engagement, t);
      leads_.owner[id] = static_cast<std::int16_t>(owner);
      counts_.add(Counter::marketing_spend, cost_per_inquiry);
      channel_tally_[c].spend += cost_per_inquiry.units();
      channel_spend_[c] += cost_per_inquiry.units();
      ++channel_tally_[c].inquiries;
      ++counts_[Counter::inquiries];
      ++tally(t, leads_.owner[id]).inquiries;
      consider(id, t);
    }
  }
}

// A lead's latent need and its observable signals. Latent quality is P(real need):
// the account's fit times the need of its buying state. The signals only correlate:
// fit is seen with error, engagement rises with the account's need, and the score
// mixes both with the scoring model's own error.
std::uint32_t Funnel::new_lead(std::uint32_t a, std::int16_t channel, double engagement, int t) {
  const std::uint32_t id = leads_.add(next_serial_++);
  leads_.account[id] = a;
  leads_.channel[id] = channel;
  leads_.created[id] = t;
  leads_.arrived[id] = t;
  draw_latent(id);
  leads_.fit_seen[id] =
      observation::fit_seen(market_.fit(a), lead_stream_.normal(0.0, s_.scoring.fit_noise));
  // Who inquired (a person who can sign, or not; reachable, or not) and the BANT signals,
  // from their own stream so the funnel's other draws are as they were.
  const double contact =
      channel >= 0 ? s_.channels[static_cast<std::size_t>(channel)].contact_share : 1.0;
  leads_.has_contact[id] = signal_stream_.bernoulli(contact) ? 1 : 0;
  leads_.authority[id] = signal_stream_.bernoulli(s_.market.authority_share) ? 1 : 0;
  leads_.budget_seen[id] = noisy(market_.fit(a));
  leads_.authority_seen[id] = noisy(leads_.authority[id]);
  touch(id, engagement, lead_stream_);
  return id;
}

// A BANT signal as the lead shows it, its error from the signals' stream.
float Funnel::noisy(double truth) {
  return observation::bant_signal(truth, signal_stream_.normal(0.0, s_.scoring.bant_noise));
}

void Funnel::draw_latent(std::uint32_t id) {
  const std::uint32_t a = leads_.account[id];
  const double quality =
      observation::quality(market_.fit(a), observation::need(s_.market, market_.state(a)));
  leads_.quality[id] = static_cast<float>(quality);
  leads_.real_need[id] = lead_stream_.bernoulli(quality) ? 1 : 0;
}

// The lead engages (an inquiry or a re-engagement): more touches, one more person of the
// buying group engaged, and a fresh score.
void Funnel::touch(std::uint32_t id, double engagement, Stream& rng) {
  const std::uint32_t a = leads_.account[id];
  const AccountState state = market_.state(a);
  const double need = observation::need(s_.market, state);
  const std::int64_t extra = rng.poisson(observation::touch_mean(engagement, need));
  leads_.engagement[id] =
      static_cast<std::int16_t>(observation::engagement_after(leads_.engagement[id], extra));
  leads_.group_engaged[id] = static_cast<std::int16_t>(market_.engage(a));
  leads_.score[id] = observation::score(s_.scoring, leads_.fit_seen[id], leads_.engagement[id],
                                        rng.normal(0.0, s_.scoring.noise));
  // Need and timing are read again at every engagement: the account's state moves. What
  // a form captures of the need is how likely one is (the lead's latent quality), not
  // whether this lead has one: people answer for their situation, not their outcome.
  leads_.need_seen[id] = noisy(leads_.quality[id]);
  leads_.timing_seen[id] = noisy(observation::timing(state));
}

LeadView Funnel::view(std::uint32_t id, int t) const {
  LeadView v;
  v.id = leads_.serial[id];
  v.channel = leads_.channel[id];
  if (leads_.channel[id] >= 0)
    v.channel_name = s_.channels[static_cast<std::size_t>(leads_.channel[id])].name;
  else
    v.channel_name = "prospecting";
  v.score = leads_.score[id];
  v.fit = leads_.fit_seen[id];
  v.engagement = leads_.engagement[id];
  v.buying_group_engaged = leads_.group_engaged[id];
  v.age_periods = t - leads_.created[id];
  v.times_recycled = leads_.recycled[id];
  const std::uint32_t a = leads_.account[id];
  v.account = a;
  if (!s_.segments.empty()) v.segment = s_.segments[segment_[a]].name;
  v.has_contact = leads_.has_contact[id] != 0;
  v.budget = leads_.budget_seen[id];
  v.authority = leads_.authority_seen[id];
  v.need = leads_.need_seen[id];
  v.timing = leads_.timing_seen[id];
  v.sales_read = leads_.sales_read[id];
  // The territory owner among those MQLs go to: a rep, or with SDRs, an SDR in turn.
  v.territory_owner =
      sdrs_ > 0 ? static_cast<int>(a % static_cast<std::uint32_t>(sdrs_)) : territories_.owner(a);
  return v;
}

// The lead policy decides: MQL (routed by the policy) or nurture. Every decision is
// scored against the lead's latent need, to measure how well the policy separates.
void Funnel::consider(std::uint32_t id, int t) {
  leads_.arrived[id] = t;
  leads_.arrived_day[id] = static_cast<float>((t + signal_stream_.uniform()) * days_);
  const LeadView v = view(id, t);
  const bool mql = policy_.is_mql(v);
  separation_.add(policy_.score(v), leads_.real_need[id] != 0, mql);
  if (!mql) {
    to_nurture(id, t);
    return;
  }
  // Account-based: while the account has a lead in play, this one joins it.
  const std::uint32_t a = leads_.account[id];
  if (works_accounts_ && account_lead_[a] >= 0) {
    const auto joined = static_cast<std::uint32_t>(account_lead_[a]);
    leads_.engagement[joined] = static_cast<std::int16_t>(
        std::min(leads_.engagement[joined] + leads_.engagement[id], 10000));
    leads_.group_engaged[joined] = std::max(leads_.group_engaged[joined], leads_.group_engaged[id]);
    ++counts_[Counter::leads_merged];
    leads_.stage[id] = Stage::gone;
    leads_.release(id);
    return;
  }
  leads_.stage[id] = Stage::mql;
  if (!leads_.was_mql[id]) ++mql_leads_;
  leads_.was_mql[id] = 1;
  leads_.attempts[id] = 0;
  leads_.breached[id] = 0;
  ++counts_[Counter::mqls];
  if (leads_.real_need[id]) ++counts_[Counter::mqls_real_need];
  mql_quality_sum_ += leads_.quality[id];
  if (!ever_mql_account_[a]) ++mql_accounts_;
  ever_mql_account_[a] = 1;
  if (works_accounts_) account_lead_[a] = static_cast<std::int32_t>(id);
  if (leads_.owner[id] >= 0) {
    ++tally(t, leads_.owner[id]).mqls;
    ++channel_tally_[static_cast<std::size_t>(leads_.channel[id])].mqls;
  }
  // Routing, as the policy decides, among the reps (or the SDRs, when there are any).
  const int first = sdrs_ > 0 ? reps_ : 0, last = sdrs_ > 0 ? reps_ + sdrs_ : reps_;
  rep_views_.clear();
  for (int r = first; r < last; ++r) {
    const auto ri = static_cast<std::size_t>(r);
    RepView rv;
    rv.queue = static_cast<int>(queues_[ri].size());
    rv.open_opportunities = is_sdr(r) ? 0 : static_cast<int>(rep_opps_[ri].size());
    rv.hours_committed = rv.queue * s_.funnel.hours_per_attempt +
                         rv.open_opportunities * s_.funnel.hours_per_opportunity;
    rv.hours_per_period = is_sdr(r) ? s_.sdrs.hours_per_period : s_.sales.hours_per_period;
    rep_views_.push_back(rv);
  }
  const int best = first + policy_.route(v, rep_views_);
  leads_.rep[id] = best;
  leads_.routed[id] = next_route_++;
  queues_[static_cast<std::size_t>(best)].push_back(id);
}

// The lead is no longer in play for its account (account-based working).
void Funnel::leave_account(std::uint32_t id) {
  std::int32_t& active = account_lead_[leads_.account[id]];
  if (active == static_cast<std::int32_t>(id)) active = -1;
}

// Has the lead passed its first-touch deadline by the end of period t?
bool Funnel::past_deadline(std::uint32_t id, int t) const {
  return leads_.arrived_day[id] + service_.first_touch_hours / 24.0 <= (t + 1) * days_;
}

void Funnel::to_nurture(std::uint32_t id, int t) {
  leave_account(id);
  leads_.stage[id] = Stage::nurture;
  leads_.arrived[id] = t;
  leads_.rep[id] = -1;
  leads_.ignored[id] = 0;
  nurture_.push_back(id);
}

// Recycled leads re-engage at the nurture return rate; those in nurture longer than
// nurture_periods are dropped (memory grows with active leads, not history).
void Funnel::nurture_step(int t) {
  std::size_t keep = 0;
  for (std::size_t i = 0; i < nurture_.size(); ++i) {
    const std::uint32_t id = nurture_[i];
    if (leads_.stage[id] != Stage::nurture || leads_.arrived[id] == t) {
      if (leads_.stage[id] == Stage::nurture) nurture_[keep++] = id;  // arrived this period
      continue;
    }
    if (t - leads_.arrived[id] >= s_.funnel.nurture_periods) {
      leads_.stage[id] = Stage::gone;
      leads_.release(id);
      continue;
    }
    if (!nurture_stream_.bernoulli(s_.funnel.nurture_return_rate)) {
      nurture_[keep++] = id;
      continue;
    }
    // Back from nurture: a new touch, the need re-read from the account's state today.
    leads_.recycled[id] = static_cast<std::int8_t>(std::min(leads_.recycled[id] + 1, 100));
    draw_latent(id);
    const double engagement =
        leads_.channel[id] >= 0
            ? s_.channels[static_cast<std::size_t>(leads_.channel[id])].engagement
            : 1.0;
    touch(id, engagement, nurture_stream_);
    consider(id, t);  // if it stays in nurture, to_nurture() appends it again
  }
  nurture_.resize(keep);
}

}  // namespace tandem
