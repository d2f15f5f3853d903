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
    const int owner = marketing_.owner_of(c);
    // The market's demand and the owner's targeting: the same budget buys more or fewer
    // inquiries, leaning away from or toward fit (always the standard level under fixed
    // rules).
    const int level = marketing_.targeting.level(owner);
    const double volume = marketing_.targeting.volume(level) * s_.market.demand;
    const Money cost_per_inquiry =
        volume == 1.0 ? ch.cost_per_lead : ch.cost_per_lead.times(1.0 / volume);
    // The owner's channel mix: this channel's share of their budget.
    const double mean = volume * marketing_.mix.budget_factor(static_cast<int>(c)) *
                        ch.budget_per_period.units() / ch.cost_per_lead.units();
    const std::int64_t n = streams_.channels[c].poisson(mean);
    for (std::int64_t i = 0; i < n; ++i) {
      const bool in_market = streams_.leads.bernoulli(ch.in_market_share);
      const std::uint32_t a = market_.pick(
          in_market, ch.fit_tilt + marketing_.targeting.fit_tilt(level), streams_.leads);
      const std::uint32_t id = new_lead(a, static_cast<std::int16_t>(c), ch.engagement, t);
      pool_.leads.owner[id] = static_cast<std::int16_t>(owner);
      counts_.add(Counter::marketing_spend, cost_per_inquiry);
      marketing_.channel_tally[c].spend += cost_per_inquiry.units();
      marketing_.channel_spend[c] += cost_per_inquiry.units();
      ++marketing_.channel_tally[c].inquiries;
      ++counts_[Counter::inquiries];
      ++tally(t, pool_.leads.owner[id]).inquiries;
      consider(id, t);
    }
  }
}

// A lead's latent need and its observable signals. Latent quality is P(real need):
// the account's fit times the need of its buying state. The signals only correlate:
// fit is seen with error, engagement rises with the account's need, and the score
// mixes both with the scoring model's own error.
std::uint32_t Funnel::new_lead(std::uint32_t a, std::int16_t channel, double engagement, int t) {
  const std::uint32_t id = pool_.leads.add(pool_.next_serial++);
  pool_.leads.account[id] = a;
  pool_.leads.channel[id] = channel;
  pool_.leads.created[id] = t;
  pool_.leads.arrived[id] = t;
  draw_latent(id);
  pool_.leads.fit_seen[id] =
      observation::fit_seen(market_.fit(a), streams_.leads.normal(0.0, s_.scoring.fit_noise));
  // Who inquired (a person who can sign, or not; reachable, or not) and the BANT signals,
  // from their own stream so the funnel's other draws are as they were.
  const double contact =
      channel >= 0 ? s_.channels[static_cast<std::size_t>(channel)].contact_share : 1.0;
  pool_.leads.has_contact[id] = streams_.signals.bernoulli(contact) ? 1 : 0;
  pool_.leads.authority[id] = streams_.signals.bernoulli(s_.market.authority_share) ? 1 : 0;
  pool_.leads.budget_seen[id] = noisy(market_.fit(a));
  pool_.leads.authority_seen[id] = noisy(pool_.leads.authority[id]);
  touch(id, engagement, streams_.leads);
  return id;
}

// A BANT signal as the lead shows it, its error from the signals' stream.
float Funnel::noisy(double truth) {
  return observation::bant_signal(truth, streams_.signals.normal(0.0, s_.scoring.bant_noise));
}

void Funnel::draw_latent(std::uint32_t id) {
  const std::uint32_t a = pool_.leads.account[id];
  const double quality =
      observation::quality(market_.fit(a), observation::need(s_.market, market_.state(a)));
  pool_.leads.quality[id] = static_cast<float>(quality);
  pool_.leads.real_need[id] = streams_.leads.bernoulli(quality) ? 1 : 0;
}

