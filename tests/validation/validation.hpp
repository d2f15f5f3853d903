// What every validation test needs: a shipped scenario run in memory with overrides (as
// `--set` takes them), each replication's headline or per-agent metric read back, and
// means with their standard errors. Each test states its seed, replications and the
// tolerance it derives from those standard errors.
#pragma once

#include "config/scenario.hpp"
#include "engine/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace tandem::validation {

inline PluginRegistry& registry() {
  static PluginRegistry plugins({TANDEM_PLUGIN_DIR});
  return plugins;
}

// A file under the project (scenarios/quarter_end.yaml, ...).
inline std::string project_file(const std::string& relative) {
  return std::string(TANDEM_PROJECT_DIR) + "/" + relative;
}

// The scenario in `file` with `overrides`, run in memory on two threads, every row kept
// (the per-agent metrics are read back).
inline RunResult run(const std::string& file, const std::vector<std::string>& overrides) {
  const Scenario s = load_scenario(project_file(file), overrides, registry());
  RunOptions options;
  options.threads = 2;
  return run_simulation(s, resolve_plugins(s, registry()), options);
}

// The company the pay studies (Oyer, Larkin, Misra & Nair, Holmstrom & Milgrom, Chung) run
// in: scenarios/quarter_end.yaml with speed to lead held off (funnel.speed_to_lead.floor
// = 1: a lead loses nothing by waiting) and a quota of 155,000 a quarter, about three
// quarters of what a rep then books. Why: these studies measure how people respond to the
// shape of their pay, which needs deals; with the shipped speed-to-lead curve the company
// wins about a quarter as many (docs/validation.md), and each difference would need
// about four times the replications to measure. Speed to lead has its own study
// (speed_to_lead.test.cpp). `overrides` come after these and can change them.
inline RunResult run_pay_study(const std::vector<std::string>& overrides) {
  std::vector<std::string> all = {"funnel.speed_to_lead.floor=1", "sales.pay.params.quota=155000",
                                  "marketing.pay.period=month"};
  all.insert(all.end(), overrides.begin(), overrides.end());
  return run("scenarios/quarter_end.yaml", all);
}

// Headline `name` of each replication, in order.
inline std::vector<double> per_replication(const RunResult& r, const std::string& name) {
  std::vector<double> v;
  for (const ReplicationResult& x : r.replications)
    for (const Headline& h : x.headlines)
      if (h.name == name) v.push_back(h.value);
  return v;
}

struct MeanSe {
  double mean = 0, se = 0;
  double low() const { return mean - 1.96 * se; }  // the 95% interval
  double high() const { return mean + 1.96 * se; }
};

inline MeanSe mean_se(const std::vector<double>& v) {
  const double n = static_cast<double>(v.size());
  if (v.size() < 2) return {v.empty() ? 0.0 : v[0], 0.0};
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / n;
  double ss = 0;
  for (const double x : v) ss += (x - mean) * (x - mean);
  return {mean, std::sqrt(ss / (n - 1) / n)};
}

inline MeanSe headline(const RunResult& r, const std::string& name) {
  return mean_se(per_replication(r, name));
}

// ALT - BASE of a headline, replication by replication (common random numbers).
inline MeanSe paired(const RunResult& base, const RunResult& alt, const std::string& name) {
  const std::vector<double> a = per_replication(base, name), b = per_replication(alt, name);
  std::vector<double> d(std::min(a.size(), b.size()));
  for (std::size_t i = 0; i < d.size(); ++i) d[i] = b[i] - a[i];
  return mean_se(d);
}

// (ALT - BASE) / BASE of a headline's mean, with the standard error of the paired
// difference scaled the same way.
inline MeanSe paired_relative(const RunResult& base, const RunResult& alt,
                              const std::string& name) {
  const MeanSe d = paired(base, alt, name), b = headline(base, name);
  return {d.mean / b.mean, d.se / b.mean};
}

// The metric row id of `name` (per-agent metrics: pulled_deals, effort, bookings, ...).
inline std::uint32_t metric_id(const RunResult& r, const std::string& name) {
  for (std::uint32_t i = 0; i < r.metric_specs.size(); ++i)
    if (r.metric_specs[i].name == name) return i;
  return static_cast<std::uint32_t>(r.metric_specs.size());
}

// A per-agent metric as [period][agent] for one replication (0 where not recorded).
inline std::vector<std::vector<double>> per_agent(const RunResult& r, std::size_t replication,
                                                  const std::string& name) {
  const std::uint32_t id = metric_id(r, name);
  std::vector<std::vector<double>> v;
  for (const MetricRow& m : r.replications[replication].metrics) {
    if (m.metric != id || m.agent < 0) continue;
    if (v.size() <= static_cast<std::size_t>(m.period))
      v.resize(static_cast<std::size_t>(m.period) + 1);
    auto& row = v[static_cast<std::size_t>(m.period)];
    if (row.size() <= static_cast<std::size_t>(m.agent))
      row.resize(static_cast<std::size_t>(m.agent) + 1);
    row[static_cast<std::size_t>(m.agent)] = m.value;
  }
  return v;
}

// One agent's value of a per_agent() table in one period (0 where not recorded).
inline double value_at(const std::vector<std::vector<double>>& table, int period, int agent) {
  if (static_cast<std::size_t>(period) >= table.size()) return 0.0;
  const auto& row = table[static_cast<std::size_t>(period)];
  return static_cast<std::size_t>(agent) < row.size() ? row[static_cast<std::size_t>(agent)] : 0.0;
}

// Pay in the ledger of every replication paid by plugin `plan`, per replication.
inline std::vector<double> paid_by(const RunResult& r, const std::string& plan) {
  std::vector<double> v;
  for (const ReplicationResult& x : r.replications) {
    double sum = 0;
    for (const LedgerRow& row : x.ledger)
      if (row.plan == plan) sum += row.amount.units();
    v.push_back(sum);
  }
  return v;
}

}  // namespace tandem::validation
