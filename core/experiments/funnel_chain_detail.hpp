// The analytic estimate's parts, shared by its source files (funnel_chain.cpp: the
// chain and the horizon; funnel_chain_rates.cpp: the lead model and the rates the chain
// runs on; funnel_chain_pay.cpp: pay at the expected results). Private to
// core/experiments: nothing outside includes it.
#pragma once

#include "experiments/funnel_chain.hpp"
#include "plugins/registry.hpp"

#include <tandem/random.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <vector>

namespace tandem::funnel_chain_detail {

enum Absorbing { kWon, kLost, kNoDecision, kDropped, kAbsorbing };
// A chain entry's flags (kMql | kNeed | kContact: 8 entries), and a drawn record's.
enum Flag : std::uint8_t {
  kMql = 1,
  kNeed = 2,
  kContact = 4,
  kAuthority = 8,
};
enum State { kDormant, kResearching, kBuying };

// Streams for the lead model's draws: a replication number no run uses, so they never
// coincide with a replication's.
constexpr std::uint64_t kEstimateReplication = ~std::uint64_t{0};
constexpr std::uint64_t kPolicyStream = 1, kPayStream = 2, kSourceStreamBase = 100;
// Accounts are followed by fit in this many bins of equal width (market depletion).
constexpr int kFitBins = 20;

inline double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}
inline double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}
template <class T>
std::size_t at(T i) {
  return static_cast<std::size_t>(i);
}

using Matrix3 = std::array<std::array<double, 3>, 3>;

// A lead source: one of the scenario's channels, or reps' own prospecting.
struct Source {
  int channel = -1;         // -1: prospecting
  double rate = 0;          // inquiries per period (channels)
  double in_market = 0.3;   // share from researching or buying accounts
  double fit_tilt = 0;      // leaning toward fit
  double first_touch = 0;   // mean touches of the first engagement (channel `engagement`)
  double return_touch = 0;  // ... and of each re-engagement from nurture
  double contact = 1;       // share with contact details
  bool prospecting() const { return channel < 0; }
};

// One drawn lead at one pass through the policy.
// Whether its need is real is not drawn: it is independent of every signal given the
// account's fit and state, so each record stands for both outcomes, weighted by `quality`.
struct PassRecord {
  float quality = 0;       // P(real need) = fit x need of the account's state
  float mql = 0;           // 1: the policy made it an MQL
  float accepts[2] = {};   // accepted once reached (MQL), the rep reading no need / a need
  std::uint16_t wait = 0;  // periods in nurture before this pass
  std::uint8_t flags = 0;  // kContact, kAuthority
  std::uint8_t state = 0;  // its account's state at this pass
};

// Drawn leads of one source: lead i has passes[i] passes, records from first[i].
struct SourceDraws {
  int samples = 0;
  std::vector<int> simulated;  // per pass: how many leads were followed to it
  std::vector<std::uint32_t> first;
  std::vector<std::uint8_t> passes;
  std::vector<std::uint8_t> cell;  // fit bin x 3 + state of the account when first drawn
  std::vector<float> fit;          // the account's (latent) fit: what the deal size follows
  std::vector<float> weight;       // the channel's lean to fit: e^(tilt x (fit - 0.5))
  std::vector<PassRecord> records;
};

// Rates the chain needs that do not depend on the lead source.
struct Rates {
  double days = 7;
  int touches = 3;        // max_touches
  int nurture_ages = 26;  // nurture states: periods a lead can spend in nurture
  double nurture_return = 0.03;
  double drop_tail = 0;            // nurture beyond the states kept: a drop hazard instead
  double qualify[2] = {0.1, 0.8};  // P(SQL | reached, need)
  double to_opportunity = 0.8;
  std::vector<double> decide;   // hazard of the decision at opportunity age a + 1
  std::vector<double> cycle;    // P(decided m + 1 periods after opening)
  double consensus[2][2] = {};  // P(group decides to buy | need, the lead can sign)
  double win_vs_competitor = 0.55;
  double size_factor = 1;          // deal size = median x (0.5 + fit) x this
  std::array<double, 20> reach{};  // hazard of reaching a lead with contact at attempt j
  double reach_first = 0, reach_any = 0;
  double win(int need, double signs) const {
    return (signs * consensus[need][1] + (1.0 - signs) * consensus[need][0]) * win_vs_competitor;
  }
};

// What the chain needs to know about one source at one pass, weighted by how often a
// lead gets there.
struct PassRates {
  std::array<double, 8> entry{};          // P(verdict, need, contact): index flags & 7
  double alpha[2][2] = {{1, 1}, {1, 1}};  // P(accepted | reached, need, contact)
};
struct SourceRates {
  std::vector<PassRates> passes;
  // Per opportunity, by need and by whether it came back from nurture (r): the mean fit
  // (deal size) and the share whose lead can sign (the buying group's decision).
  double fit[2][2] = {}, authority[2][2] = {};
  // Per lead of the source: expected won deals by fit bin and the account's state at the
  // pass that made the deal (where won accounts come from: market depletion).
  std::array<std::array<double, 3>, kFitBins> won{};
};

