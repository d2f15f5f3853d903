// Crediting: the one rule that splits a deal among the people credited with it, and what
// the engine does with it (splits, team credit, influence, cancellations, the team view).
#include "engine/crediting.hpp"
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

using namespace tandem;
using namespace tandem::test;

namespace {

Money money(const char* text) {
  return Money::parse(text).value();
}

// Agent -> (kind, value) of each piece, for readable checks.
std::map<int, std::pair<CreditKind, Money>> pieces_of(const Crediting& rule,
                                                      const DealParties& deal) {
  std::vector<CreditPiece> out;
  rule.split(deal, out);
  std::map<int, std::pair<CreditKind, Money>> by_agent;
  for (const auto& p : out) by_agent[p.agent] = {p.kind, p.value};
  return by_agent;
}

DealParties deal(const char* value, int closer, int owner, int source) {
  DealParties d;
  d.id = 7;
  d.value = money(value);
  d.closer = closer;
  d.account_owner = owner;
  d.source = source;
  return d;
}

}  // namespace

TEST_CASE("by default the closer and the sourcing marketer each get the whole deal", "[engine]") {
  const Crediting rule(CreditingConfig{}, 2, 3);  // agents 0-1 marketers, 2-4 reps
  const auto p = pieces_of(rule, deal("1000.00", 3, 4, 1));
  REQUIRE(p.size() == 2);
  CHECK(p.at(3) == std::pair{CreditKind::closed, money("1000.00")});
  CHECK(p.at(1) == std::pair{CreditKind::sourced, money("1000.00")});
}

TEST_CASE("a split deal gives the account owner a share and the closer the rest", "[engine]") {
  CreditingConfig c;
  c.account_owner_share = 0.3;
  c.sourced_share = 0.5;
  const Crediting rule(c, 2, 3);
  // 30% of 1000.01 = 300.003 -> 300.00 to the owner; the closer keeps 700.01, so the two
  // pieces add up to the deal. The marketer: 50% of 1000.01 = 500.005 -> 500.01 (half
  // away from zero).
  const auto p = pieces_of(rule, deal("1000.01", 3, 4, 0));
  CHECK(p.at(3) == std::pair{CreditKind::closed, money("700.01")});
  CHECK(p.at(4) == std::pair{CreditKind::split, money("300.00")});
  CHECK(p.at(0) == std::pair{CreditKind::sourced, money("500.01")});
  // The closer owns the account: no split.
  const auto own = pieces_of(rule, deal("1000.01", 4, 4, -1));
  REQUIRE(own.size() == 1);
  CHECK(own.at(4).second == money("1000.01"));
}

TEST_CASE("team credit is split equally to the cent and the odd cents rotate", "[engine]") {
  CreditingConfig c;
  c.team_share = 0.5;
  const Crediting rule(c, 1, 3);  // agent 0 marketer; agents 1, 2, 3 reps
  // Team: 50% of 100.00 = 5000 cents over 3 reps = 1666 each and 2 cents over. Deal id 7:
  // the odd cents go to the reps from 7 mod 3 = 1 on, so to agents 2 and 3. The closer
  // (agent 1) keeps the other 50.00 as a piece of its own.
  std::vector<CreditPiece> out;
  rule.split(deal("100.00", 1, 1, -1), out);
  Money total;
  std::map<int, Money> team;
  for (const auto& piece : out) {
    total += piece.value;
    if (piece.kind == CreditKind::team) team[piece.agent] = piece.value;
    if (piece.kind == CreditKind::closed) CHECK(piece.value == money("50.00"));
  }
  CHECK(total == money("100.00"));
  CHECK(team.at(1) == money("16.66"));
  CHECK(team.at(2) == money("16.67"));
  CHECK(team.at(3) == money("16.67"));
}

TEST_CASE("a lead sales sourced and nurture won back is influenced by all marketers", "[engine]") {
  CreditingConfig c;
  c.influenced_share = 0.25;
  const Crediting rule(c, 2, 2);
  DealParties d = deal("1000.00", 2, 2, -1);
  CHECK(pieces_of(rule, d).size() == 1);  // not influenced: the closer only
  d.influenced = true;
  // 25% of 1000.00 = 250.00, 125.00 to each marketer.
  const auto p = pieces_of(rule, d);
  CHECK(p.at(0) == std::pair{CreditKind::influenced, money("125.00")});
  CHECK(p.at(1) == std::pair{CreditKind::influenced, money("125.00")});
}

namespace {
// Every statement of replication 0, summed by role: what was credited over the horizon.
struct Credited {
  Money rep_bookings, rep_cancelled, marketer_revenue;
  std::map<CreditKind, int> kinds;
};
Credited credited(const RunResult& r) {
  Credited c;
  for (const StatementRecord& s : r.replications[0].statements) {
    const bool rep = r.agents[static_cast<std::size_t>(s.person)].role == Role::sales;
    (rep ? c.rep_bookings : c.marketer_revenue) +=
        rep ? s.credits.bookings : s.credits.sourced_revenue;
    if (rep) c.rep_cancelled += s.credits.cancelled;
    for (const CreditedDeal& d : s.deals) ++c.kinds[d.kind];
  }
  return c;
}
}  // namespace