// The lead engages (an inquiry or a re-engagement): more touches, one more person of the
// buying group engaged, and a fresh score.
void Funnel::touch(std::uint32_t id, double engagement, Stream& rng) {
  const std::uint32_t a = pool_.leads.account[id];
  const AccountState state = market_.state(a);
  const double need = observation::need(s_.market, state);
  const std::int64_t extra = rng.poisson(observation::touch_mean(engagement, need));
  pool_.leads.engagement[id] =
      static_cast<std::int16_t>(observation::engagement_after(pool_.leads.engagement[id], extra));
  pool_.leads.group_engaged[id] = static_cast<std::int16_t>(market_.engage(a));
  pool_.leads.score[id] =
      observation::score(s_.scoring, pool_.leads.fit_seen[id], pool_.leads.engagement[id],
                         rng.normal(0.0, s_.scoring.noise));
  // Need and timing are read again at every engagement: the account's state moves. What
  // a form captures of the need is how likely one is (the lead's latent quality), not
  // whether this lead has one: people answer for their situation, not their outcome.
  pool_.leads.need_seen[id] = noisy(pool_.leads.quality[id]);
  pool_.leads.timing_seen[id] = noisy(observation::timing(state));
}

LeadView Funnel::view(std::uint32_t id, int t) const {
  LeadView v;
  v.id = pool_.leads.serial[id];
  v.channel = pool_.leads.channel[id];
  if (pool_.leads.channel[id] >= 0)
    v.channel_name = s_.channels[static_cast<std::size_t>(pool_.leads.channel[id])].name;
  else
    v.channel_name = "prospecting";
  v.score = pool_.leads.score[id];
  v.fit = pool_.leads.fit_seen[id];
  v.engagement = pool_.leads.engagement[id];
  v.buying_group_engaged = pool_.leads.group_engaged[id];
  v.age_periods = t - pool_.leads.created[id];
  v.times_recycled = pool_.leads.recycled[id];
  const std::uint32_t a = pool_.leads.account[id];
  v.account = a;
  if (!s_.segments.empty()) v.segment = s_.segments[accounts_.segment(a)].name;
  v.has_contact = pool_.leads.has_contact[id] != 0;
  v.budget = pool_.leads.budget_seen[id];
  v.authority = pool_.leads.authority_seen[id];
  v.need = pool_.leads.need_seen[id];
  v.timing = pool_.leads.timing_seen[id];
  v.sales_read = pool_.leads.sales_read[id];
  // The territory owner among those MQLs go to: a rep, or with SDRs, an SDR in turn.
  v.territory_owner = floor_.sdrs > 0
                          ? static_cast<int>(a % static_cast<std::uint32_t>(floor_.sdrs))
                          : accounts_.territory_owner(a);
  return v;
}

