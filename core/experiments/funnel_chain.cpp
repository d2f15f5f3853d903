// The funnel as an absorbing Markov chain. docs/experiments.md ("The analytic estimate")
// explains each state and rate; the comments here say where each comes from in the engine.
//
// One lead's path, with one period per step:
//   a source (a channel's inquiry, or a lead a rep prospects)
//   -> the lead policy, at pass k (k = 0 when it arrives, k + 1 each time it comes back
//      from nurture): MQL or nurture
//   -> attempt j = 1..max_touches (one a period): reached, or waiting for the next one
//   -> accepted (SAL) -> qualified (SQL) -> opportunity, or back to nurture
//   -> opportunity, open a periods -> won / lost / no decision (absorbing)
//   nurture, a periods -> back to the policy at pass k + 1, or dropped (absorbing).
// The states a lead waits in (waiting for an attempt, nurture, an open opportunity) take a
// period; the others are passed through within the period.
//
// What the policy makes of a lead depends on its signals (score, fit, BANT, engagement,
// which grows at each pass), so the chance of each pass's verdict and of a real need is
// measured by drawing the engine's lead model (market, channels, scoring) tens of
// thousands of times with a fixed seed and asking the policy plugin itself. Everything
// after the verdict is derived from the scenario's rates.
#include "experiments/funnel_chain.hpp"

#include "experiments/funnel_chain_detail.hpp"

#include "engine/calendar.hpp"
#include "engine/work_week.hpp"
#include "model/scenario_words.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>
#include <tandem/money.hpp>
#include <tandem/random.hpp>

#include <Eigen/Sparse>
#include <Eigen/SparseLU>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>