TEST_CASE("with splits and team credit the reps are credited with every cent of revenue",
          "[engine]") {
  EngineFixture f;
  f.scenario.replications = 1;
  f.scenario.crediting.account_owner_share = 0.4;
  f.scenario.crediting.team_share = 0.2;
  f.scenario.crediting.sourced_share = 0.5;
  f.scenario.crediting.influenced_share = 0.5;
  f.scenario.funnel.nurture_return_rate = 0.2;  // more leads come back: some are won
  f.scenario.sales.hours_per_period = 40;       // and reps have hours to prospect
  f.scenario.funnel.speed_to_lead.floor = 1.0;  // and enough are reached to win deals
  const RunResult r = f.run();
  Credited c = credited(r);
  const Money revenue = Money::from_units(headline(r.replications[0], "revenue"));
  CHECK(c.rep_bookings == revenue);
  CHECK(c.marketer_revenue < revenue);  // half of what they sourced or influenced
  CHECK(c.kinds[CreditKind::split] > 0);
  CHECK(c.kinds[CreditKind::team] > 0);
  CHECK(c.kinds[CreditKind::sourced] > 0);
  CHECK(c.kinds[CreditKind::influenced] > 0);
}

TEST_CASE("cancellations fall in the first term and are credited back in full", "[engine]") {
  EngineFixture f;
  f.scenario.replications = 1;
  f.scenario.deals.churn_rate = 0.05;
  f.scenario.deals.churn_watch_periods = 10;
  f.scenario.crediting.account_owner_share = 0.4;
  const RunResult r = f.run();
  const auto& first = r.replications[0];
  CHECK(headline(first, "cancelled_deals") > 0);
  for (const StatementRecord& s : first.statements)
    for (const CreditedDeal& d : s.cancellations) {
      CHECK(d.cancelled_period > d.period);
      CHECK(d.cancelled_period - d.period <= 10);
      CHECK(d.cancelled_period >= s.period.first_period);
      CHECK(d.cancelled_period <= s.period.last_period);
    }
  CHECK(credited(r).rep_cancelled == Money::from_units(headline(first, "cancelled_revenue")));
}

TEST_CASE("churn draws from its own stream: the funnel is as without it", "[engine]") {
  EngineFixture f;
  f.scenario.replications = 2;
  const RunResult without = f.run();
  f.scenario.deals.churn_rate = 0.03;
  const RunResult with = f.run();
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(headline(with.replications[i], "revenue") ==
          headline(without.replications[i], "revenue"));
    CHECK(headline(with.replications[i], "won_deals") ==
          headline(without.replications[i], "won_deals"));
    CHECK(headline(without.replications[i], "cancelled_deals") == 0);
  }
}

TEST_CASE("a higher churn rate cancels more deals", "[engine][statistical]") {
  // Means over 40 replications; the difference must clear 4 standard errors of it.
  EngineFixture f;
  const auto cancelled = [&](double rate) {
    f.scenario.deals.churn_rate = rate;
    std::vector<double> v;
    for (const auto& rep : f.run(2).replications) v.push_back(headline(rep, "cancelled_deals"));
    return v;
  };
  const Stats low = mean_se(cancelled(0.002)), high = mean_se(cancelled(0.01));
  INFO("cancelled: " << low.mean << " at 0.002, " << high.mean << " at 0.01");
  CHECK(high.mean - low.mean > 4.0 * std::hypot(low.se, high.se));
}

TEST_CASE("plans see each person's salary and the team's totals", "[engine]") {
  EngineFixture f;
  f.scenario.replications = 1;
  f.scenario.sales.salaries = {50000, 60000, 70000, 80000};
  f.scenario.marketing.salaries = {90000};
  const RunResult r = f.run();
  for (const StatementRecord& s : r.replications[0].statements) {
    const bool rep = r.agents[static_cast<std::size_t>(s.person)].role == Role::sales;
    CHECK(s.credits.team.members == (rep ? 4 : 2));
    CHECK(s.credits.team.salaries == Money::from_units(rep ? 260000 : 180000));
    if (rep) CHECK(s.credits.salary == Money::from_units(50000 + 10000 * (s.person - 2)));
  }
}

TEST_CASE("SDRs work the MQLs and hand opportunities to the reps", "[engine]") {
  EngineFixture f;
  f.scenario.replications = 1;
  f.scenario.sdrs.people = 2;
  f.use(f.scenario.sdrs.pay, "pipeline_bonus");
  f.scenario.crediting.sdr_share = 0.2;
  const RunResult r = f.run();
  REQUIRE(r.agents.size() == 2 + 4 + 2);
  CHECK(r.agents[6].id == "sdr-01");
  CHECK(r.agents[7].role == Role::sdr);
  Money sales_pieces;
  std::int64_t sdr_sals = 0, sdr_opportunities = 0;
  std::map<CreditKind, int> kinds;
  for (const StatementRecord& s : r.replications[0].statements) {
    const Role role = r.agents[static_cast<std::size_t>(s.person)].role;
    if (role == Role::marketing) continue;
    sales_pieces += s.credits.bookings;
    for (const CreditedDeal& d : s.deals) ++kinds[d.kind];
    if (role == Role::sdr) {
      sdr_sals += s.credits.sals;
      sdr_opportunities += s.credits.opportunities;
      for (const CreditedDeal& d : s.deals) CHECK(d.kind == CreditKind::qualified);
    }
  }
  // The SDR's and the reps' pieces of every deal add up to the revenue, to the cent.
  CHECK(sales_pieces == Money::from_units(headline(r.replications[0], "revenue")));
  CHECK(kinds[CreditKind::qualified] > 0);
  CHECK(sdr_sals > 0);
  CHECK(sdr_opportunities > 0);
  CHECK(headline(r.replications[0], "pay_sdrs") > 0);
}
