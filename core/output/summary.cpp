#include "output/summary.hpp"

#include "output/sanity.hpp"

#include "output/precision.hpp"

#include "stats/statistics.hpp"

#include <tandem/errors.hpp>
#include <tandem/version.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <type_traits>
#include <variant>

namespace tandem {
namespace {

// total / n in whole cents, halves away from zero (the Money rule), in integers only.
std::int64_t mean_cents(Money total, std::size_t n) {
  if (n == 0) return 0;
  const auto count = static_cast<std::int64_t>(n);
  std::int64_t q = total.cents() / count;
  const std::int64_t r = total.cents() % count;
  if (2 * (r < 0 ? -r : r) >= count) q += total.cents() < 0 ? -1 : 1;
  return q;
}

SummaryJson pay_group(const PayTotals::Group& g) {
  std::vector<double> cents;
  cents.reserve(g.per_replication.size());
  for (const Money m : g.per_replication) cents.push_back(static_cast<double>(m.cents()));
  const SampleStats s = describe(cents);
  SummaryJson j;
  j["total_cents"] = g.total.cents();
  j["total"] = g.total.str();
  j["mean_per_replication_cents"] = mean_cents(g.total, g.per_replication.size());
  j["sd_per_replication_cents"] = number_or_null(s.sd);
  j["ci95_per_replication_cents"] = interval_or_null(s.ci95);
  // Cost risk: what the bad and the good replications cost (exact cents of one of them).
  if (s.n > 0) {
    j["p5_per_replication_cents"] = static_cast<std::int64_t>(s.p5);
    j["median_per_replication_cents"] = static_cast<std::int64_t>(std::llround(s.median));
    j["p95_per_replication_cents"] = static_cast<std::int64_t>(s.p95);
  }
  return j;
}

// Min, quartiles and max of sorted amounts by nearest rank: each one is an amount some
// person was actually paid, exact to the cent.
SummaryJson spread(const std::vector<Money>& sorted) {
  SummaryJson j;
  j["n"] = sorted.size();
  if (sorted.empty()) return j;
  const auto rank = [&](double q) {
    const auto k = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    return sorted[std::max<std::size_t>(k, 1) - 1].cents();
  };
  j["min_cents"] = sorted.front().cents();
  j["q1_cents"] = rank(0.25);
  j["median_cents"] = rank(0.5);
  j["q3_cents"] = rank(0.75);
  j["max_cents"] = sorted.back().cents();
  return j;
}

SummaryJson param_value(const Value& v) {
  return std::visit(
      [](const auto& x) -> SummaryJson {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Money>)
          return x.str();  // exact, as written in YAML
        else
          return x;
      },
      v);
}

SummaryJson params_json(const Params& params) {
  SummaryJson j = SummaryJson::object();
  for (const auto& [name, value] : params.values()) j[name] = param_value(value);
  return j;
}

// The scenario's choice behind a plugin slot ("sales.pay.components[1]"), if it has one.
const PayChoice* pay_choice_for(const Scenario& scenario, const std::string& slot) {
  for (const PaidTeam& team : paid_teams(scenario)) {
    const std::string role = team.key + ".pay";
    const PayChoice* pay = team.pay;
    if (slot == role) return pay;
    for (std::size_t i = 0; i < pay->components.size(); ++i)
      if (slot == role + ".components[" + std::to_string(i) + "]") return &pay->components[i];
  }
  return nullptr;
}

const PluginChoice* choice_for(const Scenario& scenario, const std::string& slot) {
  if (slot == "lead_policy") return &scenario.lead_policy;
  return pay_choice_for(scenario, slot);
}

SummaryJson run_block(const Scenario& scenario, const RunManifest& manifest) {
  SummaryJson run;
  run["scenario"] = scenario.name;
  run["scenario_hash"] = scenario.hash;
  run["seed"] = manifest.seed;
  run["replications"] = manifest.replications;
  // The periods every headline counts: the warm-up at the start is left out.
  run["measured"] = {
      {"periods", measured_periods_text(scenario.horizon)},
      {"warmup_periods", scenario.horizon.warmup_periods},
      {"note",
       "headline figures count events in these periods only; metrics.csv and ledger.csv "
       "keep every period"}};
  run["tandem_version"] = TANDEM_VERSION_STRING;
  run["sdk_abi"] = TANDEM_SDK_ABI;
  SummaryJson plugins = SummaryJson::array();
  for (const auto& p : manifest.plugins) {
    SummaryJson j;
    j["slot"] = p.slot;
    j["name"] = p.name;
    j["version"] = p.version;
    j["abi"] = p.abi;
    j["kind"] = to_string(p.kind);
    if (const PluginChoice* choice = choice_for(scenario, p.slot)) {
      if (const PayChoice* pay = pay_choice_for(scenario, p.slot))
        j["pay_period"] = to_string(pay->period);
      j["params"] = params_json(choice->params);
    }
    plugins.push_back(std::move(j));
  }
  run["plugins"] = std::move(plugins);
  return run;
}

void add_row(PayTotals::Group& g, std::size_t replication, std::size_t replications, Money m) {
  if (g.per_replication.empty()) g.per_replication.resize(replications);
  g.per_replication[replication] += m;
  g.total += m;
}

}  // namespace

