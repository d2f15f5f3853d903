// The funnel, period by period. docs/model.md describes each mechanism in words; the
// comments here say where each one lives.
#include "engine/replication.hpp"

#include "engine/behaviour.hpp"
#include "engine/calendar.hpp"
#include "engine/crediting.hpp"
#include "engine/deal_timing.hpp"
#include "engine/effort.hpp"
#include "engine/leads.hpp"
#include "engine/market.hpp"
#include "engine/metrics.hpp"
#include "engine/payroll.hpp"
#include "engine/separation.hpp"
#include "engine/streams.hpp"
#include "engine/targeting.hpp"
#include "engine/territories.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace tandem {

Role role_of_team(const std::string& key) {
  return key == "marketing" ? Role::marketing : key == "sales" ? Role::sales : Role::sdr;
}

std::vector<Agent> scenario_agents(const Scenario& s) {
  std::vector<Agent> agents;
  for (const PaidTeam& team : paid_teams(s)) {
    const Role role = role_of_team(team.key);
    const char* prefix = role == Role::marketing ? "marketer" : role == Role::sales ? "rep" : "sdr";
    for (int i = 0; i < team.people; ++i)
      agents.push_back({fmt::format("{}-{:02}", prefix, i + 1), role, team.pay->plugin});
  }
  return agents;
}

namespace {

// Waits counted in whole periods, so a median needs a histogram, not every value: memory
// grows with the horizon, not with the number of leads.
class WaitHistogram {
 public:
  void add(int periods) {
    const auto k = static_cast<std::size_t>(periods);
    if (k >= counts_.size()) counts_.resize(k + 1, 0);
    ++counts_[k];
    ++n_;
  }
  // The median wait in days, a wait of k periods counting as (k + 0.5) periods.
  double median_days(double days_per_period) const {
    if (n_ == 0) return 0.0;
    const auto at = [&](std::int64_t rank) {
      for (std::size_t k = 0; k < counts_.size(); ++k)
        if ((rank -= counts_[k]) < 0) return (static_cast<double>(k) + 0.5) * days_per_period;
      return 0.0;
    };
    if (n_ % 2 == 1) return at(n_ / 2);
    return (at(n_ / 2) + at(n_ / 2 - 1)) / 2.0;
  }

 private:
  std::vector<std::int64_t> counts_;
  std::int64_t n_ = 0;
};

// An index drawn in proportion to `weights`; 0 without drawing when there is only one, so
// a scenario that declares no segments or products draws exactly as before.
std::uint8_t pick_weighted(const std::vector<double>& weights, Stream& stream) {
  if (weights.size() <= 1) return 0;
  double total = 0;
  for (const double w : weights) total += w;
  double u = stream.uniform() * total;
  for (std::size_t i = 0; i + 1 < weights.size(); ++i)
    if ((u -= weights[i]) < 0) return static_cast<std::uint8_t>(i);
  return static_cast<std::uint8_t>(weights.size() - 1);
}

template <class Config>
std::vector<double> weights_of(const std::vector<Config>& items) {
  std::vector<double> w;
  for (const auto& item : items) w.push_back(item.weight);
  return w;
}

class Funnel {
 public:
  Funnel(const Scenario& s, const RunPlugins& plugins, std::uint64_t replication)
      : s_(s),
        seed_(s.seed),
        rep_no_(replication),
        days_(days_per_period(s.horizon.period)),
        market_stream_(stream(streams::market)),
        lead_stream_(stream(streams::leads)),
        contact_stream_(stream(streams::contact)),
        deal_stream_(stream(streams::deals)),
        nurture_stream_(stream(streams::nurture)),
        prospect_stream_(stream(streams::prospecting)),
        policy_stream_(stream(streams::lead_policy)),
        pay_stream_(stream(streams::pay_plans)),
        product_stream_(stream(streams::products)),
        churn_stream_(stream(streams::churn)),
        signal_stream_(stream(streams::signals)),
        read_stream_(stream(streams::sales_read)),
        choice_stream_(stream(streams::choices)),
        market_(s.market, market_stream_),
        policy_(*plugins.lead_policy,
                plugins.lead_policy->make_lead_policy(s.lead_policy.params, policy_stream_)),
        behaviour_(make_behaviour(s.behaviour)),
        payroll_(s, plugins, pay_stream_),
        marketers_(s.marketing.people),
        reps_(s.sales.people),
        sdrs_(s.sdrs.people),
        crediting_(s.crediting, marketers_, reps_),
        product_weights_(weights_of(s.products)),
        queues_(static_cast<std::size_t>(reps_ + sdrs_)),
        rep_opps_(static_cast<std::size_t>(reps_)),
        prospect_hours_(static_cast<std::size_t>(reps_), 0.0),
        recorder_(result_.metrics) {
    Stream rep_stream = stream(streams::reps);
    for (int r = 0; r < reps_; ++r)
      skill_.push_back(rep_stream.lognormal(1.0, s.sales.skill_spread));
    for (std::size_t c = 0; c < s.channels.size(); ++c)
      channel_streams_.push_back(stream(streams::channel_base + c));
    // Each account's segment, from its own stream so the market draws as without segments.
    Stream segment_stream = stream(streams::segments);
    const std::vector<double> segment_weights = weights_of(s.segments);
    segment_.resize(market_.size());
    for (auto& seg : segment_) seg = pick_weighted(segment_weights, segment_stream);
    account_lead_.assign(market_.size(), -1);
    ever_mql_account_.assign(market_.size(), 0);
    service_ = policy_.service_level();
    works_accounts_ = policy_.works_accounts();
    // Which periods close a quarter's last month: where quarter-end deal timing shows.
    quarter_end_month_.assign(static_cast<std::size_t>(s.horizon.periods), 0);
    for (const PayPeriod& m : pay_periods(s.horizon, PeriodKind::month))
      if (m.index % 3 == 2)
        for (int p = m.first_period; p <= m.last_period; ++p)
          quarter_end_month_[static_cast<std::size_t>(p)] = 1;
    // Expected leads: a generous reserve so the period loop rarely reallocates.
    double per_period = 0;
    for (const auto& c : s.channels)
      per_period += c.budget_per_period.units() / c.cost_per_lead.units();
    leads_.reserve(static_cast<std::size_t>(per_period * s.horizon.periods * 1.2) + 1024);
    result_.metrics.reserve(static_cast<std::size_t>(s.horizon.periods) *
                            (static_cast<std::size_t>(Metric::hours_on_leads) +
                             static_cast<std::size_t>(reps_ + sdrs_) * 5 +
                             static_cast<std::size_t>(marketers_)));
  }

