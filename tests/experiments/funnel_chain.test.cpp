// The analytic estimate: the absorbing-chain solver against closed forms, and the funnel
// chain against the fixed-behaviour Monte Carlo it stands for.
#include "experiments/funnel_chain.hpp"

#include "../engine/engine_fixture.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace tandem;
using tandem::test::EngineFixture;
using tandem::test::Stats;
using tandem::test::stats;

TEST_CASE("an absorbing chain of geometric stages matches its closed form", "[experiments]") {
  // Stage 0 (a period a visit): stays with 0.5, moves on with 0.3, is lost with 0.2.
  // An instant step (no time), then stage 1: stays with 0.6, is won with 0.4.
  AbsorbingChain chain(3, 2);
  constexpr int kWon = 0, kLost = 1;
  chain.move(0, 0, 0.5);
  chain.move(0, 2, 0.3);
  chain.absorb(0, kLost, 0.2);
  chain.set_duration(2, 0.0);
  chain.move(2, 1, 1.0);
  chain.move(1, 1, 0.6);
  chain.absorb(1, kWon, 0.4);
  const ChainSolution s = solve_chain(chain, {1.0, 0.0, 0.0});
  // Visits: a geometric stage with stay p is visited 1 / (1 - p) times.
  CHECK(s.visits[0] == Approx(2.0));
  CHECK(s.visits[2] == Approx(2.0 * 0.3));
  CHECK(s.visits[1] == Approx(2.0 * 0.3 / 0.4));
  // Absorption: the chance of leaving stage 0 forward, 0.3 / (0.3 + 0.2).
  CHECK(s.absorption[kWon] == Approx(0.6));
  CHECK(s.absorption[kLost] == Approx(0.4));
  // Time: 1 / (1 - p) per stage (the instant step takes none). Leaving a geometric stage
  // takes as long whichever way it is left, so a won lead spent 2 + 2.5 periods, a lost 2.
  CHECK(s.time == Approx(2.0 + 0.6 * 2.5));
  CHECK(s.time_given[kWon] == Approx(4.5));
  CHECK(s.time_given[kLost] == Approx(2.0));

  // From stage 1 directly: won for sure, after 2.5 periods.
  const ChainSolution from1 = solve_chain(chain, {0.0, 1.0, 0.0});
  CHECK(from1.absorption[kWon] == Approx(1.0));
  CHECK(from1.absorption[kLost] == Approx(0.0).margin(1e-12));
  CHECK(from1.time == Approx(2.5));
  CHECK(std::isnan(from1.time_given[kLost]));
}

TEST_CASE("a chain with a state it never leaves is refused", "[experiments]") {
  AbsorbingChain chain(2, 1);
  chain.move(0, 1, 1.0);
  chain.move(1, 1, 1.0);  // closed: never absorbed
  CHECK_THROWS_AS(solve_chain(chain, {1.0, 0.0}), Error);
}

TEST_CASE("the funnel chain agrees with the fixed-behaviour Monte Carlo",
          "[experiments][statistical]") {
  // The engine fixture's market (two channels, a score threshold, reps on a flat
  // commission), behaviour fixed, with the hours the chain assumes: eight reps, so capacity
  // does not bind (checked below). Monte Carlo: seed 12345, 400 replications of 52 weeks.
  // Each figure the chain gives must fall within the Monte Carlo mean +- 4 standard
  // errors. The chain draws 240,000 leads (four times the default), so that its own
  // sampling error (about 0.15% on MQLs, 0.1% on opportunities) stays well under the
  // Monte Carlo's (about 0.1% and 0.3%).
  // Speed to lead on a day scale (decay_hours 24, floor 0.05): the chain takes the wait
  // behind the attempt under way as a fluid and M/D/1 queue (funnel_chain_rates.cpp), which
  // costs little accuracy here; with the default hour-scale curve its error is larger and
  // is bounded by the next test.
  EngineFixture f;
  f.scenario.replications = 400;
  f.scenario.sales.people = 8;
  f.scenario.funnel.speed_to_lead.decay_hours = 24;
  f.scenario.funnel.speed_to_lead.floor = 0.05;
  const RunPlugins plugins = resolve_plugins(f.scenario, f.registry);
  EstimateOptions options;
  options.lead_samples = 240000;
  const FunnelEstimate e = estimate_funnel(f.scenario, plugins, options);
  CHECK_FALSE(e.capacity.near);
  CHECK(e.notes.empty());

  const RunResult mc = f.run(2);
  const auto agrees = [](const char* name, double chain, const Stats& s) {
    INFO(name << ": chain " << chain << ", Monte Carlo " << s.mean << " +- " << s.se << " (se)");
    CHECK(std::fabs(chain - s.mean) <= 4 * s.se);
  };
  agrees("mqls", e.horizon.mqls, stats(mc, "mqls"));
  agrees("opportunities", e.horizon.opportunities, stats(mc, "opportunities"));
  agrees("won_deals", e.horizon.won, stats(mc, "won_deals"));
  agrees("revenue", e.horizon.revenue, stats(mc, "revenue"));

  // The chain's own bookkeeping: every inquiry ends somewhere; the waterfall narrows.
  const StageCounts& one = e.per_inquiry;
  CHECK(one.won + one.lost + one.no_decision + one.dropped == Approx(1.0).epsilon(1e-6));
  CHECK(e.horizon.sqls <= e.horizon.sals);
  CHECK(e.horizon.opportunities <= e.horizon.sqls);
  CHECK(e.horizon.won + e.horizon.lost + e.horizon.no_decision <= e.horizon.opportunities);
}

TEST_CASE("with the default speed-to-lead curve the chain stays within its stated accuracy",
          "[experiments][statistical]") {
  // The previous test's company with the default curve (Oldroyd et al.: most of a lead's
  // chance goes in its first hour), where minutes of queueing matter and the chain's
  // queue is an approximation. docs/experiments.md states the estimate's accuracy there:
  // MQLs within 2%, opportunities and won deals within 5% of the Monte Carlo. Seed 12345,
  // 400 replications: the bound must hold beyond 3 standard errors of the Monte Carlo.
  EngineFixture f;
  f.scenario.replications = 400;
  f.scenario.sales.people = 8;
  const RunPlugins plugins = resolve_plugins(f.scenario, f.registry);
  EstimateOptions options;
  options.lead_samples = 240000;
  const FunnelEstimate e = estimate_funnel(f.scenario, plugins, options);
  const RunResult mc = f.run(2);
  const auto within = [](const char* name, double chain, const Stats& s, double share) {
    INFO(name << ": chain " << chain << ", Monte Carlo " << s.mean << " +- " << s.se << " (se)");
    CHECK(std::fabs(chain - s.mean) + 3 * s.se <= share * s.mean);
  };
  within("mqls", e.horizon.mqls, stats(mc, "mqls"), 0.02);
  within("opportunities", e.horizon.opportunities, stats(mc, "opportunities"), 0.05);
  within("won_deals", e.horizon.won, stats(mc, "won_deals"), 0.05);
}

TEST_CASE("the estimate says when reps have fewer hours than the chain assumes", "[experiments]") {
  EngineFixture f;
  f.scenario.sales.people = 1;
  f.scenario.sales.hours_per_period = 10;
  const FunnelEstimate e = estimate_funnel(f.scenario, resolve_plugins(f.scenario, f.registry));
  CHECK(e.capacity.binding);
  CHECK(e.capacity.utilisation > 1.0);
  REQUIRE_FALSE(e.notes.empty());
  CHECK(e.notes.back().find("optimistic") != std::string::npos);
}