// The lead policy decides: MQL (routed by the policy) or nurture. Every decision is
// scored against the lead's latent need, to measure how well the policy separates.
void Funnel::consider(std::uint32_t id, int t) {
  // When in the period it arrives (work_week.hpp: the arrival pattern). A new inquiry's
  // arrival is its creation (kept to the hour: days to close are counted in whole days).
  pool_.leads.arrived[id] = t;
  pool_.leads.arrived_hour[id] =
      static_cast<double>(week_.start(t)) + week_.arrival_hour(streams_.signals.uniform());
  if (pool_.leads.recycled[id] == 0 && !pool_.leads.was_mql[id])
    pool_.leads.created_hour[id] = static_cast<std::int32_t>(pool_.leads.arrived_hour[id]);
  const LeadView v = view(id, t);
  const bool mql = pool_.policy.is_mql(v);
  pool_.separation.add(pool_.policy.score(v), pool_.leads.real_need[id] != 0, mql);
  if (!mql) {
    pool_.to_nurture(id, t);
    return;
  }
  // Account-based: while the account has a lead in play, this one joins it.
  const std::uint32_t a = pool_.leads.account[id];
  if (pool_.works_accounts && pool_.account_lead[a] >= 0) {
    const auto joined = static_cast<std::uint32_t>(pool_.account_lead[a]);
    pool_.leads.engagement[joined] = static_cast<std::int16_t>(
        std::min(pool_.leads.engagement[joined] + pool_.leads.engagement[id], 10000));
    pool_.leads.group_engaged[joined] =
        std::max(pool_.leads.group_engaged[joined], pool_.leads.group_engaged[id]);
    ++counts_[Counter::leads_merged];
    pool_.leads.stage[id] = Stage::gone;
    pool_.leads.release(id);
    return;
  }
  pool_.leads.stage[id] = Stage::mql;
  // Leads that were MQLs in the measured periods (2: only in the warm-up), and of them
  // those worked (funnel_record.cpp: start_measuring).
  if (pool_.leads.was_mql[id] != 1) {
    ++pool_.mql_leads;
    if (const int c = pool_.leads.channel[id]; c >= 0)
      ++pool_.mql_leads_by_channel[static_cast<std::size_t>(c)];
    if (pool_.leads.touched[id]) ++pool_.touched_leads;
  }
  pool_.leads.was_mql[id] = 1;
  pool_.leads.attempts[id] = 0;
  pool_.leads.breached[id] = 0;
  pool_.leads.escalated[id] = 0;
  pool_.leads.touch_band[id] = -1;
  ++counts_[Counter::mqls];
  if (pool_.leads.real_need[id]) ++counts_[Counter::mqls_real_need];
  pool_.mql_quality_sum += pool_.leads.quality[id];
  if (!pool_.ever_mql_account[a]) ++pool_.mql_accounts;
  pool_.ever_mql_account[a] = 1;
  if (pool_.works_accounts) pool_.account_lead[a] = static_cast<std::int32_t>(id);
  if (pool_.leads.owner[id] >= 0) {
    ++tally(t, pool_.leads.owner[id]).mqls;
    ++marketing_.channel_tally[static_cast<std::size_t>(pool_.leads.channel[id])].mqls;
  }
  // Routing, as the policy decides, among the reps (or the SDRs, when there are any).
  const int first = floor_.sdrs > 0 ? floor_.reps : 0,
            last = floor_.sdrs > 0 ? floor_.reps + floor_.sdrs : floor_.reps;
  floor_.rep_views.clear();
  for (int r = first; r < last; ++r) {
    const auto ri = static_cast<std::size_t>(r);
    RepView rv;
    rv.queue = static_cast<int>(floor_.queues[ri].size());
    rv.open_opportunities = floor_.is_sdr(r) ? 0 : static_cast<int>(floor_.rep_opps[ri].size());
    rv.hours_committed = rv.queue * s_.funnel.hours_per_attempt +
                         rv.open_opportunities * s_.funnel.hours_per_opportunity;
    rv.hours_per_period = floor_.hours_per_period(r);
    floor_.rep_views.push_back(rv);
  }
  const int best = first + pool_.policy.route(v, floor_.rep_views);
  pool_.leads.rep[id] = best;
  pool_.leads.routed[id] = floor_.next_route++;
  floor_.queues[static_cast<std::size_t>(best)].push_back(id);
}

// Recycled leads re-engage at the nurture return rate; those in nurture longer than
// nurture_periods are dropped (memory grows with active leads, not history).
void Funnel::nurture_step(int t) {
  std::size_t keep = 0;
  for (std::size_t i = 0; i < pool_.nurture.size(); ++i) {
    const std::uint32_t id = pool_.nurture[i];
    if (pool_.leads.stage[id] != Stage::nurture || pool_.leads.arrived[id] == t) {
      if (pool_.leads.stage[id] == Stage::nurture)
        pool_.nurture[keep++] = id;  // arrived this period
      continue;
    }
    if (t - pool_.leads.arrived[id] >= s_.funnel.nurture_periods) {
      pool_.leads.stage[id] = Stage::gone;
      pool_.leads.release(id);
      continue;
    }
    if (!streams_.nurture.bernoulli(s_.funnel.nurture_return_rate)) {
      pool_.nurture[keep++] = id;
      continue;
    }
    // Back from nurture: a new touch, the need re-read from the account's state today.
    pool_.leads.recycled[id] =
        static_cast<std::int8_t>(std::min(pool_.leads.recycled[id] + 1, 100));
    draw_latent(id);
    const double engagement =
        pool_.leads.channel[id] >= 0
            ? s_.channels[static_cast<std::size_t>(pool_.leads.channel[id])].engagement
            : 1.0;
    touch(id, engagement, streams_.nurture);
    consider(id, t);  // if it stays in nurture, pool_.to_nurture() appends it again
  }
  pool_.nurture.resize(keep);
}

}  // namespace tandem