namespace tandem {

// --- A general absorbing chain ----------------------------------------------------------

AbsorbingChain::AbsorbingChain(int transient, int absorbing)
    : transient_(transient),
      absorbing_(absorbing),
      duration_(static_cast<std::size_t>(std::max(transient, 0)), 1.0) {
  if (transient <= 0 || absorbing <= 0)
    throw Error("an absorbing chain needs transient and absorbing states");
}

void AbsorbingChain::move(int from, int to, double p) {
  if (from < 0 || from >= transient_ || to < 0 || to >= transient_)
    throw Error("chain move outside its transient states");
  if (p != 0.0) moves_.push_back({from, to, p});
}

void AbsorbingChain::absorb(int from, int into, double p) {
  if (from < 0 || from >= transient_ || into < 0 || into >= absorbing_)
    throw Error("chain absorption outside its states");
  if (p != 0.0) absorbs_.push_back({from, into, p});
}

void AbsorbingChain::set_duration(int state, double periods) {
  duration_.at(static_cast<std::size_t>(state)) = periods;
}

ChainSolution solve_chain(const AbsorbingChain& chain, const std::vector<double>& start) {
  using Sparse = Eigen::SparseMatrix<double>;
  const int n = chain.transient(), m = chain.absorbing();
  if (static_cast<int>(start.size()) != n) throw Error("chain start: one entry per state");
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(chain.moves().size() + static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) entries.emplace_back(i, i, 1.0);
  for (const auto& e : chain.moves()) entries.emplace_back(e.from, e.to, -e.p);
  Sparse a(n, n);  // I - Q
  a.setFromTriplets(entries.begin(), entries.end());
  a.makeCompressed();
  Eigen::SparseLU<Sparse> lu;
  lu.compute(a);
  if (lu.info() != Eigen::Success)
    throw Error("the chain has states it never leaves (I - Q is singular)");

  Eigen::MatrixXd r = Eigen::MatrixXd::Zero(n, m);  // R, dense: few absorbing states
  for (const auto& e : chain.absorbs()) r(e.from, e.to) += e.p;
  const Eigen::VectorXd s = Eigen::Map<const Eigen::VectorXd>(start.data(), n);
  const Eigen::VectorXd d = Eigen::Map<const Eigen::VectorXd>(chain.durations().data(), n);
  const Eigen::VectorXd visits = lu.transpose().solve(s);  // (I - Q)' v = s: v' = s' N
  const Eigen::MatrixXd b = lu.solve(r);                   // B = N R
  if (!visits.allFinite() || !b.allFinite())
    throw Error("the chain has states it never leaves (I - Q is singular)");

  ChainSolution out;
  out.visits.assign(visits.data(), visits.data() + n);
  const Eigen::VectorXd absorbed = r.transpose() * visits;
  out.absorption.assign(absorbed.data(), absorbed.data() + m);
  out.time = visits.dot(d);
  for (int k = 0; k < m; ++k) {
    const double p = out.absorption[static_cast<std::size_t>(k)];
    const double t = visits.dot(d.cwiseProduct(b.col(k)));
    out.time_given.push_back(p > 0 ? t / p : std::numeric_limits<double>::quiet_NaN());
  }
  return out;
}

// --- The funnel -------------------------------------------------------------------------

namespace funnel_chain_detail {

Estimator::Estimator(const Scenario& s, const RunPlugins& plugins, const EstimateOptions& options)
    : s_(s),
      plugins_(plugins),
      options_(options),
      model_(s, *plugins.lead_policy, passes()),
      left_(at(kFitBins * 3), 1.0) {
  const ServiceLevel level = model_.policy().service_level();
  rates_.days = days_per_period(s.horizon.period);
  rates_.touches = std::clamp(level.max_touches, 1, 20);
  constexpr int kMostNurtureAges = 156;
  rates_.nurture_ages = std::clamp(s.funnel.nurture_periods, 1, kMostNurtureAges);
  rates_.nurture_return = s.funnel.nurture_return_rate;
  if (s.funnel.nurture_periods > kMostNurtureAges)
    rates_.drop_tail = 1.0 / (s.funnel.nurture_periods - kMostNurtureAges + 1.0);
  rates_.qualify[0] = s.funnel.qualify_false_positive;
  rates_.qualify[1] = s.funnel.qualify_sensitivity;
  rates_.to_opportunity = s.funnel.sql_to_opportunity;
  rates_.win_vs_competitor = s.deals.win_rate_vs_competitor;
  cycle_hazards(s.deals, rates_.days, rates_);
  consensus(s, rates_);
  // Deal size (funnel_deals.cpp): median x (0.5 + fit) x a log-normal factor of median
  // 1 (mean e^(spread^2 / 2)), x the segment's and the product's deal_size (their means).
  double segment = 1, product = 1;
  const auto mean_size = [](const auto& list, double& out) {
    double w = 0, x = 0;
    for (const auto& e : list) w += e.weight, x += e.weight * e.deal_size;
    if (w > 0) out = x / w;
  };
  mean_size(s.segments, segment);
  mean_size(s.products, product);
  rates_.size_factor = s.deals.median_size.units() *
                       std::exp(0.5 * s.deals.size_spread * s.deals.size_spread) * segment *
                       product;
  // Sources: every channel, then prospecting.
  double inquiries = 0;
  for (std::size_t c = 0; c < s.channels.size(); ++c) {
    const ChannelConfig& ch = s.channels[c];
    Source src;
    src.channel = static_cast<int>(c);
    // funnel_leads.cpp: Poisson(demand x budget / cost per lead) a period.
    src.rate = s.market.demand * ch.budget_per_period.units() / ch.cost_per_lead.units();
    src.in_market = ch.in_market_share;
    src.fit_tilt = ch.fit_tilt;
    src.first_touch = src.return_touch = ch.engagement;
    src.contact = ch.contact_share;
    sources_.push_back(src);
    inquiries += src.rate;
  }
  Source prospect;
  prospect.in_market = s.sales.prospect_in_market_share;
  prospect.fit_tilt = s.sales.prospect_fit_tilt;
  prospect.first_touch = 0.0;   // new_lead(..., engagement 0)
  prospect.return_touch = 1.0;  // nurture_step: engagement 1 for rep-sourced leads
  prospect.contact = 1.0;
  sources_.push_back(prospect);
  // The draws: channels share the budget by their inquiries (at least a few thousand
  // each), prospecting gets a quarter of it. Later passes are reached by fewer leads (a
  // lead comes back from nurture at most once per stay), so fewer are followed to them.
  const int budget = std::max(1000, options.lead_samples);
  const double back =
      1.0 - std::pow(1.0 - s.funnel.nurture_return_rate, std::max(1, s.funnel.nurture_periods - 1));
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    const double share = sources_[i].prospecting() ? 0.25
                         : inquiries > 0           ? sources_[i].rate / inquiries
                                                   : 0.0;
    const int samples = std::max(budget / 20, static_cast<int>(budget * share));
    std::vector<int> simulated;
    for (int k = 0; k < passes(); ++k)
      simulated.push_back(static_cast<int>(
          samples * std::clamp(1.5 * std::pow(back, k), k == 0 ? 1.0 : 0.15, 1.0)));
    draws_.push_back(model_.draw(sources_[i], static_cast<int>(i), samples, simulated));
  }
}

// A worker's lead work on the working clock (funnel_work.cpp), from the chain's own
// expected load (none on the first round), spread evenly over the workers.
void Estimator::clocks(const Flows* flows) {
  double retries = 0, fresh = 0;
  if (flows) {
    const double n = static_cast<double>(flows->open.size());
    retries = sum(flows->retries) / n / workers();
    fresh = sum(flows->first_attempts) / n / workers();
  }
  const double hours = std::max(worker_hours(), 1e-9);
  const double pace = WorkWeek(s_).working_hours() / hours;  // clock hours per selling hour
  queue_.step = s_.funnel.hours_per_attempt * pace;
  queue_.first_attempts = fresh;
  queue_.backlog = retries * queue_.step;
  reach_hazards(s_, rates_.touches, queue_, rates_);
}

// Each source's pass-by-pass rates from its drawn leads. A lead's weight is how often a
// lead like it gets to a pass: at first, how much of its kind the market has left
// (depletion); a lead that becomes an MQL comes back to nurture only if it does not
// become an opportunity, which depends on the reach and qualification rates; and while
// it waits in nurture, its account may be won by another lead (it then goes dormant),
// which the draws (made without depletion) are reweighted for.
void Estimator::weigh() {
  const int P = passes();
  source_rates_.assign(sources_.size(), {});
  const double reach_any = rates_.reach_any, s2o = rates_.to_opportunity;
  const double accuracy = s_.funnel.sales_read_accuracy;
  const std::vector<Matrix3>& plain = model_.powers();
  for (std::size_t g = 0; g < sources_.size(); ++g) {
    const SourceDraws& d = draws_[g];
    SourceRates& out = source_rates_[g];
    out.passes.assign(at(P), {});
    // A drawn account's weight: the channel's lean to fit, times what is left of its fit
    // bin and state (depletion), over the mean of that within its group (in the market or
    // not), so the group's share of the source's leads stays the channel's.
    double group_w[2] = {}, group_n[2] = {};
    for (int i = 0; i < d.samples; ++i) {
      const int grp = d.cell[at(i)] % 3 == kDormant ? 0 : 1;
      group_w[grp] += d.weight[at(i)] * left_[d.cell[at(i)]];
      group_n[grp] += 1;
    }
    std::vector<double> mass(at(P), 0.0);
    std::vector<std::array<double, 8>> entry(at(P));
    std::vector<std::array<double, 4>> alpha(at(P)), alpha_w(at(P));
    double ow[2][2] = {}, ofit[2][2] = {}, oauth[2][2] = {};
    for (int i = 0; i < d.samples; ++i) {
      const int grp = d.cell[at(i)] % 3 == kDormant ? 0 : 1;
      double w = group_w[grp] > 0
                     ? d.weight[at(i)] * left_[d.cell[at(i)]] * group_n[grp] / group_w[grp]
                     : 1.0;
      const int bin = d.cell[at(i)] / 3;
      const double fit = d.fit[at(i)];
      int before = d.cell[at(i)] % 3;
      for (int k = 0; k < d.passes[at(i)]; ++k) {
        const PassRecord& rec = d.records[d.first[at(i)] + at(k)];
        const auto kk = at(k);
        if (k > 0 && rec.wait < won_powers_[at(bin)].size()) {
          const double p0 = plain[rec.wait][at(before)][rec.state];
          if (p0 > 0) w *= won_powers_[at(bin)][rec.wait][at(before)][rec.state] / p0;
        }
        before = rec.state;
        const int c = rec.flags & kContact ? 1 : 0, r = k > 0 ? 1 : 0;
        const double signs = (rec.flags & kAuthority) ? 1.0 : 0.0;
        // Opportunities at pass k stand for the share of leads followed that far.
        const double scale = static_cast<double>(d.samples) / d.simulated[kk];
        const bool straight = sources_[g].prospecting() && k == 0;  // prospected: an SAL
        mass[kk] += w;
        double stay = 0;  // weight back in nurture after this pass
        for (int n = 0; n < 2; ++n) {
          const double wn = w * (n ? rec.quality : 1.0 - rec.quality);
          const double wm = straight ? wn : wn * rec.mql;  // as an MQL (or an SAL)
          entry[kk][(n ? kNeed : 0) | (c ? kContact : 0)] += wn - wm;
          entry[kk][kMql | (n ? kNeed : 0) | (c ? kContact : 0)] += wm;
          double p_opp = 0;
          if (straight) {
            p_opp = rates_.qualify[n] * s2o;
          } else if (wm > 0) {
            const double read = n ? accuracy : 1.0 - accuracy;  // P(the rep reads a need)
            const double accepted = read * rec.accepts[1] + (1.0 - read) * rec.accepts[0];
            alpha[kk][at(n * 2 + c)] += wm * accepted;
            alpha_w[kk][at(n * 2 + c)] += wm;
            p_opp = (c ? reach_any : 0.0) * accepted * rates_.qualify[n] * s2o;
          }
          const double opp = scale * wm * p_opp;
          ow[n][r] += opp;
          ofit[n][r] += opp * fit;
          oauth[n][r] += opp * signs;
          out.won[at(bin)][rec.state] += opp * rates_.win(n, signs) / d.samples;
          stay += wn - wm * p_opp;
        }
        w = stay;
      }
    }
    for (int k = 0; k < P; ++k) {
      const auto kk = at(k);
      PassRates& pr = out.passes[kk];
      for (std::size_t f = 0; f < 8; ++f) pr.entry[f] = mass[kk] > 0 ? entry[kk][f] / mass[kk] : 0;
      for (int n = 0; n < 2; ++n)
        for (int c = 0; c < 2; ++c) {
          const auto x = at(n * 2 + c);
          pr.alpha[n][c] = alpha_w[kk][x] > 0 ? alpha[kk][x] / alpha_w[kk][x] : 1.0;
        }
    }
    // Opportunities: mean fit and the share whose lead can sign; a cell never reached
    // borrows from the others.
    double all_w = 0, all_fit = 0, all_auth = 0;
    for (int n = 0; n < 2; ++n)
      for (int r = 0; r < 2; ++r) all_w += ow[n][r], all_fit += ofit[n][r], all_auth += oauth[n][r];
    for (int n = 0; n < 2; ++n)
      for (int r = 0; r < 2; ++r) {
        const bool own = ow[n][r] > 1e-9 * std::max(all_w, 1e-300);
        const double w = own ? ow[n][r] : all_w;
        out.fit[n][r] = w > 0 ? (own ? ofit[n][r] : all_fit) / w : s_.market.fit_mean;
        out.authority[n][r] =
            w > 0 ? (own ? oauth[n][r] : all_auth) / w : s_.market.authority_share;
      }
  }
}

// Market depletion (funnel_deals.cpp: a won deal's account goes dormant). The accounts of
// each fit bin move between dormant, researching and buying as market.cpp moves them,
// and each period the deals the chain expects to be won take their accounts out of the
// market: by fit bin and by the state the account is in when the deal is decided (its
// state when the lead last passed the policy, moved on by the deal cycle). What is left,
// averaged over the horizon, weighs the accounts drawn on the next round; the rate at
// which accounts are won, the accounts' moves while a lead waits in nurture.
void Estimator::deplete(const Flows& flows) {
  const MarketModel& mk = model_.market();
  const int H = s_.horizon.periods;
  // Where won deals come from, per period: by fit bin and state at the decision.
  const std::vector<Matrix3> powers = mk.powers(static_cast<int>(rates_.cycle.size()) + 2);
  std::vector<double> share(at(kFitBins * 3), 0.0);
  double total = 0;
  for (std::size_t g = 0; g < sources_.size(); ++g) {
    const double rate = sources_[g].prospecting() ? prospect_rate_ : sources_[g].rate;
    for (int b = 0; b < kFitBins; ++b)
      for (int s0 = 0; s0 < 3; ++s0) {
        const double w = rate * source_rates_[g].won[at(b)][at(s0)];
        total += w;
        if (w <= 0) continue;
        for (std::size_t m = 0; m < rates_.cycle.size(); ++m)
          for (int s1 = 1; s1 < 3; ++s1)  // a dormant account has nothing to leave
            share[at(b * 3 + s1)] += w * rates_.cycle[m] * powers[m + 1][at(s0)][at(s1)];
      }
  }
  if (total <= 0) return;
  for (double& x : share) x /= total;
  // The market, period by period: a step of account life, then the period's wins.
  const double accounts = s_.market.accounts;
  std::vector<std::array<double, 3>> n(at(kFitBins)), sum_n(at(kFitBins)), sum_won(at(kFitBins));
  for (int b = 0; b < kFitBins; ++b)
    for (int s0 = 0; s0 < 3; ++s0)
      n[at(b)][at(s0)] = accounts * mk.bin_mass[at(b)] * mk.steady[at(s0)];
  for (int t = 0; t < H; ++t)
    for (int b = 0; b < kFitBins; ++b) {
      std::array<double, 3> next{};
      for (int s0 = 0; s0 < 3; ++s0)
        for (int s1 = 0; s1 < 3; ++s1) next[at(s1)] += n[at(b)][at(s0)] * mk.step[at(s0)][at(s1)];
      n[at(b)] = next;
      for (int s0 = 0; s0 < 3; ++s0) sum_n[at(b)][at(s0)] += next[at(s0)];
      for (int s1 = 1; s1 < 3; ++s1) {
        const double won = std::min(n[at(b)][at(s1)], flows.won[at(t)] * share[at(b * 3 + s1)]);
        n[at(b)][at(s1)] -= won;
        n[at(b)][kDormant] += won;
        sum_won[at(b)][at(s1)] += won;
      }
    }
  const std::size_t waits = model_.powers().size();
  won_powers_.assign(at(kFitBins), {});
  for (int b = 0; b < kFitBins; ++b) {
    for (int s0 = 0; s0 < 3; ++s0) {
      const double steady = accounts * mk.bin_mass[at(b)] * mk.steady[at(s0)] * H;
      left_[at(b * 3 + s0)] = steady > 0 ? sum_n[at(b)][at(s0)] / steady : 1.0;
    }
    // One period of an account's life with the chance of being won on top.
    Matrix3 step = mk.step;
    for (int s1 = 1; s1 < 3; ++s1) {
      const double won = sum_n[at(b)][at(s1)] > 0
                             ? std::min(1.0, sum_won[at(b)][at(s1)] / sum_n[at(b)][at(s1)])
                             : 0.0;
      for (int s2 = 0; s2 < 3; ++s2) step[at(s1)][at(s2)] *= 1.0 - won;
      step[at(s1)][kDormant] += won;
    }
    won_powers_[at(b)] =
        MarketModel::powers(step, static_cast<int>(std::min<std::size_t>(waits, 521)) - 1);
  }
}

void Estimator::build() {
  const int P = passes(), J = rates_.touches, A = rates_.nurture_ages,
            M = static_cast<int>(rates_.decide.size());
  layouts_.clear();
  int base = 0;
  for (std::size_t g = 0; g < sources_.size(); ++g) {
    layouts_.emplace_back(base, P, J, A, M);
    base += layouts_.back().size;
  }
  AbsorbingChain chain(base, kAbsorbing);
  won_value_.assign(at(base), 0.0);
  won_chance_.assign(at(base), 0.0);
  timed_.assign(at(base), 1);
  const double r = rates_.nurture_return, s2o = rates_.to_opportunity;
  for (std::size_t g = 0; g < sources_.size(); ++g) {
    const Layout& L = layouts_[g];
    const SourceRates& sr = source_rates_[g];
    for (int st = L.base; st < L.base + L.size; ++st) {
      timed_[at(st)] = L.instant(st) ? 0 : 1;
      chain.set_duration(st, L.instant(st) ? 0.0 : 1.0);
    }
    for (int k = 0; k < P; ++k) {
      const int back = L.nurture(k, 0);  // back to nurture after this pass
      const int rk = k > 0 ? 1 : 0;
      for (int n = 0; n < 2; ++n) {
        for (int c = 0; c < 2; ++c)
          for (int j = 1; j <= J; ++j) {
            const int st = L.attempt(k, j, n, c);
            const double h = c ? rates_.reach[at(j - 1)] : 0.0;
            const double alpha = sr.passes[at(k)].alpha[n][c];
            chain.move(st, L.sal(k, n), h * alpha);
            chain.move(st, back, h * (1.0 - alpha));  // sales does not accept it
            if (j < J) {
              chain.move(st, L.waiting(k, j, n, c), 1.0 - h);
              chain.move(L.waiting(k, j, n, c), L.attempt(k, j + 1, n, c), 1.0);
            } else {
              chain.move(st, back, 1.0 - h);  // max_touches attempts failed
            }
          }
        chain.move(L.sal(k, n), L.sql(k, n), rates_.qualify[n]);
        chain.move(L.sal(k, n), back, 1.0 - rates_.qualify[n]);
        chain.move(L.sql(k, n), L.opp(n, rk, 0), s2o);
        chain.move(L.sql(k, n), back, 1.0 - s2o);
      }
      // Nurture: each period back to the policy at the next pass (the last pass stands
      // for all later ones), or a period older; after the last age, dropped.
      const int kn = std::min(k + 1, P - 1);
      const PassRates& next = sr.passes[at(kn)];
      for (int a = 0; a < A; ++a) {
        const int st = L.nurture(k, a);
        const bool last = a == A - 1;
        if (last && rates_.drop_tail <= 0) {
          chain.absorb(st, kDropped, 1.0);
          continue;
        }
        for (int f = 0; f < 8; ++f) chain.move(st, L.entry(kn, f), r * next.entry[at(f)]);
        if (last) {
          chain.move(st, st, (1.0 - r) * (1.0 - rates_.drop_tail));
          chain.absorb(st, kDropped, (1.0 - r) * rates_.drop_tail);
        } else {
          chain.move(st, L.nurture(k, a + 1), 1.0 - r);
        }
      }
    }
    // Open opportunities: decided at each age with the cycle's hazard.
    for (int n = 0; n < 2; ++n)
      for (int rr = 0; rr < 2; ++rr) {
        const double signs = sr.authority[n][rr];
        const double buy = rates_.win(n, signs) / rates_.win_vs_competitor;
        const double wr = rates_.win_vs_competitor;
        const double size = rates_.size_factor * (0.5 + sr.fit[n][rr]);
        for (int a = 0; a < M; ++a) {
          const int st = L.opp(n, rr, a);
          const double h = rates_.decide[at(a)];
          chain.absorb(st, kWon, h * buy * wr);
          chain.absorb(st, kLost, h * buy * (1.0 - wr));
          chain.absorb(st, kNoDecision, h * (1.0 - buy));
          chain.move(st, a + 1 < M ? L.opp(n, rr, a + 1) : st, 1.0 - h);
          won_value_[at(st)] = size;
          won_chance_[at(st)] = h * buy * wr;
        }
      }
  }
  for (const auto& e : chain.moves())
    if (!timed_[at(e.from)] && !timed_[at(e.to)] && e.to <= e.from)
      throw Error("funnel chain: instant states out of order");
  // Compressed rows, for stepping periods.
  const auto compress = [base](const std::vector<AbsorbingChain::Entry>& es, std::vector<int>& row,
                               std::vector<int>& to, std::vector<double>& p) {
    row.assign(at(base) + 1, 0);
    for (const auto& e : es) ++row[at(e.from) + 1];
    for (std::size_t i = 1; i < row.size(); ++i) row[i] += row[i - 1];
    to.assign(es.size(), 0);
    p.assign(es.size(), 0.0);
    std::vector<int> fill(row.begin(), row.end() - 1);
    for (const auto& e : es) {
      const auto k = at(fill[at(e.from)]++);
      to[k] = e.to;
      p[k] = e.p;
    }
  };
  compress(chain.moves(), row_, to_, p_);
  compress(chain.absorbs(), arow_, ato_, ap_);
  chain_ = std::move(chain);
}

// Carries a source's leads that arrived in (or reached) the instant states this period
// through them, in index order, to where they wait; counts each stage's events.
void Estimator::sweep(std::vector<double>& y, std::size_t g, PeriodFlows* pf,
                      double* mqls_need) const {
  const Layout& L = layouts_[g];
  for (int st = L.attempt0; st < L.wait0; ++st) {
    const double m = y[at(st)];
    if (m == 0) continue;
    if (pf) {
      if (st < L.sal0) {
        if (L.first_attempt(st)) {
          pf->mqls += m;
          if (L.needs(st)) *mqls_need += m;
        }
      } else if (st < L.sql0) {
        pf->sals += m;
      } else {
        pf->sqls += m;
      }
    }
    for (int e = row_[at(st)]; e < row_[at(st) + 1]; ++e) y[at(to_[at(e)])] += m * p_[at(e)];
    y[at(st)] = 0;
  }
  if (pf)
    for (int n = 0; n < 2; ++n)
      for (int r = 0; r < 2; ++r) {
        const double m = y[at(L.opp(n, r, 0))];
        pf->opportunities[r] += m;
        pf->pipeline[r] += m * won_value_[at(L.opp(n, r, 0))];
      }
}

// The horizon, period by period, in expectation: the leads waiting at the end of the
// last period take a step; every channel brings its inquiries; reps' hours left after
// open opportunities and attempts source prospected leads (prospecting_hours_per_lead
// each), who start as SALs; everything passed through within the period is carried to
// where it waits.
Flows Estimator::forward() {
  const int n = chain_.transient(), H = s_.horizon.periods;
  const std::size_t G = sources_.size();
  Flows f;
  f.sources.assign(G, std::vector<PeriodFlows>(at(H)));
  f.prospected.assign(at(H), 0.0);
  for (auto* v : {&f.attempts, &f.first_attempts, &f.retries, &f.open, &f.won})
    v->assign(at(H), 0.0);
  std::vector<double> x(at(n), 0.0), y(x.size(), 0.0);
  const double hpo = s_.funnel.hours_per_opportunity, hpa = s_.funnel.hours_per_attempt;
  for (int t = 0; t < H; ++t) {
    const auto tt = at(t);
    std::fill(y.begin(), y.end(), 0.0);
    for (std::size_t g = 0; g < G; ++g) {
      const Layout& L = layouts_[g];
      PeriodFlows& pf = f.sources[g][tt];
      for (int st = L.base; st < L.base + L.size; ++st) {
        const double m = x[at(st)];
        if (m == 0) continue;
        if (st >= L.opp0) f.open[tt] += m;
        if (st >= L.wait0 && st < L.nurture0) f.retries[tt] += m;
        for (int e = row_[at(st)]; e < row_[at(st) + 1]; ++e) y[at(to_[at(e)])] += m * p_[at(e)];
        for (int e = arow_[at(st)]; e < arow_[at(st) + 1]; ++e) {
          const double flow = m * ap_[at(e)];
          switch (ato_[at(e)]) {
            case kWon: {
              const int r = (st - L.opp0) / L.opp_ages % 2;
              pf.won[r] += flow;
              pf.revenue[r] += flow * won_value_[at(st)];
              f.won[tt] += flow;
              break;
            }
            case kLost:
              f.lost += flow;
              break;
            case kNoDecision:
              f.no_decision += flow;
              break;
            default:
              f.dropped += flow;
          }
        }
      }
    }
    for (std::size_t g = 0; g + 1 < G; ++g) {  // new inquiries, at pass 0
      const Layout& L = layouts_[g];
      f.sources[g][tt].inquiries = sources_[g].rate;
      for (int fl = 0; fl < 8; ++fl)
        y[at(L.entry(0, fl))] += sources_[g].rate * source_rates_[g].passes[0].entry[at(fl)];
    }
    // Every lead in a queue is attempted this period: capacity is not binding.
    for (std::size_t g = 0; g < G; ++g) {
      const Layout& L = layouts_[g];
      for (int st = L.attempt0; st < L.sal0; ++st) {
        f.attempts[tt] += y[at(st)];
        if (L.first_attempt(st)) f.first_attempts[tt] += y[at(st)];
      }
    }
    if (s_.behaviour.prospecting && s_.sales.prospecting_hours_per_lead > 0) {
      double spare = s_.sales.people * s_.sales.hours_per_period - hpo * f.open[tt];
      if (s_.sdrs.people == 0) spare -= hpa * f.attempts[tt];
      const double leads = std::max(0.0, spare) / s_.sales.prospecting_hours_per_lead;
      f.prospected[tt] = leads;
      const Layout& L = layouts_[prospecting()];
      for (int fl = 0; fl < 8; ++fl)
        y[at(L.sal(0, (fl & kNeed) ? 1 : 0))] +=
            leads * source_rates_[prospecting()].passes[0].entry[at(fl)];
    }
    for (std::size_t g = 0; g < G; ++g) sweep(y, g, &f.sources[g][tt], &f.mqls_need);
    std::swap(x, y);
  }
  return f;
}

// One unit of a source's leads arriving in period 0, followed through the horizon: the
// chance its deal is won k periods later.
std::vector<double> Estimator::cohort_won(std::size_t g) const {
  const int H = s_.horizon.periods;
  const Layout& L = layouts_[g];
  std::vector<double> x(at(chain_.transient()), 0.0), y(x.size(), 0.0), won(at(H), 0.0);
  for (int fl = 0; fl < 8; ++fl) {
    const double e = source_rates_[g].passes[0].entry[at(fl)];
    y[at(sources_[g].prospecting() ? L.sal(0, (fl & kNeed) ? 1 : 0) : L.entry(0, fl))] += e;
  }
  for (int t = 0; t < H; ++t) {
    if (t > 0) {
      std::fill(y.begin() + L.base, y.begin() + L.base + L.size, 0.0);
      for (int st = L.base; st < L.base + L.size; ++st) {
        const double m = x[at(st)];
        if (m == 0) continue;
        won[at(t)] += m * won_chance_[at(st)];
        for (int e = row_[at(st)]; e < row_[at(st) + 1]; ++e) y[at(to_[at(e)])] += m * p_[at(e)];
      }
    }
    sweep(y, g, nullptr, nullptr);
    std::swap(x, y);
  }
  return won;
}

FunnelEstimate Estimator::run() {
  // The contact chances depend on how busy reps are, and the leads on how much of the
  // market wins have used up; both depend on the chain: a few rounds of
  // (rates -> expected flows -> rates) until they settle.
  Flows flows;
  clocks(nullptr);
  for (int round = 0; round < 5; ++round) {
    weigh();
    build();
    flows = forward();
    prospect_rate_ = sum(flows.prospected) / s_.horizon.periods;
    const std::vector<double> before = left_;
    const double backlog_before = queue_.backlog;
    clocks(&flows);
    deplete(flows);
    double change = std::fabs(queue_.backlog - backlog_before) / WorkWeek(s_).working_hours();
    for (std::size_t i = 0; i < left_.size(); ++i)
      change = std::max(change, std::fabs(left_[i] - before[i]));
    if (change < 5e-4) break;
  }
  weigh();
  build();
  flows = forward();

  FunnelEstimate e;
  const int H = s_.horizon.periods;
  const std::size_t G = sources_.size();
  StageCounts& h = e.horizon;
  for (std::size_t g = 0; g < G; ++g)
    for (const PeriodFlows& pf : flows.sources[g]) {
      h.inquiries += pf.inquiries;
      h.mqls += pf.mqls;
      h.sals += pf.sals;
      h.sqls += pf.sqls;
      h.opportunities += pf.opportunities[0] + pf.opportunities[1];
      h.won += pf.won[0] + pf.won[1];
      h.revenue += pf.revenue[0] + pf.revenue[1];
    }
  h.prospected = sum(flows.prospected);
  h.lost = flows.lost;
  h.no_decision = flows.no_decision;
  h.dropped = flows.dropped;
  for (const auto& ch : s_.channels) e.marketing_spend += ch.budget_per_period.units() * H;

  // One inquiry followed to the end: the absorbing chain, solved with Eigen.
  std::vector<double> start(at(chain_.transient()), 0.0);
  double rate = 0;
  for (std::size_t g = 0; g + 1 < G; ++g) rate += sources_[g].rate;
  for (std::size_t g = 0; g + 1 < G && rate > 0; ++g)
    for (int fl = 0; fl < 8; ++fl) {
      const double share = sources_[g].rate / rate * source_rates_[g].passes[0].entry[at(fl)];
      start[at(layouts_[g].entry(0, fl))] += share;
      if (fl & kMql) e.mql_share_first_pass += share;
    }
  StageCounts& one = e.per_inquiry;
  if (rate > 0) {
    const ChainSolution sol = solve_chain(chain_, start);
    one.inquiries = 1;
    for (std::size_t g = 0; g + 1 < G; ++g) {
      const Layout& L = layouts_[g];
      for (int st = L.attempt0; st < L.sal0; ++st)
        if (L.first_attempt(st)) one.mqls += sol.visits[at(st)];
      for (int st = L.sal0; st < L.sql0; ++st) one.sals += sol.visits[at(st)];
      for (int st = L.sql0; st < L.wait0; ++st) one.sqls += sol.visits[at(st)];
      for (int nr = 0; nr < 4; ++nr) one.opportunities += sol.visits[at(L.opp(nr / 2, nr % 2, 0))];
      for (int st = L.opp0; st < L.base + L.size; ++st)
        one.revenue += sol.visits[at(st)] * won_chance_[at(st)] * won_value_[at(st)];
    }
    one.won = sol.absorption[kWon];
    one.lost = sol.absorption[kLost];
    one.no_decision = sol.absorption[kNoDecision];
    one.dropped = sol.absorption[kDropped];
    e.periods_in_funnel = sol.time;
    e.days_to_close_mean =
        std::isnan(sol.time_given[kWon]) ? 0.0 : sol.time_given[kWon] * rates_.days;
  }

  // The median wait from first inquiry to a won deal, over the deals won within the
  // horizon, as `tandem run` counts waits (in whole periods), interpolated within one.
  {
    std::vector<double> by_lag(at(H), 0.0);
    for (std::size_t g = 0; g < G; ++g) {
      const std::vector<double> won = cohort_won(g);
      double early = 0;  // leads of this source arriving in periods 0..H-1-k
      for (int t = 0; t < H; ++t)
        early += sources_[g].prospecting() ? flows.prospected[at(t)] : sources_[g].rate;
      for (int k = 0; k < H; ++k) {
        if (k > 0)
          early -= sources_[g].prospecting() ? flows.prospected[at(H - k)] : sources_[g].rate;
        by_lag[at(k)] += early * won[at(k)];
      }
    }
    const double total = sum(by_lag);
    double seen = 0;
    for (int k = 0; k < H && total > 0; ++k) {
      if (seen + by_lag[at(k)] >= total / 2) {
        // Where in period k the half is reached. A run's median is a whole period's
        // (k + 0.5); over replications it averages to about this.
        const double within = by_lag[at(k)] > 0 ? (total / 2 - seen) / by_lag[at(k)] : 0.5;
        e.days_to_close_median = (k + within) * rates_.days;
        break;
      }
      seen += by_lag[at(k)];
    }
  }

  // The rates, for the record.
  e.reach_first_attempt = rates_.reach_first;
  e.reach_any_attempt = rates_.reach_any;
  e.mql_need_share = h.mqls > 0 ? flows.mqls_need / h.mqls : 0;
  e.win_given_need = rates_.win(1, s_.market.authority_share);
  e.win_given_no_need = rates_.win(0, s_.market.authority_share);
  e.mean_deal_size = h.won > 0 ? h.revenue / h.won : 0;
  for (std::size_t m = 0; m < rates_.cycle.size(); ++m) {
    const bool last = m + 1 == rates_.cycle.size();
    // The last age's constant hazard: its mean wait is 1 / hazard periods.
    e.mean_cycle_periods +=
        rates_.cycle[m] * (last ? static_cast<double>(m) + 1.0 / rates_.decide[m] : m + 1.0);
  }
  {
    const MarketModel& mk = model_.market();
    double in_market = 0, left = 0;
    for (int b = 0; b < kFitBins; ++b)
      for (int s0 = 1; s0 < 3; ++s0) {
        in_market += mk.bin_mass[at(b)] * mk.steady[at(s0)];
        left += mk.bin_mass[at(b)] * mk.steady[at(s0)] * left_[at(b * 3 + s0)];
      }
    e.market_left = in_market > 0 ? left / in_market : 1.0;
  }

  // Capacity: the busiest period's hours, against the hours there are.
  {
    CapacityCheck& c = e.capacity;
    const double hpo = s_.funnel.hours_per_opportunity, hpa = s_.funnel.hours_per_attempt;
    const double rep_hours = s_.sales.people * s_.sales.hours_per_period;
    const double sdr_hours = s_.sdrs.people * s_.sdrs.hours_per_period;
    c.hours_available = rep_hours + sdr_hours;
    for (int t = 0; t < H; ++t) {
      const double leads = hpa * flows.attempts[at(t)], opps = hpo * flows.open[at(t)];
      const double use = s_.sdrs.people > 0 ? std::max(rep_hours > 0 ? opps / rep_hours : 0.0,
                                                       sdr_hours > 0 ? leads / sdr_hours : 0.0)
                                            : (rep_hours > 0 ? (leads + opps) / rep_hours : 0.0);
      if (use >= c.utilisation) {
        c.utilisation = use;
        c.hours_on_leads = leads;
        c.hours_on_opportunities = opps;
      }
    }
    c.near = c.utilisation > 0.85;
    c.binding = c.utilisation > 1.0;
  }

  e.pay = pay(flows);
  e.states = chain_.transient();

  // What this scenario uses that the chain leaves out.
  if (s_.behaviour.mode != BehaviourMode::fixed)
    e.notes.push_back("behaviour.mode is '" + to_text(s_.behaviour.mode) +
                      "': the estimate holds behaviour fixed (no deal timing, effort, "
                      "targeting or choice of leads)");
  if (model_.policy().works_accounts())
    e.notes.push_back(
        "the lead policy works accounts, not leads: merging an account's leads and its "
        "buying group's engagement are not modelled (each lead is taken on its own, with one "
        "person of its group engaged)");
  if (s_.deals.churn_rate > 0)
    e.notes.push_back(
        "cancellations (deals.churn_rate) are not modelled: revenue is as won, clawbacks "
        "are not priced");
  if (e.capacity.binding)
    e.notes.push_back(
        "capacity binds: leads and opportunities need more hours than there are, so leads "
        "wait (and lose contact chance) longer than the chain assumes, and some are never "
        "worked: the estimate is optimistic");
  else if (e.capacity.near)
    e.notes.push_back(
        "capacity is near its limit: in busy periods leads wait longer than the chain "
        "assumes; the estimate is somewhat optimistic");
  return e;
}

}  // namespace funnel_chain_detail

FunnelEstimate estimate_funnel(const Scenario& scenario, const RunPlugins& plugins,
                               const EstimateOptions& options) {
  if (!plugins.lead_policy) throw Error("estimate: no lead policy loaded");
  funnel_chain_detail::Estimator estimator(scenario, plugins, options);
  return estimator.run();
}

}  // namespace tandem
