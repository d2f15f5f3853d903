// A small scenario built in code (no YAML), with the real shipped plugins, for engine tests.
#pragma once

#include "config/scenario.hpp"
#include "engine/simulation.hpp"
#include "plugins/registry.hpp"

#include <string>

namespace tandem::test {

struct EngineFixture {
  PluginRegistry registry{{TANDEM_PLUGIN_DIR}};
  Scenario scenario;

  EngineFixture() {
    Scenario& s = scenario;
    s.name = "engine-test";
    s.seed = 12345;
    s.replications = 40;
    s.horizon = {52, SimPeriod::week};
    s.market.accounts = 1500;
    ChannelConfig search;
    search.name = "paid_search";
    search.budget_per_period = Money::from_units(3000);
    search.cost_per_lead = Money::from_units(150);
    search.in_market_share = 0.4;
    ChannelConfig social = search;
    social.name = "paid_social";
    social.budget_per_period = Money::from_units(1200);
    social.cost_per_lead = Money::from_units(60);
    social.in_market_share = 0.15;
    s.channels = {search, social};
    use(s.lead_policy, "score_threshold");
    s.lead_policy.params.set("threshold", 50.0);
    s.marketing.people = 2;
    use(s.marketing.pay, "salary_mql_bonus");
    s.marketing.pay.period = PeriodKind::quarter;
    s.sales.people = 4;
    use(s.sales.pay, "flat_commission");
  }

  void use(PluginChoice& choice, const std::string& name) {
    choice.plugin = name;
    choice.params = registry.load(name).schema().defaults();
  }

  RunResult run(int threads = 1) {
    RunOptions options;
    options.threads = threads;
    return run_simulation(scenario, resolve_plugins(scenario, registry), options);
  }
};

// The value of a headline in one replication.
inline double headline(const ReplicationResult& r, const std::string& name) {
  for (const auto& h : r.headlines)
    if (h.name == name) return h.value;
  throw Error("no headline " + name);
}

}  // namespace tandem::test
