// The rates the funnel chain runs on, from the scenario: what the lead policy makes of
// drawn leads (the engine's lead model, asked of the policy plugin itself), the chance of
// reaching a lead, the buying group's decision and the deal cycle.
#include "engine/observation.hpp"
#include "engine/work_week.hpp"
#include "experiments/funnel_chain_detail.hpp"
#include "stats/statistics.hpp"

#include <tandem/views.hpp>

namespace tandem::funnel_chain_detail {
namespace {

// The chain's states are the market's, by number: observation:: takes them as such.
static_assert(kDormant == static_cast<int>(AccountState::dormant) &&
              kResearching == static_cast<int>(AccountState::researching) &&
              kBuying == static_cast<int>(AccountState::buying));

// The radical inverse of i in `base` (van der Corput): the Halton sequence's coordinates.
double radical_inverse(std::uint64_t i, int base) {
  const double inv = 1.0 / base;
  double f = inv, x = 0;
  for (; i > 0; i /= static_cast<std::uint64_t>(base), f *= inv)
    x += f * static_cast<double>(i % static_cast<std::uint64_t>(base));
  return x;
}

// The Poisson(mean) quantile of u.
std::int64_t poisson_quantile(double mean, double u) {
  if (!(mean > 0)) return 0;
  double p = std::exp(-mean), c = p;
  std::int64_t k = 0;
  while (u > c && k < 100000) {
    ++k;
    p *= mean / static_cast<double>(k);
    c += p;
    if (p == 0 && c < u) break;  // beyond double precision: the tail is never reached
  }
  return k;
}

}  // namespace

// An account drawn as a channel draws it (in market or not, weighted by e^(tilt x fit)),
// the latent need from its fit and buying state, the observable signals with their
// noise, and the engagement that grows at every pass. Between passes the lead waits in
// nurture (a time drawn as the nurture return rate gives it, given that it returns) while
// its account's state moves.
SourceDraws LeadModel::draw(const Source& source, int index, int samples,
                            const std::vector<int>& simulated) {
  const MarketConfig& m = s_.market;
  const ScoringConfig& sc = s_.scoring;
  Stream rng(s_.seed, kEstimateReplication, kSourceStreamBase + static_cast<std::uint64_t>(index));
  SourceDraws out;
  out.samples = samples;
  out.simulated = simulated;
  out.first.reserve(at(samples));
  out.passes.reserve(at(samples));
  out.cell.reserve(at(samples));
  out.fit.reserve(at(samples));
  out.weight.reserve(at(samples));
  out.records.reserve(at(std::accumulate(simulated.begin(), simulated.end(), 0)));
  const double r = s_.funnel.nurture_return_rate;
  const int longest = static_cast<int>(powers_.size()) - 1;
  const double returns = 1.0 - std::pow(1.0 - r, longest);  // P(return before the drop)
  const double log_stay = r > 0 && r < 1 ? std::log1p(-r) : 0.0;
  const double researching =
      market_.steady[kResearching] /
      std::max(1e-300, market_.steady[kResearching] + market_.steady[kBuying]);
  const std::string_view channel_name =
      source.prospecting() ? std::string_view("prospecting")
                           : std::string_view(s_.channels[at(source.channel)].name);
  // The inputs that move a lead's chances most (whether its account is in the market and
  // in which state, its fit, how it is seen, its first touches and score) come from a
  // randomised Halton sequence, so that every prefix of the draws covers them evenly; the
  // rest from the stream.
  std::array<double, 6> shift{};
  for (double& x : shift) x = rng.uniform();
  const auto halton = [&](int i, int dim) {
    static constexpr int kBases[] = {2, 3, 5, 7, 11, 13};
    const double u =
        radical_inverse(static_cast<std::uint64_t>(i) + 1, kBases[dim]) + shift[at(dim)];
    return std::clamp(u - std::floor(u), 1e-12, 1.0 - 1e-12);
  };
  for (int i = 0; i < samples; ++i) {
    const bool in_market = halton(i, 1) < source.in_market;
    const int state = !in_market ? kDormant : halton(i, 2) < researching ? kResearching : kBuying;
    // The channel's lean to fit (market.cpp picks with weight e^(tilt x fit)) as the
    // draw's weight rather than by rejection, which would undo the even coverage.
    const double fit =
        1.0 / (1.0 + std::exp(-(market_.centre + market_.spread * normal_quantile(halton(i, 0)))));
    const bool contact = rng.bernoulli(source.contact);
    const bool authority = rng.bernoulli(m.authority_share);
    const float fit_seen = observation::fit_seen(fit, sc.fit_noise * normal_quantile(halton(i, 3)));
    out.first.push_back(static_cast<std::uint32_t>(out.records.size()));
    out.cell.push_back(static_cast<std::uint8_t>(fit_bin(fit) * 3 + state));
    out.fit.push_back(static_cast<float>(fit));
    out.weight.push_back(static_cast<float>(std::exp(source.fit_tilt * (fit - 0.5))));
    LeadView v;
    v.id = v.account = static_cast<std::uint64_t>(i);
    v.channel = source.channel;
    v.channel_name = channel_name;
    v.fit = fit_seen;
    v.has_contact = contact;
    v.budget = observation::bant_signal(fit, rng.normal(0.0, sc.bant_noise));
    v.authority = observation::bant_signal(authority ? 1.0 : 0.0, rng.normal(0.0, sc.bant_noise));
    v.buying_group_engaged = 1;
    int engagement = 0, passes = 0, now = state;
    for (int k = 0; k < passes_ && i < simulated[at(k)]; ++k, ++passes) {
      int wait = 0;
      if (k > 0) {
        // Time in nurture before coming back: 1..longest periods, geometric.
        wait = 1;
        if (log_stay < 0 && longest > 1)
          wait = std::clamp(
              static_cast<int>(std::ceil(std::log1p(-rng.uniform() * returns) / log_stay)), 1,
              longest);
        v.age_periods += wait;
        const auto& row = powers_[at(wait)][at(now)];
        const double u = rng.uniform();
        now = u < row[0] ? kDormant : u < row[0] + row[1] ? kResearching : kBuying;
      }
      const auto state = static_cast<AccountState>(now);
      const double need = observation::need(m, state);
      const double quality = observation::quality(fit, need);
      const double touch =
          observation::touch_mean(k == 0 ? source.first_touch : source.return_touch, need);
      const std::int64_t touches =
          k == 0 ? poisson_quantile(touch, halton(i, 4)) : rng.poisson(touch);
      engagement = observation::engagement_after(engagement, touches);
      const double noise = sc.noise * (k == 0 ? normal_quantile(halton(i, 5)) : rng.normal());
      v.score = observation::score(sc, fit_seen, engagement, noise);
      v.engagement = engagement;
      v.need = observation::bant_signal(quality, rng.normal(0.0, sc.bant_noise));
      v.timing =
          observation::bant_signal(observation::timing(state), rng.normal(0.0, sc.bant_noise));
      v.times_recycled = k;
      v.sales_read = -1;
      PassRecord rec;
      rec.quality = static_cast<float>(quality);
      rec.wait = static_cast<std::uint16_t>(std::min(wait, 65535));
      rec.state = static_cast<std::uint8_t>(now);
      rec.flags =
          static_cast<std::uint8_t>((contact ? kContact : 0) | (authority ? kAuthority : 0));
      // A prospected lead starts as an SAL: the policy first sees it when it comes back.
      if (!(source.prospecting() && k == 0) && policy_.is_mql(v)) {
        rec.mql = 1;
        // Sales acceptance once reached, on what the rep reads of the need (right with
        // the scenario's accuracy): the policy is asked for both reads.
        for (int read = 0; read < 2; ++read) {
          v.sales_read = read;
          rec.accepts[read] = policy_.accepts(v) ? 1.0f : 0.0f;
        }
        v.sales_read = -1;
      }
      out.records.push_back(rec);
    }
    out.passes.push_back(static_cast<std::uint8_t>(passes));
  }
  return out;
}

// The chance of reaching a lead that has contact details, attempt by attempt, as hazards
// (P(reached at j | not before)). funnel_work.cpp: the chance is contact_rate x (floor +
// (1 - floor) x e^(-hours waited / decay_hours)); a lead arrives at a moment of its period
// (work_week.hpp: the arrival pattern). The service level puts leads due this period
// ahead of retries, oldest first, and a worker takes the first arrived lead in that order.
// So, on the working clock:
//   - leads that came in at night or at the weekend wait for the next working hour, and
//     there each waits for those that came in before it (a batch, worked in turn);
//   - a lead that comes in at work waits for what is left of such a batch, else for the
//     attempt under way: while the worker clears the period's retries (they fill the time
//     no due lead is there, so first thing in the period), or, later, as a lead in a
//     queue with one server and a fixed attempt length (M/D/1: busy with the share of
//     time the leads arriving at work take; a wait of step / (2 (1 - busy)) on average);
//   - attempt j (j >= 2) comes j - 1 periods later, after the batch and the retries.
// Batches and retries are worked off as a fluid; summed over arrival moments and waits.
void reach_hazards(const Scenario& s, int touches, const WorkerQueue& q, Rates& rates) {
  const WorkWeek week(s);
  const SpeedToLeadConfig& speed = s.funnel.speed_to_lead;
  const int T = week.period_hours(), W = week.working_hours();
  if (W == 0) return;
  const double at_work = W == T ? 1.0 : s.funnel.arrivals_in_working_hours;
  const double off_rate = T > W ? q.first_attempts * (1.0 - at_work) / (T - W) : 0.0;
  const double busy = std::min(0.95, q.first_attempts * at_work / W * q.step);
  const auto working_hour = [&](int h) {
    const double c = week.clock_at(h);
    return c < W && week.hour_at(c) == h;
  };
  // Per working slot: the batch of leads from the off hours just before it (clock hours
  // of attempts), and the fluid work left at its start: due leads, then retries.
  std::vector<double> batch(static_cast<std::size_t>(W), 0.0), due(batch), retry(batch);
  for (int h = 0; h < T; ++h)
    if (!working_hour(h)) {
      const double c = week.clock_at(h);  // the slot it waits for (W: the next period)
      batch[static_cast<std::size_t>(c < W ? static_cast<int>(c) : 0)] += off_rate * q.step;
    }
  double d = 0, r = q.backlog;
  for (int c = 0; c < W; ++c) {
    d += batch[static_cast<std::size_t>(c)];
    due[static_cast<std::size_t>(c)] = d;
    retry[static_cast<std::size_t>(c)] = r;
    const double on_due = std::min(d, 1.0);
    d -= on_due;
    r = std::max(0.0, r - (1.0 - on_due));
  }
  const double retry_hour = T + week.hour_at(std::min<double>(q.backlog + batch[0], W - 1e-9));
  constexpr int kGrid = 8;
  std::array<double, 20> first{};  // P(first reached at attempt j)
  const auto add = [&](double arrives, double reached, double weight) {
    const double first_hour = reached < W ? week.hour_at(reached) : retry_hour;
    double left = 1.0;
    for (int j = 0; j < touches; ++j) {
      const double waited =
          std::max(0.0, j == 0 ? first_hour - arrives
                               : retry_hour + (j - (reached < W ? 1 : 0)) * T - arrives);
      const double p = s.funnel.contact_rate *
                       (speed.floor + (1.0 - speed.floor) * std::exp(-waited / speed.decay_hours));
      first[at(j)] += weight * left * p;
      left *= 1.0 - p;
    }
  };
  for (int h = 0; h < T; ++h) {
    const bool working = working_hour(h);
    const double weight =
        (working ? at_work / W : (1.0 - at_work) / std::max(T - W, 1)) / (kGrid * kGrid);
    if (weight <= 0) continue;
    const double slot_clock = week.clock_at(h);
    const auto slot = static_cast<std::size_t>(slot_clock < W ? static_cast<int>(slot_clock) : 0);
    for (int i = 0; i < kGrid; ++i) {
      const double f = (i + 0.5) / kGrid;  // when within hour h it arrives
      for (int k = 0; k < kGrid; ++k) {
        const double u = (k + 0.5) / kGrid;  // how far into its wait
        if (!working) {
          // In its batch, behind the share u of it; next period's first slot if none is left.
          const double start = slot_clock < W ? slot_clock : T + 0.0;
          const double ahead = due[slot] - batch[slot] + u * batch[slot];
          add(h + f, slot_clock < W ? start + ahead : W + 0.0, weight);
          continue;
        }
        const double c = slot_clock + f;
        const double due_left = std::max(0.0, due[slot] - f);
        const double retries_left = std::max(0.0, retry[slot] - std::max(0.0, f - due[slot]));
        if (due_left > 0)
          add(h + f, c + due_left + u * q.step, weight);
        else if (retries_left > 0)
          add(h + f, c + u * q.step, weight);
        else {
          add(h + f, c + u * q.step / (1.0 - busy), weight * busy);
          add(h + f, c, weight * (1.0 - busy));
        }
      }
    }
  }
  double before = 0;
  for (int j = 0; j < touches; ++j) {
    const double left = 1.0 - before;
    rates.reach[at(j)] = left > 0 ? first[at(j)] / left : 0.0;
    before += first[at(j)];
  }
  rates.reach_first = first[0];
  rates.reach_any = before;
}

namespace {

// P(X >= k) for X ~ Binomial(n, p).
double binomial_at_least(int n, double p, int k) {
  if (k <= 0) return 1.0;
  if (k > n || p <= 0) return 0.0;
  if (p >= 1) return 1.0;
  double pmf = std::pow(1.0 - p, n), below = 0;
  for (int i = 0; i < k; ++i) {
    below += pmf;
    pmf *= static_cast<double>(n - i) / static_cast<double>(i + 1) * p / (1.0 - p);
  }
  return std::clamp(1.0 - below, 0.0, 1.0);
}

}  // namespace

// The buying group's decision (funnel_deals.cpp): 1 + Poisson(buying_group - 1) members
// (at most 60), each convinced with convince_rate (or the no-need rate) times the rep's
// skill (log-normal around 1, over the reps), capped at 1; a lead who can sign counts as
// convinced; at least consensus_share of the group must be.
void consensus(const Scenario& s, Rates& rates) {
  const double mean = std::max(0.0, s.market.buying_group - 1.0);
  std::vector<double> group(61, 0.0);  // P(group size g)
  double pmf = std::exp(-mean), total = 0;
  for (int extra = 0; extra < 59; ++extra) {
    group[at(1 + extra)] = pmf;
    total += pmf;
    pmf *= mean / (extra + 1.0);
  }
  group[60] = std::max(0.0, 1.0 - total);
  // Skill over the reps: a midpoint rule over the normal of its logarithm.
  constexpr int kNodes = 96;
  std::vector<double> skill, weight;
  if (s.sales.skill_spread <= 0) {
    skill = {1.0}, weight = {1.0};
  } else {
    double w = 0;
    for (int i = 0; i < kNodes; ++i) {
      const double z = -6.0 + 12.0 * (i + 0.5) / kNodes;
      skill.push_back(std::exp(s.sales.skill_spread * z));
      weight.push_back(std::exp(-0.5 * z * z));
      w += weight.back();
    }
    for (double& x : weight) x /= w;
  }
  for (int need = 0; need < 2; ++need)
    for (int signs = 0; signs < 2; ++signs) {
      const double base = need ? s.deals.convince_rate : s.deals.convince_rate_no_need;
      double p = 0;
      for (int g = 1; g <= 60; ++g) {
        if (group[at(g)] <= 0) continue;
        const int needed = static_cast<int>(std::ceil(s.deals.consensus_share * g - 1e-9));
        double q = 0;
        for (std::size_t i = 0; i < skill.size(); ++i) {
          const double c = std::min(1.0, base * skill[i]);
          q += weight[i] *
               (signs ? binomial_at_least(g - 1, c, needed - 1) : binomial_at_least(g, c, needed));
        }
        p += group[at(g)] * q;
      }
      rates.consensus[need][signs] = p;
    }
}

// The deal cycle in periods (funnel_deals.cpp): max(1, ceil(cycle days / days per
// period)), the cycle log-normal; as the hazard of a decision at each age of an open
// opportunity. The last age stands for all later ones (a constant hazard, same mean).
void cycle_hazards(const DealConfig& d, double days, Rates& rates) {
  constexpr int kMostAges = 260;
  const auto below = [&](int k) {  // P(periods <= k)
    if (k <= 0) return 0.0;
    if (d.cycle_spread <= 0) return k * days >= d.median_cycle_days ? 1.0 : 0.0;
    return normal_cdf((std::log(k * days) - std::log(d.median_cycle_days)) / d.cycle_spread);
  };
  rates.decide.clear();
  rates.cycle.clear();
  for (int k = 1;; ++k) {
    const double left = 1.0 - below(k - 1);
    if (1.0 - below(k) < 1e-12) {  // decided by now
      rates.decide.push_back(1.0);
      rates.cycle.push_back(left);
      break;
    }
    if (left < 1e-3 || k == kMostAges) {
      // The last 0.1% (at most): decided at the constant rate that keeps their mean.
      double tail = 0;  // expected further periods, given k - 1 passed
      for (int j = k; j < k + 100 * kMostAges && 1.0 - below(j) > 1e-15; ++j)
        tail += (1.0 - below(j)) / left;
      rates.decide.push_back(1.0 / (1.0 + tail));
      rates.cycle.push_back(left);
      break;
    }
    rates.decide.push_back((below(k) - below(k - 1)) / left);
    rates.cycle.push_back(below(k) - below(k - 1));
  }
}

}  // namespace tandem::funnel_chain_detail