  ReplicationResult run() {
    for (int t = 0; t < s_.horizon.periods; ++t) {
      period_ = {};
      market_.step(market_stream_);
      new_inquiries(t);
      nurture_step(t);
      for (int w = 0; w < reps_ + sdrs_; ++w) work(w, t);
      enforce_service_level(t);
      churn(t);
      record(t);
      if (adaptive_) {
        learn_effort(t);
        choose_targeting(t);
      }
      payroll_.end_of_period(t, result_.ledger, rep_no_ == 0 ? &result_.statements : nullptr);
    }
    headlines();
    return std::move(result_);
  }

 private:
  // Per-period company counters (recorded as metrics, summed into headlines).
  struct PeriodCounts {
    std::int64_t inquiries = 0, mqls = 0, sals = 0, sqls = 0, opportunities = 0, won = 0, lost = 0,
                 no_decision = 0, recycled_unworked = 0, cancelled = 0, mqls_real_need = 0,
                 sla_breaches = 0, merged = 0, pulled = 0, pushed = 0;
    Money revenue, spend, cancelled_revenue, discounts, quarter_end_revenue;
  };
  struct RepHours {
    double leads = 0, opportunities = 0, prospecting = 0;
    std::int64_t attempts = 0;
  };

  Stream stream(std::uint64_t id) const { return Stream(seed_, rep_no_, id); }
  // Workers are the reps, then the SDRs: worker w is agent marketers + w.
  int agent_of_rep(int w) const { return marketers_ + w; }
  bool is_sdr(int w) const { return w >= reps_; }

  // --- Leads arrive -------------------------------------------------------------------

  // Channels turn budget into inquiries: Poisson with mean budget / cost per lead, each
  // costing its cost per lead. Each comes from an in-market account with the channel's
  // in-market share, and leans toward high fit by the channel's fit tilt.
  void new_inquiries(int t) {
    for (std::size_t c = 0; c < s_.channels.size(); ++c) {
      const ChannelConfig& ch = s_.channels[c];
      const int owner = static_cast<int>(c % static_cast<std::size_t>(marketers_));
      // The owner's targeting: the same budget buys more or fewer inquiries, leaning away
      // from or toward fit (always the standard level under fixed rules).
      const int level = targeting_.level(owner);
      const double volume = targeting_.volume(level);
      const Money cost_per_inquiry =
          volume == 1.0 ? ch.cost_per_lead : ch.cost_per_lead.times(1.0 / volume);
      const double mean = volume * ch.budget_per_period.units() / ch.cost_per_lead.units();
      const std::int64_t n = channel_streams_[c].poisson(mean);
      for (std::int64_t i = 0; i < n; ++i) {
        const bool in_market = lead_stream_.bernoulli(ch.in_market_share);
        const std::uint32_t a =
            market_.pick(in_market, ch.fit_tilt + targeting_.fit_tilt(level), lead_stream_);
        const std::uint32_t id = new_lead(a, static_cast<std::int16_t>(c), ch.engagement, t);
        leads_.owner[id] = static_cast<std::int16_t>(owner);
        period_.spend += cost_per_inquiry;
        ++period_.inquiries;
        ++tally(t, leads_.owner[id]).inquiries;
        consider(id, t);
      }
    }
  }