inline int fit_bin(double fit) {
  return std::clamp(static_cast<int>(fit * kFitBins), 0, kFitBins - 1);
}

// The market (market.cpp): fit logit-normal, the buying state a three-state chain.
struct MarketModel {
  double centre = 0, spread = 1;
  Matrix3 step{};  // one period of account life
  std::array<double, 3> steady{};
  std::array<double, kFitBins> bin_mass{};  // share of accounts in each fit bin

  explicit MarketModel(const MarketConfig& m) {
    centre = std::log(m.fit_mean / (1.0 - m.fit_mean));
    spread = m.fit_spread;
    const double r = m.research_rate, b = m.buy_rate, d = m.drop_rate;
    step = {{{1 - r, r, 0.0}, {d, 1 - d - b, b}, {d, 0.0, 1 - d}}};
    const double researching = d + b > 0 ? r / (d + b) : 0.0;
    const double buying = d > 0 ? researching * b / d : 0.0;
    const double total = 1.0 + researching + buying;
    steady = {1.0 / total, researching / total, buying / total};
    double below = 0;
    for (int i = 0; i < kFitBins; ++i) {
      const double x = static_cast<double>(i + 1) / kFitBins;
      const double cdf = i + 1 == kFitBins ? 1.0
                         : spread > 0      ? normal_cdf((std::log(x / (1 - x)) - centre) / spread)
                                           : (x >= m.fit_mean ? 1.0 : 0.0);
      bin_mass[at(i)] = cdf - below;
      below = cdf;
    }
  }
  // P(state after `periods` | state now).
  std::vector<Matrix3> powers(int periods) const { return powers(step, periods); }
  static std::vector<Matrix3> powers(const Matrix3& step, int periods) {
    std::vector<Matrix3> out(at(std::max(periods, 0)) + 1);
    out[0] = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
    for (std::size_t k = 1; k < out.size(); ++k)
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
          double x = 0;
          for (int l = 0; l < 3; ++l) x += out[k - 1][at(i)][at(l)] * step[at(l)][at(j)];
          out[k][at(i)][at(j)] = x;
        }
    return out;
  }
};

// The engine's lead model (funnel_leads.cpp, market.cpp), one lead at a time, asking the
// scenario's own lead-policy plugin what it makes of each.
class LeadModel {
 public:
  LeadModel(const Scenario& s, const LoadedPlugin& plugin, int passes)
      : s_(s),
        market_(s.market),
        policy_stream_(s.seed, kEstimateReplication, kPolicyStream),
        policy_(plugin, plugin.make_lead_policy(s.lead_policy.params, policy_stream_)),
        passes_(passes),
        powers_(market_.powers(std::max(1, s.funnel.nurture_periods - 1))) {}

  GuardedLeadPolicy& policy() { return policy_; }
  const MarketModel& market() const { return market_; }
  // P(account state after a wait | before): the waits drawn between passes follow it.
  const std::vector<Matrix3>& powers() const { return powers_; }

  // Draws `samples` leads of `source`, the first `simulated[k]` of them through pass k.
  SourceDraws draw(const Source& source, int index, int samples, const std::vector<int>& simulated);

 private:
  const Scenario& s_;
  MarketModel market_;
  Stream policy_stream_;
  GuardedLeadPolicy policy_;
  int passes_;
  std::vector<Matrix3> powers_;
};

// A worker's lead work on the working clock (work_week.hpp), per period: the clock
// hours one attempt takes (`step`), the first attempts they make, and the clock hours of
// retries they start a period with (`backlog`).
struct WorkerQueue {
  double step = 0, first_attempts = 0, backlog = 0;
};
// The chance of reaching a lead with contact details at each attempt, as hazards, for
// the workers' queue (funnel_chain_rates.cpp).
void reach_hazards(const Scenario& s, int touches, const WorkerQueue& queue, Rates& rates);
// The buying group's decision, over group sizes and rep skills.
void consensus(const Scenario& s, Rates& rates);
// The deal cycle as a decision hazard per age of an open opportunity.
void cycle_hazards(const DealConfig& d, double days, Rates& rates);

// Where each state of one source's part of the chain sits.
struct Layout {
  int passes = 1, touches = 1, ages = 1, opp_ages = 1;
  int base = 0, size = 0;
  int attempt0 = 0, sal0 = 0, sql0 = 0, wait0 = 0, nurture0 = 0, opp0 = 0;

