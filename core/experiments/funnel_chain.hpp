// The analytic view of the funnel: a lead's path as an absorbing Markov chain, its
// transition rates taken from the scenario with behaviour held fixed, solved with Eigen.
// It gives in milliseconds what `tandem run` gives in seconds (expected conversions per
// stage, time to close, revenue, spend and pay), and the Monte Carlo is checked against it
// where the chain's assumptions hold (tests/experiments/funnel_chain.test.cpp).
// docs/experiments.md, "The analytic estimate", derives each rate.
//
// Pure numerics: no I/O. Eigen stays inside the .cpp files; this header is plain C++.
#pragma once

#include "engine/replication.hpp"
#include "model/scenario.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tandem {

// --- A general absorbing chain ---------------------------------------------------------

// Transient states 0..transient-1 and absorbing states 0..absorbing-1. Each transient
// state has a duration: the time a visit takes (1 period for a state a lead waits in, 0
// for an instant one it passes through within a period).
class AbsorbingChain {
 public:
  struct Entry {
    int from, to;
    double p;
  };

  AbsorbingChain(int transient, int absorbing);

  int transient() const { return transient_; }
  int absorbing() const { return absorbing_; }

  // Adds p to the probability of moving from transient `from` to transient `to`.
  void move(int from, int to, double p);
  // Adds p to the probability of being absorbed from transient `from` into `into`.
  void absorb(int from, int into, double p);
  void set_duration(int state, double periods);

  const std::vector<Entry>& moves() const { return moves_; }      // Q
  const std::vector<Entry>& absorbs() const { return absorbs_; }  // R
  const std::vector<double>& durations() const { return duration_; }

 private:
  int transient_, absorbing_;
  std::vector<Entry> moves_, absorbs_;
  std::vector<double> duration_;
};

// What a chain does from a starting distribution over its transient states, with the
// fundamental matrix N = (I - Q)^-1 never formed: every figure is a sparse LU solve.
struct ChainSolution {
  std::vector<double> visits;      // start' N: expected visits to each transient state
  std::vector<double> absorption;  // start' N R: chance of ending in each absorbing state
  double time = 0;                 // start' N d: expected time until absorption
  // Expected time until absorption given absorption in each state (start' N (d o B_b),
  // divided by the chance of b); NaN where that chance is 0.
  std::vector<double> time_given;
};

// Throws Error if some transient states can never be left (I - Q singular).
ChainSolution solve_chain(const AbsorbingChain& chain, const std::vector<double>& start);

// --- The funnel as a chain --------------------------------------------------------------

struct EstimateOptions {
  // Draws of the lead model, shared by the channels in proportion to their inquiries (a
  // quarter more for reps' prospecting), used to measure what the lead policy makes of
  // leads at each pass through it. Fixed seed (the scenario's). The estimate's figures
  // move by about 0.3% with the seed at the default; the error falls as 1/sqrt(draws).
  int lead_samples = 60000;
  int passes = 8;  // passes through the policy tracked apart (later ones share the last)
};

// Expected counts of each stage's events over the horizon (or per inquiry).
struct StageCounts {
  double inquiries = 0, prospected = 0, mqls = 0, sals = 0, sqls = 0, opportunities = 0, won = 0,
         lost = 0, no_decision = 0, dropped = 0;
  double revenue = 0;
};

// Whether reps (and SDRs) have the hours the chain assumes: every MQL attempted in the
// period it arrives, every open opportunity worked each period.
struct CapacityCheck {
  double hours_available = 0;  // per period: reps' (and SDRs') selling hours
  double hours_on_leads = 0;   // per period, at the busiest period of the horizon
  double hours_on_opportunities = 0;
  double utilisation = 0;  // the busiest team's (leads + opportunities) / its hours
  bool near = false;       // above 85%: leads will wait longer in busy periods
  bool binding = false;    // above 100%: the chain is optimistic
};

struct PayEstimate {
  double marketing = 0, sales = 0, sdrs = 0;  // the plans called on expected credits
};

struct FunnelEstimate {
  StageCounts horizon;      // over the scenario's horizon, as `tandem run` counts them
  StageCounts per_inquiry;  // one inquiry followed to the end (no horizon)
  double marketing_spend = 0;
  PayEstimate pay;
  // From inquiry (or prospecting) to a won deal: the mean, per inquiry, with no horizon;
  // and the median of deals won within the horizon, as `tandem run` reports it (interpolated
  // within a period).
  double days_to_close_mean = 0, days_to_close_median = 0;
  double periods_in_funnel = 0;  // expected periods from inquiry to leaving the funnel
  // The rates the chain runs on (for the record and the docs).
  double mql_share_first_pass = 0;  // inquiries that are MQLs when they arrive
  double mql_need_share = 0;        // MQLs with a real need (the policy's precision)
  double reach_first_attempt = 0;   // an MQL with contact details reached at once
  double reach_any_attempt = 0;     // ... by its last attempt
  double win_given_need = 0, win_given_no_need = 0;  // per opportunity
  double mean_deal_size = 0;                         // per won deal
  double mean_cycle_periods = 0;                     // opportunity to decision
  // In-market accounts left, on average over the horizon, as a share of the market's
  // steady state: won deals send their accounts dormant (1: no depletion).
  double market_left = 1;
  CapacityCheck capacity;
  int states = 0;                  // transient states of the chain
  std::vector<std::string> notes;  // mechanisms this scenario uses that the chain leaves out
};

// The expected funnel of `scenario`, with behaviour held fixed (the scenario's lead order
// and prospecting; no adaptive choices; the lead policy as it starts, learning nothing).
// `plugins` are the loaded plugins, as for run_simulation.
FunnelEstimate estimate_funnel(const Scenario& scenario, const RunPlugins& plugins,
                               const EstimateOptions& options = {});

}  // namespace tandem