  // A lead's latent need and its observable signals. Latent quality is P(real need):
  // the account's fit times the need of its buying state. The signals only correlate:
  // fit is seen with error, engagement rises with the account's need, and the score
  // mixes both with the scoring model's own error.
  std::uint32_t new_lead(std::uint32_t a, std::int16_t channel, double engagement, int t) {
    const std::uint32_t id = leads_.add(next_serial_++);
    leads_.account[id] = a;
    leads_.channel[id] = channel;
    leads_.created[id] = t;
    leads_.arrived[id] = t;
    draw_latent(id);
    const double fit_seen = market_.fit(a) + lead_stream_.normal(0.0, s_.scoring.fit_noise);
    leads_.fit_seen[id] = static_cast<float>(std::clamp(fit_seen, 0.0, 1.0));
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

  // A BANT signal: the truth (0..1) plus the form's and enrichment's error, kept in 0..1.
  float noisy(double truth) {
    return static_cast<float>(
        std::clamp(truth + signal_stream_.normal(0.0, s_.scoring.bant_noise), 0.0, 1.0));
  }

  void draw_latent(std::uint32_t id) {
    const std::uint32_t a = leads_.account[id];
    const double quality = market_.fit(a) * market_.need(a);
    leads_.quality[id] = static_cast<float>(quality);
    leads_.real_need[id] = lead_stream_.bernoulli(quality) ? 1 : 0;
  }

  // The lead engages (an inquiry or a re-engagement): more touches, one more person of the
  // buying group engaged, and a fresh score.
  void touch(std::uint32_t id, double engagement, Stream& rng) {
    const std::uint32_t a = leads_.account[id];
    const auto touches = 1 + rng.poisson(engagement * (1.0 + market_.need(a)));
    leads_.engagement[id] =
        static_cast<std::int16_t>(std::min<std::int64_t>(leads_.engagement[id] + touches, 10000));
    leads_.group_engaged[id] = static_cast<std::int16_t>(market_.engage(a));
    const ScoringConfig& sc = s_.scoring;
    const double engaged = 1.0 - std::exp(-leads_.engagement[id] / sc.engagement_scale);
    const double score =
        100.0 * (sc.fit_weight * leads_.fit_seen[id] + (1.0 - sc.fit_weight) * engaged) +
        rng.normal(0.0, sc.noise);
    leads_.score[id] = static_cast<float>(std::clamp(score, 0.0, 100.0));
    // Need and timing are read again at every engagement: the account's state moves. What
    // a form captures of the need is how likely one is (the lead's latent quality), not
    // whether this lead has one: people answer for their situation, not their outcome.
    leads_.need_seen[id] = noisy(leads_.quality[id]);
    const AccountState state = market_.state(a);
    leads_.timing_seen[id] = noisy(state == AccountState::buying        ? 1.0
                                   : state == AccountState::researching ? 0.5
                                                                        : 0.0);
  }

  LeadView view(std::uint32_t id, int t) const {
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
  void consider(std::uint32_t id, int t) {
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
      leads_.group_engaged[joined] =
          std::max(leads_.group_engaged[joined], leads_.group_engaged[id]);
      ++period_.merged;
      leads_.stage[id] = Stage::gone;
      leads_.release(id);
      return;
    }
    leads_.stage[id] = Stage::mql;
    if (!leads_.was_mql[id]) ++mql_leads_;
    leads_.was_mql[id] = 1;
    leads_.attempts[id] = 0;
    leads_.breached[id] = 0;
    ++period_.mqls;
    if (leads_.real_need[id]) ++period_.mqls_real_need;
    mql_quality_sum_ += leads_.quality[id];
    if (!ever_mql_account_[a]) ++mql_accounts_;
    ever_mql_account_[a] = 1;
    if (works_accounts_) account_lead_[a] = static_cast<std::int32_t>(id);
    if (leads_.owner[id] >= 0) ++tally(t, leads_.owner[id]).mqls;
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
  void leave_account(std::uint32_t id) {
    std::int32_t& active = account_lead_[leads_.account[id]];
    if (active == static_cast<std::int32_t>(id)) active = -1;
  }

  // Has the lead passed its first-touch deadline by the end of period t?
  bool past_deadline(std::uint32_t id, int t) const {
    return leads_.arrived_day[id] + service_.first_touch_hours / 24.0 <= (t + 1) * days_;
  }

  void to_nurture(std::uint32_t id, int t) {
    leave_account(id);
    leads_.stage[id] = Stage::nurture;
    leads_.arrived[id] = t;
    leads_.rep[id] = -1;
    nurture_.push_back(id);
  }

  // Recycled leads re-engage at the nurture return rate; those in nurture longer than
  // nurture_periods are dropped (memory grows with active leads, not history).
  void nurture_step(int t) {
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

  // --- Reps work ------------------------------------------------------------------------

  // A rep's period: open opportunities first (each needs its hours or it slips), then the
  // routed leads in the order the behaviour picks, then (optionally) own prospecting. An
  // SDR's period is the routed leads only.
  void work(int r, int t) {
    const auto ri = static_cast<std::size_t>(r);
    double period_hours = is_sdr(r) ? s_.sdrs.hours_per_period : s_.sales.hours_per_period;
    if (adaptive_ && !is_sdr(r)) {
      // How hard to work this period, valued through the rep's own plans.
      const int agent = agent_of_rep(r);
      effort_.choose(
          r, period_hours,
          [this, agent, t](Money extra) {
            Credits c;
            c.bookings = extra;
            c.deals_won = extra > Money{} ? 1 : 0;
            return payroll_.pay_now(agent, t, c);
          },
          choice_stream_);
      period_hours *= effort_.share(r);
    }
    double hours = period_hours;
    RepHours& used = hours_[ri];
    used = {};

    std::size_t keep = 0;
    auto& opps = is_sdr(r) ? no_opps_ : rep_opps_[ri];
    // Adaptive reps time deals at the end of their pay period.
    const bool ends_pay_period =
        adaptive_ && !is_sdr(r) && payroll_.ends_pay_period(agent_of_rep(r), t);
    for (std::size_t i = 0; i < opps.size(); ++i) {
      const std::uint32_t o = opps[i];
      if (hours + 1e-9 >= s_.funnel.hours_per_opportunity) {
        hours -= s_.funnel.hours_per_opportunity;
        used.opportunities += s_.funnel.hours_per_opportunity;
        if (opps_.close[o] <= t) {
          if (ends_pay_period && !opps_.pushed[o] &&
              timing_.push(r, size_of(o), outlook(r, t), choice_stream_)) {
            opps_.pushed[o] = 1;
            opps_.close[o] = t + 1;  // decided in the first period of the next pay period
            ++period_.pushed;
            opps[keep++] = o;
            continue;
          }
          decide(o, t);
          continue;
        }
      } else if (opps_.close[o] <= t) {
        opps_.close[o] = t + 1;  // not worked this period: the decision slips
      }
      opps[keep++] = o;
    }
    opps.resize(keep);
    if (ends_pay_period) pull_deals(r, t, hours, used);

    auto& queue = queues_[ri];
    behaviour_->order_queue(r, queue, leads_);
    // The service level: leads whose first-touch deadline falls by the end of this period
    // come first, in the rep's own order among themselves.
    // (A stable partition through a scratch list kept between periods: no allocation.)
    scratch_.clear();
    std::size_t due = 0;
    for (const std::uint32_t id : queue) {
      if (past_deadline(id, t))
        queue[due++] = id;
      else
        scratch_.push_back(id);
    }
    std::copy(scratch_.begin(), scratch_.end(), queue.begin() + static_cast<std::ptrdiff_t>(due));
    keep = 0;
    for (std::size_t i = 0; i < queue.size(); ++i) {
      const std::uint32_t id = queue[i];
      if (hours + 1e-9 < s_.funnel.hours_per_attempt) {
        queue[keep++] = id;
        continue;
      }
      // When in the period the attempt is made: as far in as the rep's hours are used.
      const double clock = period_hours > 0 ? 1.0 - hours / period_hours : 0.0;
      hours -= s_.funnel.hours_per_attempt;
      used.leads += s_.funnel.hours_per_attempt;
      ++used.attempts;
      if (attempt(id, r, t, clock)) queue[keep++] = id;
    }
    queue.resize(keep);

    if (ends_pay_period) timing_.end_pay_period(r);

    if (!is_sdr(r) && behaviour_->prospects(r) && hours > 0) {
      used.prospecting = hours;
      prospect_hours_[ri] += hours;
      while (prospect_hours_[ri] >= s_.sales.prospecting_hours_per_lead) {
        prospect_hours_[ri] -= s_.sales.prospecting_hours_per_lead;
        prospect(r, t);
      }
    }
  }

  // --- Adaptive deal timing ----------------------------------------------------------

  // At the end of a pay period, the rep considers each open deal due in the next one: pulled
  // in with a discount, it is decided now (the same hours as any deal's decision).
  void pull_deals(int r, int t, double& hours, RepHours& used) {
    const int horizon = payroll_.next_pay_period_end(agent_of_rep(r), t);
    auto& opps = rep_opps_[static_cast<std::size_t>(r)];
    std::size_t keep = 0;
    for (std::size_t i = 0; i < opps.size(); ++i) {
      const std::uint32_t o = opps[i];
      if (opps_.close[o] > t && opps_.close[o] <= horizon &&
          hours + 1e-9 >= s_.funnel.hours_per_opportunity &&
          timing_.pull(r, size_of(o), outlook(r, t), choice_stream_)) {
        hours -= s_.funnel.hours_per_opportunity;
        used.opportunities += s_.funnel.hours_per_opportunity;
        opps_.pulled[o] = 1;
        ++period_.pulled;
        decide(o, t);
        continue;
      }
      opps[keep++] = o;
    }
    opps.resize(keep);
  }

  Money size_of(std::uint32_t o) const { return Money::from_cents(opps_.size_cents[o]); }

  // Each marketer learns from what their channels brought this period and chooses their
  // targeting for the next, valued through their own pay plans over what is left of the
  // pay period (or over the next one, when this period ends it).
  // What each rep's hours brought this period: the belief effort is valued on.
  void learn_effort(int t) {
    for (int r = 0; r < reps_; ++r) {
      const RepHours& h = hours_[static_cast<std::size_t>(r)];
      effort_.observe(r, h.leads + h.opportunities + h.prospecting,
                      tally(t, agent_of_rep(r)).bookings.units());
    }
  }

  void choose_targeting(int t) {
    for (int m = 0; m < marketers_; ++m) {
      const Tally& x = tally(t, m);
      targeting_.observe(m, static_cast<double>(x.inquiries), static_cast<double>(x.mqls),
                         x.pipeline.units(), x.sourced_revenue.units());
      ++targeting_periods_[static_cast<std::size_t>(targeting_.level(m))];
      const int left = payroll_.pay_period_end(m, t) - t;
      const int next = payroll_.next_pay_period_end(m, t) - t;
      const auto pay = [this, m, t, left](const Credits& extra) {
        return left > 0 ? payroll_.pay_now(m, t, extra) : payroll_.pay_next(m, t, extra);
      };
      targeting_.choose(m, left > 0 ? left : std::max(1, next), pay, choice_stream_);
    }
  }

  // What rep r's own plans would pay, now and next pay period: the rep's valuation.
  PayOutlook outlook(int r, int t) {
    const int agent = agent_of_rep(r);
    const auto booked = [](Money value) {
      Credits c;
      c.bookings = value;
      c.deals_won = value > Money{} ? 1 : 0;
      return c;
    };
    return {
        [this, agent, t, booked](Money extra) { return payroll_.pay_now(agent, t, booked(extra)); },
        [this, agent, t, booked](Money base, Money extra) {
          return payroll_.pay_next(agent, t, booked(base + extra));
        }};
  }

  // One contact attempt, made `clock` (0..1) of the way through period t. Speed to lead:
  // the chance to reach the lead falls exponentially with the days it really waited since
  // it became an MQL; a lead without contact details cannot be reached. A first touch
  // later than the service level's first-touch time is a breach. Returns true if the lead
  // stays in the rep's queue.
  bool attempt(std::uint32_t id, int r, int t, double clock) {
    const double waited = std::max(0.0, (t + clock) * days_ - leads_.arrived_day[id]);
    if (!leads_.touched[id]) {
      leads_.touched[id] = 1;
      ++touched_leads_;
      first_touch_wait_.add(static_cast<int>(waited * 24.0));
      if (waited * 24.0 > service_.first_touch_hours && !leads_.breached[id]) {
        leads_.breached[id] = 1;
        ++period_.sla_breaches;
      }
    }
    const double decay = std::exp(-s_.funnel.decay_per_day * waited);
    value_lost_sum_ += 1.0 - decay;
    ++attempts_total_;
    ++leads_.attempts[id];
    const double reach = leads_.has_contact[id] ? s_.funnel.contact_rate * decay : 0.0;
    if (contact_stream_.bernoulli(reach)) {
      // In conversation the rep forms a view of the need: right with the scenario's
      // accuracy. What sales-accepted policies accept on, and learn from.
      const bool right = read_stream_.bernoulli(s_.funnel.sales_read_accuracy);
      leads_.sales_read[id] = static_cast<std::int8_t>(right == (leads_.real_need[id] != 0));
      if (!policy_.accepts(view(id, t))) {
        policy_.on_outcome(view(id, t), Outcome::rejected);
        to_nurture(id, t);
        return false;
      }
      policy_.on_outcome(view(id, t), Outcome::accepted);
      qualify(id, r, t);
      return false;
    }
    if (leads_.attempts[id] >= service_.max_touches) {
      policy_.on_outcome(view(id, t), Outcome::recycled);
      to_nurture(id, t);
      return false;
    }
    return true;
  }

  // A reached lead is sales-accepted (SAL); the rep's discovery qualifies it (SQL) with a
  // chance that depends on whether the need is real; a discovery meeting may open an
  // opportunity. Leads that fall out go back to nurture.
  void qualify(std::uint32_t id, int r, int t) {
    const int agent = agent_of_rep(r);
    ++period_.sals;
    ++tally(t, agent).sals;
    const double p =
        leads_.real_need[id] ? s_.funnel.qualify_sensitivity : s_.funnel.qualify_false_positive;
    if (contact_stream_.bernoulli(p)) {
      ++period_.sqls;
      ++tally(t, agent).sqls;
      if (contact_stream_.bernoulli(s_.funnel.sql_to_opportunity)) {
        open_opportunity(id, r, t);
        return;
      }
    }
    if (leads_.was_mql[id]) policy_.on_outcome(view(id, t), Outcome::disqualified);
    to_nurture(id, t);
  }

  // Deal size grows with fit, scaled by the account's segment and the product; the cycle
  // is log-normal; the decision comes at the close date. The pipeline is credited by the
  // same rule as won deals.
  void open_opportunity(std::uint32_t id, int r, int t) {
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
    ++period_.opportunities;
    ++tally(t, agent_of_rep(r)).opportunities;
    if (ae != r) ++tally(t, agent_of_rep(ae)).opportunities;
    if (leads_.owner[id] >= 0) ++tally(t, leads_.owner[id]).opportunities;
    crediting_.split(parties(o), pieces_);
    for (const CreditPiece& piece : pieces_) tally(t, piece.agent).pipeline += piece.value;
  }

  // Who could be credited with opportunity `o`.
  DealParties parties(std::uint32_t o) const {
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
  void credit(std::uint32_t o, int t, int cancelled_period) {
    crediting_.split(parties(o), pieces_);
    CreditedDeal deal;
    deal.id = o;
    deal.period = opps_.decided[o];
    deal.deal_value = Money::from_cents(opps_.size_cents[o]);
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
      ++x.deals_won;
      payroll_.credit_deal(piece.agent, deal);
    }
  }

  // The buying group decides: each member is convinced with a chance set by the need and
  // the rep's skill; short of the consensus share it ends in no decision; otherwise the
  // deal is won against the competitor or lost.
  void decide(std::uint32_t o, int t) {
    const std::uint32_t id = opps_.lead[o];
    const std::uint32_t a = leads_.account[id];
    const int group = market_.buying_group(a);
    const double base =
        leads_.real_need[id] ? s_.deals.convince_rate : s_.deals.convince_rate_no_need;
    // A pulled deal comes with a discount, which convinces each buyer more easily.
    const double gain = opps_.pulled[o] ? s_.deals.pull_convince_gain : 0.0;
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
      ++period_.no_decision;
      outcome = Outcome::no_decision;
    } else if (deal_stream_.bernoulli(s_.deals.win_rate_vs_competitor)) {
      opps_.result[o] = DealResult::won;
      opps_.decided[o] = t;
      if (opps_.pulled[o]) {
        const Money full = size_of(o), discounted = full.times(1.0 - s_.deals.pull_discount);
        period_.discounts += full - discounted;
        opps_.size_cents[o] = discounted.cents();
      }
      ++period_.won;
      period_.revenue += size_of(o);
      if (quarter_end_month_[static_cast<std::size_t>(t)])
        period_.quarter_end_revenue += size_of(o);
      if (adaptive_) timing_.booked(opps_.rep[o], size_of(o));
      credit(o, t, -1);
      if (s_.deals.churn_rate > 0) customers_.push_back(o);
      if (leads_.was_mql[id]) ++mql_won_;
      close_wait_.add(t - leads_.created[id]);
      market_.settle(a);
      outcome = Outcome::won;
    } else {
      opps_.result[o] = DealResult::lost;
      ++period_.lost;
      outcome = Outcome::lost;
    }
    if (adaptive_) timing_.learn(opps_.rep[o], opps_.pulled[o] != 0, outcome == Outcome::won);
    leads_.stage[id] = Stage::closed;
    leave_account(id);
    if (leads_.was_mql[id]) policy_.on_outcome(view(id, t), outcome);
    // The lead's slot is reused only once nothing reads it: a won deal is still watched
    // for cancellation (crediting reads its account, channel and history).
    if (opps_.result[o] != DealResult::won || s_.deals.churn_rate <= 0) leads_.release(id);
  }

  // --- Customers cancel ---------------------------------------------------------------

  // During its first term (churn_watch_periods after the win) a new customer cancels with
  // a chance per period that falls with fit: churn_rate x (1.5 - fit), so a customer of
  // fit 0.5 cancels at churn_rate and poor-fit customers, often sold to without a real
  // fit, more. A cancellation is credited back to everyone the win was credited to.
  void churn(int t) {
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
        ++period_.cancelled;
        period_.cancelled_revenue += Money::from_cents(opps_.size_cents[o]);
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

  // Own prospecting: a lead the rep sources, already reached, so it starts as an SAL.
  void prospect(int r, int t) {
    const bool in_market = prospect_stream_.bernoulli(s_.sales.prospect_in_market_share);
    const std::uint32_t a = market_.pick(in_market, s_.sales.prospect_fit_tilt, prospect_stream_);
    const std::uint32_t id = new_lead(a, kProspected, 0.0, t);
    leads_.rep[id] = r;
    qualify(id, r, t);
  }

  // The service level: an MQL nobody touched within recycle_after_periods goes back to
  // nurture ("MQLs never worked").
  void enforce_service_level(int t) {
    for (auto& queue : queues_) {
      std::size_t keep = 0;
      for (std::size_t i = 0; i < queue.size(); ++i) {
        const std::uint32_t id = queue[i];
        if (leads_.attempts[id] == 0 &&
            t - leads_.arrived[id] + 1 >= service_.recycle_after_periods) {
          ++period_.recycled_unworked;
          if (!leads_.breached[id] && past_deadline(id, t)) {
            leads_.breached[id] = 1;
            ++period_.sla_breaches;
          }
          policy_.on_outcome(view(id, t), Outcome::recycled);
          to_nurture(id, t);
          continue;
        }
        queue[keep++] = id;
      }
      queue.resize(keep);
    }
  }

  // --- Recording ------------------------------------------------------------------------

  Tally& tally(int t, int agent) { return payroll_.tally(t, agent); }

  void record(int t) {
    const PeriodCounts& p = period_;
    recorder_.emit(Metric::inquiries, t, static_cast<double>(p.inquiries));
    recorder_.emit(Metric::mqls, t, static_cast<double>(p.mqls));
    recorder_.emit(Metric::sals, t, static_cast<double>(p.sals));
    recorder_.emit(Metric::sqls, t, static_cast<double>(p.sqls));
    recorder_.emit(Metric::opportunities, t, static_cast<double>(p.opportunities));
    recorder_.emit(Metric::won_deals, t, static_cast<double>(p.won));
    recorder_.emit(Metric::lost_deals, t, static_cast<double>(p.lost));
    recorder_.emit(Metric::no_decision_deals, t, static_cast<double>(p.no_decision));
    recorder_.emit(Metric::revenue, t, p.revenue.units());
    recorder_.emit(Metric::marketing_spend, t, p.spend.units());
    recorder_.emit(Metric::mqls_recycled_unworked, t, static_cast<double>(p.recycled_unworked));
    std::size_t open = 0, waiting = 0;
    for (const auto& o : rep_opps_) open += o.size();
    for (const auto& q : queues_) waiting += q.size();
    recorder_.emit(Metric::open_opportunities, t, static_cast<double>(open));
    recorder_.emit(Metric::leads_waiting, t, static_cast<double>(waiting));
    recorder_.emit(Metric::in_market_accounts, t, static_cast<double>(market_.in_market()));
    recorder_.emit(Metric::active_leads, t, static_cast<double>(leads_.active()));
    recorder_.emit(Metric::cancelled_deals, t, static_cast<double>(p.cancelled));
    recorder_.emit(Metric::cancelled_revenue, t, p.cancelled_revenue.units());
    recorder_.emit(Metric::mqls_real_need, t, static_cast<double>(p.mqls_real_need));
    recorder_.emit(Metric::sla_breaches, t, static_cast<double>(p.sla_breaches));
    recorder_.emit(Metric::leads_merged, t, static_cast<double>(p.merged));
    recorder_.emit(Metric::deals_pulled, t, static_cast<double>(p.pulled));
    recorder_.emit(Metric::deals_pushed, t, static_cast<double>(p.pushed));
    recorder_.emit(Metric::discounts_given, t, p.discounts.units());
    for (int m = 0; m < marketers_; ++m) {
      recorder_.emit(Metric::agent_mqls, t, static_cast<double>(tally(t, m).mqls), m);
      recorder_.emit(Metric::targeting, t, targeting_.level(m) - 1.0, m);
    }
    for (int r = 0; r < reps_ + sdrs_; ++r) {
      const RepHours& h = hours_[static_cast<std::size_t>(r)];
      const int agent = agent_of_rep(r);
      hours_on_leads_ += h.leads;
      hours_on_opportunities_ += h.opportunities;
      hours_worked_ += h.leads + h.opportunities + h.prospecting;
      hours_available_ += is_sdr(r) ? s_.sdrs.hours_per_period : s_.sales.hours_per_period;
      recorder_.emit(Metric::hours_on_leads, t, h.leads, agent);
      recorder_.emit(Metric::leads_worked, t, static_cast<double>(h.attempts), agent);
      if (is_sdr(r)) continue;
      recorder_.emit(Metric::hours_on_opportunities, t, h.opportunities, agent);
      recorder_.emit(Metric::hours_prospecting, t, h.prospecting, agent);
      recorder_.emit(Metric::bookings, t, tally(t, agent).bookings.units(), agent);
    }
    totals_.inquiries += p.inquiries;
    totals_.mqls += p.mqls;
    totals_.sals += p.sals;
    totals_.sqls += p.sqls;
    totals_.opportunities += p.opportunities;
    totals_.won += p.won;
    totals_.lost += p.lost;
    totals_.no_decision += p.no_decision;
    totals_.recycled_unworked += p.recycled_unworked;
    totals_.revenue += p.revenue;
    totals_.cancelled += p.cancelled;
    totals_.sla_breaches += p.sla_breaches;
    totals_.merged += p.merged;
    totals_.pulled += p.pulled;
    totals_.pushed += p.pushed;
    totals_.discounts += p.discounts;
    totals_.quarter_end_revenue += p.quarter_end_revenue;
    totals_.cancelled_revenue += p.cancelled_revenue;
    totals_.spend += p.spend;
  }

  void headlines() {
    // Only MQLs are ever worked, so the untouched ones are the difference.
    const std::int64_t mql_leads = mql_leads_, never_worked = mql_leads_ - touched_leads_;
    const Money pay_marketing = payroll_.paid(Role::marketing),
                pay_sales = payroll_.paid(Role::sales), pay_sdrs = payroll_.paid(Role::sdr);
    const auto share = [](double num, double den) { return den > 0 ? num / den : 0.0; };
    const auto count = [](std::int64_t n) { return static_cast<double>(n); };
    const PeriodCounts& T = totals_;
    result_.headlines = {
        {"inquiries", "count", count(T.inquiries)},
        {"mqls", "count", count(T.mqls)},
        {"sals", "count", count(T.sals)},
        {"sqls", "count", count(T.sqls)},
        {"opportunities", "count", count(T.opportunities)},
        {"won_deals", "count", count(T.won)},
        {"lost_deals", "count", count(T.lost)},
        {"no_decision_deals", "count", count(T.no_decision)},
        {"revenue", "money", T.revenue.units()},
        {"cancelled_deals", "count", count(T.cancelled)},
        {"cancelled_revenue", "money", T.cancelled_revenue.units()},
        {"marketing_spend", "money", T.spend.units()},
        {"pay_marketing", "money", pay_marketing.units()},
        {"pay_sales", "money", pay_sales.units()},
        {"pay_sdrs", "money", pay_sdrs.units()},
        {"cost_of_marketing", "money", (T.spend + pay_marketing).units()},
        {"cost_of_sales_share", "share",
         share((pay_marketing + pay_sales + pay_sdrs).units(), T.revenue.units())},
        {"mql_to_won_rate", "share", share(count(mql_won_), count(mql_leads))},
        {"mql_precision", "share", separation_.precision()},
        {"mql_recall", "share", separation_.recall()},
        {"policy_score_auc", "share", separation_.auc()},
        {"mql_accounts", "count", count(mql_accounts_)},
        {"leads_merged_into_accounts", "count", count(T.merged)},
        {"sla_breach_share", "share", share(count(T.sla_breaches), count(T.mqls))},
        {"mql_mean_quality", "share", share(mql_quality_sum_, count(T.mqls))},
        {"broad_targeting_share", "share",
         share(count(targeting_periods_[0]),
               count(targeting_periods_[0] + targeting_periods_[1] + targeting_periods_[2]))},
        {"tight_targeting_share", "share",
         share(count(targeting_periods_[2]),
               count(targeting_periods_[0] + targeting_periods_[1] + targeting_periods_[2]))},
        {"deals_pulled", "count", count(T.pulled)},
        {"deals_pushed", "count", count(T.pushed)},
        {"discounts_given", "money", T.discounts.units()},
        {"quarter_end_month_revenue_share", "share",
         share(T.quarter_end_revenue.units(), T.revenue.units())},
        {"rep_time_on_leads_share", "share", share(hours_on_leads_, hours_available_)},
        {"rep_time_on_opportunities_share", "share",
         share(hours_on_opportunities_, hours_available_)},
        {"rep_effort_share", "share", share(hours_worked_, hours_available_)},
        {"mqls_never_worked_share", "share", share(count(never_worked), count(mql_leads))},
        {"median_days_to_close", "days", close_wait_.median_days(days_)},
        {"median_days_to_first_touch", "days", first_touch_wait_.median_days(1.0 / 24.0)},
        {"contact_chance_lost_to_waiting", "share", share(value_lost_sum_, count(attempts_total_))},
    };
  }

  const Scenario& s_;
  std::uint64_t seed_, rep_no_;
  double days_;
  Stream market_stream_, lead_stream_, contact_stream_, deal_stream_, nurture_stream_,
      prospect_stream_, policy_stream_, pay_stream_, product_stream_, churn_stream_, signal_stream_,
      read_stream_, choice_stream_;
  std::vector<Stream> channel_streams_;
  Market market_;
  GuardedLeadPolicy policy_;
  ServiceLevel service_;
  std::unique_ptr<RepBehaviour> behaviour_;
  Payroll payroll_;
  int marketers_, reps_, sdrs_;
  Crediting crediting_;
  Territories territories_{s_, segment_};
  bool works_accounts_ = false;
  std::vector<std::int32_t> account_lead_;      // per account: its lead in play, or -1
  std::vector<std::uint8_t> ever_mql_account_;  // per account: ever had an MQL
  std::int64_t mql_accounts_ = 0;
  std::vector<RepView> rep_views_;  // reused by consider(): no allocation per lead
  Separation separation_;
  Targeting targeting_{s_, marketers_};
  Effort effort_{s_, reps_};
  std::array<std::int64_t, 3> targeting_periods_{};  // marketer-periods at each level
  double mql_quality_sum_ = 0;                       // latent quality summed over MQLs
  bool adaptive_ = s_.behaviour.mode == "adaptive";
  DealTiming timing_{s_, reps_};
  std::vector<std::uint8_t> quarter_end_month_;  // per period: in a quarter's last month
  std::vector<CreditPiece> pieces_;              // reused by credit(): no allocation per deal
  std::vector<double> product_weights_;
  std::vector<std::uint8_t> segment_;     // per account: index into the scenario's segments
  std::vector<std::uint32_t> customers_;  // won deals in their first term (cancellable)
  std::vector<double> skill_;
  LeadTable leads_;
  OpportunityTable opps_;
  std::vector<std::uint32_t> nurture_;
  std::vector<std::uint32_t> scratch_;                // reused by work() each period
  std::vector<std::vector<std::uint32_t>> queues_;    // per rep: MQLs routed, not yet reached
  std::vector<std::vector<std::uint32_t>> rep_opps_;  // per rep: open opportunities
  std::vector<double> prospect_hours_;                // per rep: hours toward the next prospect
  std::vector<RepHours> hours_ = std::vector<RepHours>(static_cast<std::size_t>(reps_ + sdrs_));
  std::vector<std::uint32_t> no_opps_;  // an SDR's opportunities: always none
  PeriodCounts period_, totals_;
  std::int64_t mql_won_ = 0, attempts_total_ = 0;
  double hours_on_leads_ = 0, hours_on_opportunities_ = 0, hours_available_ = 0, hours_worked_ = 0;
  double value_lost_sum_ = 0;
  std::uint64_t next_serial_ = 0, next_route_ = 0;
  std::int64_t mql_leads_ = 0, touched_leads_ = 0;  // leads ever MQL; those ever worked
  WaitHistogram close_wait_;                        // periods from first inquiry to won
  WaitHistogram first_touch_wait_;                  // whole hours from MQL to the first attempt
  ReplicationResult result_;
  Recorder recorder_;
};

}  // namespace

ReplicationResult run_replication(const Scenario& scenario, const RunPlugins& plugins,
                                  std::uint64_t replication) {
  return Funnel(scenario, plugins, replication).run();
}

}  // namespace tandem
