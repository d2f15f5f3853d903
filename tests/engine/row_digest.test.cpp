// run_simulation's hand-over of finished replications (RunOptions::on_replication) and
// the digest of their rows that stays once the rows are released.
#include "engine/row_digest.hpp"

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

#include "engine_fixture.hpp"

using namespace tandem;

TEST_CASE("finished replications are handed over in order with 2 threads", "[engine]") {
  test::EngineFixture f;
  f.scenario.replications = 12;
  RunOptions options;
  options.threads = 2;
  std::vector<int> order;
  std::vector<std::size_t> rows;
  options.on_replication = [&](int r, ReplicationResult& replication) {
    order.push_back(r);
    rows.push_back(replication.metrics.size() + replication.ledger.size());
    release_rows(replication);
  };
  const RunResult result =
      run_simulation(f.scenario, resolve_plugins(f.scenario, f.registry), options);
  std::vector<int> expected(12);
  for (int r = 0; r < 12; ++r) expected[static_cast<std::size_t>(r)] = r;
  CHECK(order == expected);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    CHECK(rows[r] > 0);                             // the rows were there when handed over...
    CHECK(result.replications[r].metrics.empty());  // ...and are gone now
    CHECK(result.replications[r].ledger.empty());
    CHECK(result.replications[r].digest.ledger_rows > 0);  // the digest stays
  }
}

TEST_CASE("the digest holds the sums of the rows it replaces", "[engine]") {
  test::EngineFixture f;
  f.scenario.replications = 3;
  const RunResult result = f.run(2);
  const int periods = f.scenario.horizon.periods;
  for (const ReplicationResult& x : result.replications) {
    const RowDigest& d = x.digest;
    REQUIRE(d.metric_by_period.size() == result.metric_specs.size());
    std::vector<std::vector<double>> sums(
        result.metric_specs.size(), std::vector<double>(static_cast<std::size_t>(periods), 0.0));
    for (const MetricRow& row : x.metrics)
      sums[row.metric][static_cast<std::size_t>(row.period)] += row.value;
    CHECK(d.metric_by_period == sums);  // same order of addition, so the same bits

    std::vector<Money> person(result.agents.size());
    Money total, by_component, by_pay_period;
    for (const LedgerRow& row : x.ledger) {
      person[static_cast<std::size_t>(row.person)] += row.amount;
      total += row.amount;
    }
    for (const auto& [name, amount] : d.pay_by_component) by_component += amount;
    for (const auto& [when, amount] : d.pay_by_pay_period) by_pay_period += amount;
    CHECK(d.pay_by_person == person);
    CHECK(by_component == total);
    CHECK(by_pay_period == total);
    CHECK(total > Money{});
    CHECK(d.ledger_rows == x.ledger.size());
  }
}

TEST_CASE("a failure in on_replication stops the run and is rethrown", "[engine]") {
  test::EngineFixture f;
  f.scenario.replications = 8;
  RunOptions options;
  options.threads = 2;
  int last = -1;
  options.on_replication = [&](int r, ReplicationResult&) {
    last = r;
    if (r == 2) throw OutputError("disk full");
  };
  CHECK_THROWS_WITH(run_simulation(f.scenario, resolve_plugins(f.scenario, f.registry), options),
                    "disk full");
  CHECK(last == 2);  // nothing handed over after the failure
}

TEST_CASE("digest_rows refuses rows of agents or metrics the run does not have", "[engine]") {
  ReplicationResult x;
  x.ledger.push_back({0, PeriodKind::month, 5, "plan", "c", Money::from_cents(1), ""});
  CHECK_THROWS_WITH(digest_rows(x, 2, 1, HorizonConfig{4}),
                    "a ledger row names person 5, but the run has 2 agents");
  ReplicationResult y;
  y.metrics.push_back({0, -1, 3, 1.0});
  CHECK_THROWS_WITH(digest_rows(y, 2, 1, HorizonConfig{4}),
                    "a metric row names metric 3, but 1 are declared");
}
