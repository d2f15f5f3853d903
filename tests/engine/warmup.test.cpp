// The warm-up (horizon.warmup_periods): the headlines count only the periods after it,
// while metrics.csv and the ledger keep every period; it changes no draw.
#include "engine/calendar.hpp"
#include "engine/metrics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <map>
#include <string>

#include "engine_fixture.hpp"

using namespace tandem;
using test::headline;

namespace {

// A company metric of one replication summed over periods [from, to).
double metric_sum(const RunResult& r, const ReplicationResult& x, const std::string& name,
                  int from) {
  std::uint32_t id = 0;
  while (r.metric_specs[id].name != name) ++id;
  double sum = 0;
  for (const MetricRow& row : x.metrics)
    if (row.metric == id && row.agent == -1 && row.period >= from) sum += row.value;
  return sum;
}

// The ledger rows of one role whose pay period ends at or after period `from`.
Money pay_from(const RunResult& r, const ReplicationResult& x, const HorizonConfig& h, Role role,
               int from) {
  std::map<PeriodKind, std::vector<PayPeriod>> calendars;
  for (const PeriodKind k : {PeriodKind::month, PeriodKind::quarter, PeriodKind::year})
    calendars[k] = pay_periods(h, k);
  Money sum;
  for (const LedgerRow& row : x.ledger)
    if (r.agents[static_cast<std::size_t>(row.person)].role == role &&
        calendars[row.kind][static_cast<std::size_t>(row.pay_period)].last_period >= from)
      sum += row.amount;
  return sum;
}

}  // namespace

TEST_CASE("headlines count only the periods after the warm-up", "[engine]") {
  test::EngineFixture f;
  f.scenario.replications = 4;
  f.scenario.horizon.warmup_periods = 13;  // one quarter of 52 weeks
  const RunResult r = f.run(2);
  for (const ReplicationResult& x : r.replications) {
    // Money counters are exact cents, summed in another order here: equal to a cent.
    CHECK(std::abs(headline(x, "revenue") - metric_sum(r, x, "revenue", 13)) < 0.005);
    CHECK(std::abs(headline(x, "marketing_spend") - metric_sum(r, x, "marketing_spend", 13)) <
          0.005);
    CHECK(headline(x, "inquiries") == metric_sum(r, x, "inquiries", 13));
    CHECK(headline(x, "mqls") == metric_sum(r, x, "mqls", 13));
    CHECK(headline(x, "won_deals") == metric_sum(r, x, "won_deals", 13));
    CHECK(headline(x, "inquiries") < metric_sum(r, x, "inquiries", 0));
    // Pay: the ledger rows of the pay periods that end after the warm-up, to the cent.
    CHECK(headline(x, "pay_sales") == pay_from(r, x, f.scenario.horizon, Role::sales, 13).units());
    CHECK(headline(x, "pay_marketing") ==
          pay_from(r, x, f.scenario.horizon, Role::marketing, 13).units());
    // The summary's pay (the digest) is the same rows.
    Money digest_sales;
    for (std::size_t a = 0; a < r.agents.size(); ++a)
      if (r.agents[a].role == Role::sales) digest_sales += x.digest.pay_by_person[a];
    CHECK(digest_sales == pay_from(r, x, f.scenario.horizon, Role::sales, 13));
    // Shares stay shares; the never-worked leads are a part of the leads that were MQLs.
    CHECK(headline(x, "mqls_never_worked_share") >= 0.0);
    CHECK(headline(x, "mqls_never_worked_share") <= 1.0);
    CHECK(headline(x, "rep_effort_share") > 0.0);
  }
}

TEST_CASE("a warm-up changes no draw: metrics and ledger are those of no warm-up", "[engine]") {
  test::EngineFixture f;
  f.scenario.replications = 3;
  f.scenario.behaviour.mode = BehaviourMode::adaptive;  // choices read pay: still the same
  const RunResult none = f.run(1);
  f.scenario.horizon.warmup_periods = 13;
  const RunResult warm = f.run(1);
  for (std::size_t i = 0; i < none.replications.size(); ++i) {
    const ReplicationResult &a = none.replications[i], &b = warm.replications[i];
    CHECK(a.digest.metric_by_period == b.digest.metric_by_period);
    CHECK(a.digest.pay_by_pay_period == b.digest.pay_by_pay_period);
    REQUIRE(a.ledger.size() == b.ledger.size());
    // Without a warm-up every period counts: the headlines are the sums of the metrics.
    CHECK(std::abs(headline(a, "revenue") - metric_sum(none, a, "revenue", 0)) < 0.005);
    CHECK(headline(a, "inquiries") == metric_sum(none, a, "inquiries", 0));
    CHECK(headline(b, "inquiries") == metric_sum(warm, b, "inquiries", 13));
  }
}
