// The executor seam: replications run anywhere, delivered in order, and results that
// travel as bytes and are merged give the same run as threads in this process.
#include "engine/executor.hpp"
#include "engine/replication_wire.hpp"
#include "engine/row_digest.hpp"
#include "engine_fixture.hpp"

#include <bit>

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

using namespace tandem;

namespace {

// An executor standing in for other processes: it runs the odd replications, then the even
// ones (out of order, as remote workers would finish), sends each through the wire format
// and delivers them in order, as the seam requires.
class WireExecutor : public Executor {
 public:
  ExecutionReport run(int total, const ReplicationTask& task, const ReplicationDelivery& deliver,
                      const ExecutionControl& control) override {
    std::map<int, std::string> arrived;
    for (int parity : {1, 0})
      for (int i = parity; i < total; i += 2) arrived[i] = encode_replication(task(i));
    ExecutionReport report;
    for (auto& [i, bytes] : arrived) {
      ReplicationResult r = decode_replication(bytes);
      deliver(i, r);
      ++report.done;
      if (control.progress) control.progress(report.done, total);
    }
    return report;
  }
};

bool same(const ReplicationResult& a, const ReplicationResult& b) {
  if (a.headlines.size() != b.headlines.size() || a.ledger.size() != b.ledger.size() ||
      a.metrics.size() != b.metrics.size())
    return false;
  for (std::size_t i = 0; i < a.headlines.size(); ++i)
    if (a.headlines[i].name != b.headlines[i].name || a.headlines[i].unit != b.headlines[i].unit ||
        std::bit_cast<std::uint64_t>(a.headlines[i].value) !=
            std::bit_cast<std::uint64_t>(b.headlines[i].value))
      return false;
  for (std::size_t i = 0; i < a.ledger.size(); ++i) {
    const LedgerRow &x = a.ledger[i], &y = b.ledger[i];
    if (x.pay_period != y.pay_period || x.kind != y.kind || x.person != y.person ||
        x.plan != y.plan || x.component != y.component || x.amount != y.amount ||
        x.reason != y.reason)
      return false;
  }
  for (std::size_t i = 0; i < a.metrics.size(); ++i) {
    const MetricRow &x = a.metrics[i], &y = b.metrics[i];
    if (x.period != y.period || x.agent != y.agent || x.metric != y.metric ||
        std::bit_cast<std::uint64_t>(x.value) != std::bit_cast<std::uint64_t>(y.value))
      return false;
  }
  const RowDigest &d = a.digest, &e = b.digest;
  return d.metric_by_period == e.metric_by_period && d.pay_by_person == e.pay_by_person &&
         d.pay_by_component == e.pay_by_component && d.pay_by_pay_period == e.pay_by_pay_period &&
         d.ledger_rows == e.ledger_rows && a.days_to_close == b.days_to_close;
}

}  // namespace

TEST_CASE_METHOD(test::EngineFixture, "a replication survives the wire exactly", "[engine]") {
  scenario.replications = 2;
  RunResult run = this->run();
  for (const ReplicationResult& r : run.replications) {
    REQUIRE(!r.ledger.empty());
    REQUIRE(!r.metrics.empty());
    REQUIRE(!r.days_to_close.empty());
    CHECK(same(r, decode_replication(encode_replication(r))));
  }
}

TEST_CASE("a damaged encoding is refused, never half read", "[engine]") {
  ReplicationResult r;
  r.headlines = {{"revenue", "money", 12.5}};
  const std::string bytes = encode_replication(r);
  CHECK_THROWS_AS(decode_replication(bytes.substr(0, bytes.size() - 1)), Error);
  CHECK_THROWS_AS(decode_replication(bytes + "x"), Error);
  CHECK_THROWS_AS(decode_replication("nonsense"), Error);
  std::string other_version = bytes;
  other_version[4] = 9;
  CHECK_THROWS_WITH(decode_replication(other_version), Catch::Contains("version 9"));
}

TEST_CASE_METHOD(test::EngineFixture,
                 "a run on another executor, through the wire, equals the run on threads",
                 "[engine]") {
  scenario.replications = 6;
  const RunResult on_threads = run(2);
  WireExecutor wire;
  RunOptions options;
  options.executor = &wire;
  std::vector<int> order;
  options.on_replication = [&](int i, ReplicationResult&) { order.push_back(i); };
  const RunResult elsewhere =
      run_simulation(scenario, resolve_plugins(scenario, registry), options);
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5});
  REQUIRE(elsewhere.replications.size() == on_threads.replications.size());
  for (std::size_t i = 0; i < on_threads.replications.size(); ++i)
    CHECK(same(elsewhere.replications[i], on_threads.replications[i]));
}

TEST_CASE("the thread executor delivers in order and reports a stop", "[engine]") {
  ThreadExecutor threads(2);
  std::vector<int> delivered;
  const ExecutionReport all = threads.run(
      9,
      [](int i) {
        return ReplicationResult{{{"i", "count", double(i)}}, {}, {}, {}, {}, {}};
      },
      [&](int i, ReplicationResult& r) {
        CHECK(r.headlines[0].value == i);
        delivered.push_back(i);
      },
      {});
  CHECK(all.done == 9);
  CHECK_FALSE(all.stopped);
  CHECK(delivered == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8});

  const std::atomic<bool> stop{true};
  const ExecutionReport stopped = threads.run(
      9, [](int) { return ReplicationResult{}; }, [](int, ReplicationResult&) {}, {&stop, {}});
  CHECK(stopped.stopped);
  CHECK(stopped.done == 0);
}

TEST_CASE("replications gathered from several places merge by index", "[engine]") {
  RunResult run;
  run.replications.resize(3);
  std::vector<std::pair<int, ReplicationResult>> parts;
  for (int i : {2, 0, 1})
    parts.push_back({i, ReplicationResult{{{"i", "count", double(i)}}, {}, {}, {}, {}, {}}});
  merge_replications(run, parts);
  for (int i = 0; i < 3; ++i)
    CHECK(run.replications[static_cast<std::size_t>(i)].headlines[0].value == i);

  RunResult twice;
  twice.replications.resize(2);
  CHECK_THROWS_WITH(merge_replications(twice, {{0, {}}, {0, {}}}), Catch::Contains("merged twice"));
  RunResult gap;
  gap.replications.resize(2);
  CHECK_THROWS_WITH(merge_replications(gap, {{1, {}}}),
                    Catch::Contains("replication 0 is missing"));
  CHECK_THROWS_WITH(merge_replications(gap, {{5, {}}}), Catch::Contains("replication 5"));
}
