// The lead observation model: what a lead's latent need is and what a lead policy sees of
// it (fit, score, BANT signals, timing), as pure equations. The random parts come in as
// arguments, drawn by the caller from its own streams in its own order: the funnel
// (funnel_leads.cpp) and the analytic estimate (experiments/funnel_chain_rates.cpp) both
// use these, so the two cannot drift apart. docs/model.md ("Leads: latent quality and
// observed signals") says the same in words.
#pragma once

#include "engine/market.hpp"
#include "model/scenario.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace tandem::observation {

// P(real need | fit 1) for an account in `state`.
inline double need(const MarketConfig& m, AccountState state) {
  switch (state) {
    case AccountState::dormant:
      return m.need_dormant;
    case AccountState::researching:
      return m.need_researching;
    case AccountState::buying:
      return m.need_buying;
  }
  return 0.0;
}

// A lead's latent quality, P(real need): the account's fit times its state's need.
inline double quality(double fit, double need) {
  return fit * need;
}

// The account's fit as the lead shows it: `error` is the enrichment's error (sd
// scoring.fit_noise); kept in 0..1.
inline float fit_seen(double fit, double error) {
  return static_cast<float>(std::clamp(fit + error, 0.0, 1.0));
}

// A BANT signal: the truth (0..1) plus the form's and enrichment's error (sd
// scoring.bant_noise), kept in 0..1.
inline float bant_signal(double truth, double error) {
  return static_cast<float>(std::clamp(truth + error, 0.0, 1.0));
}

// The truth behind the timing signal: 1 buying, 0.5 researching, 0 dormant.
inline double timing(AccountState state) {
  return state == AccountState::buying ? 1.0 : state == AccountState::researching ? 0.5 : 0.0;
}

// The mean number of extra touches at one engagement (Poisson): more when the account
// needs more. `rate` is the channel's engagement.
inline double touch_mean(double rate, double need) {
  return rate * (1.0 + need);
}

// Touches so far after an engagement of 1 + `extra` touches, capped.
inline int engagement_after(int before, std::int64_t extra) {
  return static_cast<int>(std::min<std::int64_t>(before + 1 + extra, 10000));
}

// The score (0..100): observed fit and engagement (which saturates at the scoring's
// engagement scale) weighted by the scoring model, plus its `error` (sd scoring.noise).
inline float score(const ScoringConfig& sc, float fit_seen, int engagement, double error) {
  const double engaged = 1.0 - std::exp(-engagement / sc.engagement_scale);
  const double score = 100.0 * (sc.fit_weight * fit_seen + (1.0 - sc.fit_weight) * engaged) + error;
  return static_cast<float>(std::clamp(score, 0.0, 100.0));
}

}  // namespace tandem::observation