  Layout(int base_, int passes_, int touches_, int ages_, int opp_ages_)
      : passes(passes_), touches(touches_), ages(ages_), opp_ages(opp_ages_), base(base_) {
    // Instant states first, each moving only to later ones (attempt -> SAL -> SQL), so
    // one sweep in index order carries a period's leads through them.
    attempt0 = base;
    sal0 = attempt0 + passes * touches * 4;
    sql0 = sal0 + passes * 2;
    wait0 = sql0 + passes * 2;
    nurture0 = wait0 + passes * (touches - 1) * 4;
    opp0 = nurture0 + passes * ages;
    size = opp0 + 2 * 2 * opp_ages - base;
  }
  // Attempt j (1-based) at pass k, by need n and contact c.
  int attempt(int k, int j, int n, int c) const {
    return attempt0 + ((k * touches + j - 1) * 2 + n) * 2 + c;
  }
  bool first_attempt(int st) const { return (st - attempt0) / 4 % touches == 0; }
  bool needs(int st) const { return (st - attempt0) % 4 >= 2; }
  int sal(int k, int n) const { return sal0 + k * 2 + n; }
  int sql(int k, int n) const { return sql0 + k * 2 + n; }
  // Waiting for attempt j + 1 after j failed (j = 1..touches - 1).
  int waiting(int k, int j, int n, int c) const {
    return wait0 + ((k * (touches - 1) + j - 1) * 2 + n) * 2 + c;
  }
  int nurture(int k, int a) const { return nurture0 + k * ages + a; }
  // An open opportunity of age a, by need and by whether its lead came back from nurture.
  int opp(int n, int r, int a) const { return opp0 + (n * 2 + r) * opp_ages + a; }
  bool instant(int st) const { return st >= attempt0 && st < wait0; }
  // Where a lead of verdict/need/contact `flags` goes at pass k.
  int entry(int k, int flags) const {
    return (flags & kMql) ? attempt(k, 1, (flags & kNeed) ? 1 : 0, (flags & kContact) ? 1 : 0)
                          : nurture(k, 0);
  }
};

// A period of the funnel, per source, as `tandem run` counts it. [r]: leads that came
// back from nurture (r = 1) or not.
struct PeriodFlows {
  double inquiries = 0, mqls = 0, sals = 0, sqls = 0;
  double opportunities[2] = {}, pipeline[2] = {}, won[2] = {}, revenue[2] = {};
};

struct Flows {
  std::vector<std::vector<PeriodFlows>> sources;  // [source][period]
  std::vector<double> prospected;                 // per period
  double lost = 0, no_decision = 0, dropped = 0, mqls_need = 0;
  // Per period: attempts made, first attempts, retries; opportunities open at its start.
  std::vector<double> attempts, first_attempts, retries, open;
  std::vector<double> won;  // per period, every source
};

class Estimator {
 public:
  Estimator(const Scenario& s, const RunPlugins& plugins, const EstimateOptions& options);
  FunnelEstimate run();

 private:
  int passes() const { return std::clamp(options_.passes, 1, 32); }
  int workers() const { return s_.sdrs.people > 0 ? s_.sdrs.people : s_.sales.people; }
  double worker_hours() const {
    return s_.sdrs.people > 0 ? s_.sdrs.hours_per_period : s_.sales.hours_per_period;
  }
  std::size_t prospecting() const { return sources_.size() - 1; }

  void clocks(const Flows* flows);
  void weigh();
  void deplete(const Flows& flows);
  void build();
  Flows forward();
  void sweep(std::vector<double>& y, std::size_t g, PeriodFlows* pf, double* mqls_need) const;
  std::vector<double> cohort_won(std::size_t g) const;
  PayEstimate pay(const Flows& flows);

  const Scenario& s_;
  const RunPlugins& plugins_;
  EstimateOptions options_;
  LeadModel model_;
  Rates rates_;
  std::vector<Source> sources_;
  std::vector<SourceDraws> draws_;
  std::vector<SourceRates> source_rates_;
  // Market depletion: per fit bin x state, the share of accounts left relative to the
  // steady state (averaged over the horizon); 1 without wins.
  std::vector<double> left_;
  // Per fit bin, P(state after a wait | before) with accounts being won on top: what the
  // draws' waits in nurture are reweighted to (empty: no depletion yet).
  std::vector<std::vector<Matrix3>> won_powers_ = std::vector<std::vector<Matrix3>>(kFitBins);
  double prospect_rate_ = 0;  // mean prospected leads per period (last round)
  AbsorbingChain chain_{1, kAbsorbing};
  std::vector<Layout> layouts_;
  std::vector<double> won_value_, won_chance_;  // per state
  std::vector<std::uint8_t> timed_;
  std::vector<int> row_, to_, arow_, ato_;  // compressed rows of Q and R
  std::vector<double> p_, ap_;
  WorkerQueue queue_;
};

}  // namespace tandem::funnel_chain_detail
