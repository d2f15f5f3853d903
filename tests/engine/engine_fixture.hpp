// A small scenario built in code (no YAML), with the real shipped plugins, for engine tests.
#pragma once

#include "engine/simulation.hpp"
#include "model/scenario.hpp"
#include "plugins/registry.hpp"

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

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

// A mean over replications and its standard error.
struct Stats {
  double mean = 0, se = 0;
};
inline Stats mean_se(const std::vector<double>& v) {
  const double n = static_cast<double>(v.size());
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / n;
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return {mean, std::sqrt(ss / (n - 1) / n)};
}
// A headline over the replications of a run.
inline Stats stats(const RunResult& r, const std::string& name) {
  std::vector<double> v;
  for (const auto& rep : r.replications) v.push_back(headline(rep, name));
  return mean_se(v);
}
// Paired differences b - a (common random numbers: same seed, same replication numbers).
inline Stats paired(const RunResult& a, const RunResult& b, const std::string& name) {
  std::vector<double> d;
  for (std::size_t i = 0; i < a.replications.size(); ++i)
    d.push_back(headline(b.replications[i], name) - headline(a.replications[i], name));
  return mean_se(d);
}

}  // namespace tandem::test
