// The catalogue of metrics and headlines: every figure a replication writes is declared
// there, with the unit it is written in, and counters add up to their totals.
#include "model/catalogue.hpp"
#include "engine_fixture.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>

using namespace tandem;
using tandem::test::EngineFixture;
using tandem::test::headline;

TEST_CASE("every headline and metric a replication writes is in the catalogue", "[engine]") {
  EngineFixture f;
  f.scenario.replications = 1;
  const RunResult r = f.run();
  const ReplicationResult& rep = r.replications[0];
  for (const Headline& h : rep.headlines) {
    const auto spec = headline_spec(h.name);
    REQUIRE(spec);
    CHECK(std::string(to_string(spec->unit)) == h.unit);
  }
  CHECK(headline_spec("spend_share.paid_search"));
  CHECK_FALSE(headline_spec("spend_share"));
  CHECK_FALSE(headline_spec("no_such_headline"));
  const auto& specs = metric_catalogue();
  REQUIRE(r.metric_specs.size() == specs.size());
  for (const MetricRow& row : rep.metrics) REQUIRE(row.metric < specs.size());
  CHECK(specs[static_cast<std::uint32_t>(Metric::hours_on_leads)].name == "hours_on_leads");
  CHECK(specs[static_cast<std::uint32_t>(Metric::active_leads)].name == "active_leads");
}

TEST_CASE("headlines carry a direction: whether more is better", "[engine]") {
  CHECK(headline_spec("revenue")->direction == Direction::more_is_better);
  CHECK(headline_spec("sla_breach_share")->direction == Direction::less_is_better);
  CHECK(headline_spec("spend_share.paid_social")->direction == Direction::neither);
  CHECK(headline_spec("leads_merged_into_accounts")->unit == Unit::count);
}

TEST_CASE("a counter's headline is the sum of its metric over the periods", "[engine]") {
  EngineFixture f;
  f.scenario.replications = 1;
  const RunResult r = f.run();
  const ReplicationResult& rep = r.replications[0];
  for (const char* name : {"inquiries", "mqls", "won_deals", "revenue", "deals_pulled"}) {
    std::uint32_t id = 0;
    while (r.metric_specs[id].name != name) ++id;
    double sum = 0;
    for (const MetricRow& row : rep.metrics)
      if (row.metric == id) sum += row.value;
    CHECK(sum == Approx(headline(rep, name)));
  }
}

TEST_CASE("each per-agent metric is recorded under its own name", "[engine]") {
  // metrics.csv names a row by the catalogue's name at the row's Metric id: an id out of
  // step with the table writes one figure under another's name. The marketers' choices
  // tell the two apart: enablement is 0 or 1; the favoured channel is a channel's index.
  EngineFixture f;
  f.scenario.replications = 1;
  f.scenario.behaviour.mode = BehaviourMode::adaptive;
  const RunResult r = f.run();
  const auto& specs = metric_catalogue();
  const auto id = [](Metric m) { return static_cast<std::uint32_t>(m); };
  CHECK(specs[id(Metric::enablement)].name == "enablement");
  CHECK(specs[id(Metric::favoured_channel)].name == "favoured_channel");
  CHECK(specs[id(Metric::targeting)].name == "targeting");
  CHECK(specs[id(Metric::agent_mqls)].name == "agent_mqls");
  int enablement_rows = 0, favoured_rows = 0;
  for (const MetricRow& row : r.replications[0].metrics) {
    const std::string& name = specs[row.metric].name;
    if (name == "enablement") {
      ++enablement_rows;
      CHECK((row.value == 0.0 || row.value == 1.0));
    } else if (name == "favoured_channel") {
      ++favoured_rows;
      CHECK(row.value >= -1.0);
      CHECK(row.value < static_cast<double>(f.scenario.channels.size()));
      CHECK(row.value == std::floor(row.value));
    }
  }
  CHECK(enablement_rows == f.scenario.marketing.people * f.scenario.horizon.periods);
  CHECK(favoured_rows == enablement_rows);
}