double round_significant(double x) {
  if (x == 0.0) return 0.0;  // -0 is written as 0
  if (!std::isfinite(x)) return x;
  const std::string text = fmt::format("{:.10g}", x);
  return std::strtod(text.c_str(), nullptr);
}

SummaryJson number_or_null(std::optional<double> x) {
  if (!x || !std::isfinite(*x)) return nullptr;
  return round_significant(*x);
}

SummaryJson interval_or_null(const std::optional<std::pair<double, double>>& ci) {
  if (!ci || !std::isfinite(ci->first) || !std::isfinite(ci->second)) return nullptr;
  return SummaryJson::array({round_significant(ci->first), round_significant(ci->second)});
}

PayTotals pay_totals(const RunResult& result) {
  const std::size_t n = result.replications.size();
  PayTotals t;
  t.all.per_replication.resize(n);
  for (const auto& a : result.agents) t.by_role[a.role].per_replication.resize(n);
  for (std::size_t r = 0; r < n; ++r) {
    const RowDigest& d = result.replications[r].digest;
    if (d.pay_by_person.size() != result.agents.size())
      throw Error(fmt::format("replication {} was digested for {} people, but the run has {}", r,
                              d.pay_by_person.size(), result.agents.size()));
    for (std::size_t a = 0; a < result.agents.size(); ++a) {
      const Role role = result.agents[a].role;
      add_row(t.all, r, n, d.pay_by_person[a]);
      add_row(t.by_role[role], r, n, d.pay_by_person[a]);
      t.per_person[role].push_back(d.pay_by_person[a]);
    }
    for (const auto& [component, amount] : d.pay_by_component)
      add_row(t.by_component[component], r, n, amount);
    t.rows += d.ledger_rows;
  }
  for (auto& [role, pays] : t.per_person) std::sort(pays.begin(), pays.end());
  return t;
}

SummaryJson make_summary(const Scenario& scenario, const RunResult& result,
                         const RunManifest& manifest) {
  SummaryJson summary;
  summary["run"] = run_block(scenario, manifest);

  SummaryJson headline = SummaryJson::object();
  const std::vector<HeadlineStats> stats = headline_stats(result);
  // First after the run block, so that a reader meets them before the figures.
  summary["warnings"] = sanity_warnings(scenario, stats);
  for (const auto& h : stats) {
    SummaryJson j;
    j["unit"] = h.unit;
    j["mean"] = number_or_null(h.stats.mean);
    j["ci95"] = interval_or_null(h.stats.ci95);
    j["sd"] = number_or_null(h.stats.sd);
    j["n"] = h.stats.n;
    j["median"] = number_or_null(h.stats.median);
    j["p5"] = number_or_null(h.stats.p5);
    j["p95"] = number_or_null(h.stats.p95);
    headline[h.name] = std::move(j);
  }
  summary["headline"] = std::move(headline);
  summary["precision"] = precision_block(stats);

  const PayTotals totals = pay_totals(result);
  SummaryJson pay;
  pay["covers"] =
      "ledger rows of the pay periods that end in " + measured_periods_text(scenario.horizon);
  pay.update(pay_group(totals.all));
  SummaryJson by_role = SummaryJson::object();
  for (const auto& [role, group] : totals.by_role) {
    SummaryJson j = pay_group(group);
    if (const auto it = totals.per_person.find(role); it != totals.per_person.end())
      j["per_person"] = spread(it->second);
    by_role[to_string(role)] = std::move(j);
  }
  pay["by_role"] = std::move(by_role);
  SummaryJson by_component = SummaryJson::object();
  for (const auto& [name, group] : totals.by_component) by_component[name] = pay_group(group);
  pay["by_component"] = std::move(by_component);
  summary["pay"] = std::move(pay);
  summary["ledger_rows"] = totals.rows;

  SummaryJson metrics = SummaryJson::object();
  for (const auto& m : result.metric_specs) metrics[m.name] = {{"unit", m.unit}, {"doc", m.doc}};
  summary["metrics"] = std::move(metrics);
  return summary;
}

std::string summary_text(const SummaryJson& summary) {
  // Text that is not valid UTF-8 (a name from a plugin, say) is replaced, not fatal.
  return summary.dump(2, ' ', false, SummaryJson::error_handler_t::replace) + "\n";
}

}  // namespace tandem
