#include "study/compare.hpp"

#include "common/did_you_mean.hpp"
#include "config/scenario.hpp"
#include "engine/replication.hpp"
#include "model/catalogue.hpp"
#include "model/scenario_words.hpp"
#include "output/atomic_folder.hpp"
#include "output/comparison_files.hpp"
#include "output/output_file.hpp"
#include "output/run_folder.hpp"
#include "report/compare_report.hpp"
#include "study/run.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <optional>

namespace tandem::study {

ComparedNames::ComparedNames(const std::string& base_file, const std::string& alt_file) {
  const std::string b = std::filesystem::path(base_file).filename().string(),
                    a = std::filesystem::path(alt_file).filename().string();
  base = b == a ? b + " (BASE)" : b;
  alt = b == a ? a + " (ALT)" : a;
}

namespace {

std::string override_key(const std::string& assignment) {
  std::string key = assignment.substr(0, assignment.find('='));
  const auto begin = key.find_first_not_of(" \t"), end = key.find_last_not_of(" \t");
  return begin == std::string::npos ? "" : key.substr(begin, end - begin + 1);
}

std::string with_overrides(std::string label, const char* flag,
                           const std::vector<std::string>& sets) {
  for (const std::string& s : sets) label += std::string(" ") + flag + " " + s;
  return label;
}

}  // namespace

ReportLabels::ReportLabels(const ComparedNames& names, const CompareOverrides& overrides)
    : base(with_overrides(names.base, "--set-base", overrides.base)),
      alt(with_overrides(names.alt, "--set-alt", overrides.alt)) {}

std::vector<Scenario> load_compared(const std::string& base_file,
                                    const std::vector<std::string>& alt_files,
                                    const CompareOverrides& overrides, PluginRegistry& registry) {
  for (const std::string& s : overrides.alt) {
    const std::string key = override_key(s);
    if (key == "seed" || key == "replications")
      throw UsageError("tandem compare: --set-alt " + s + ": both scenarios run with BASE's " +
                       key + " (common random numbers); set it for both with --" + key +
                       " or --set");
  }
  // Shared overrides first, then each side's, then the run size (a later one wins).
  std::vector<std::string> base_sets = overrides.both, alt_sets = overrides.both;
  base_sets.insert(base_sets.end(), overrides.base.begin(), overrides.base.end());
  base_sets.insert(base_sets.end(), overrides.run_size.begin(), overrides.run_size.end());
  alt_sets.insert(alt_sets.end(), overrides.alt.begin(), overrides.alt.end());

  std::vector<Problem> problems;
  const auto add = [&](const ScenarioError& e) {
    for (const Problem& p : e.problems())
      if (std::none_of(problems.begin(), problems.end(),
                       [&](const Problem& q) { return q.str() == p.str(); }))
        problems.push_back(p);
  };
  std::vector<Scenario> scenarios;
  std::optional<Scenario> base;
  try {
    base = load_scenario(base_file, base_sets, registry);
  } catch (const ScenarioError& e) {
    add(e);
  }
  for (const std::string& alt_file : alt_files) {
    std::vector<std::string> sets = alt_sets;
    if (base) {
      sets.push_back("seed=" + std::to_string(base->seed));
      sets.push_back("replications=" + std::to_string(base->replications));
    }
    try {
      scenarios.push_back(load_scenario(alt_file, sets, registry));
    } catch (const ScenarioError& e) {
      add(e);
    }
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  scenarios.insert(scenarios.begin(), std::move(*base));
  return scenarios;
}

void check_pairable(const Scenario& base, const Scenario& alt, const ComparedNames& names) {
  const std::string &b = names.base, &a = names.alt;
  std::vector<Problem> problems;
  const auto same = [&](const char* key, const std::string& in_base, const std::string& in_alt) {
    if (in_base == in_alt) return;
    problems.push_back(
        {Location{},
         fmt::format("cannot pair {} and {}: {} is {} in {} and {} in {}; make them equal (e.g. "
                     "--set-alt {}={})",
                     b, a, key, in_base, b, in_alt, a, key, in_base)});
  };
  same("horizon.periods", std::to_string(base.horizon.periods),
       std::to_string(alt.horizon.periods));
  same("horizon.period", to_text(base.horizon.period), to_text(alt.horizon.period));
  // Headlines count the periods after the warm-up: a different warm-up compares other weeks.
  same("horizon.warmup_periods", std::to_string(base.horizon.warmup_periods),
       std::to_string(alt.horizon.warmup_periods));
  if (!problems.empty()) throw ScenarioError(std::move(problems));
}

namespace {

// Whether two pay plans pay the same: the same plugin, period, parameters and components.
bool same_pay(const PayChoice& a, const PayChoice& b) {
  if (a.plugin != b.plugin || a.period != b.period || a.params.values() != b.params.values() ||
      a.components.size() != b.components.size())
    return false;
  for (std::size_t i = 0; i < a.components.size(); ++i)
    if (!same_pay(a.components[i], b.components[i])) return false;
  return true;
}

}  // namespace

std::vector<std::string> teams_paid_differently(const Scenario& base, const Scenario& alt) {
  std::vector<std::string> differ;
  const std::vector<PaidTeam> a = paid_teams(base), b = paid_teams(alt);
  for (const PaidTeam& team : a) {
    const auto other =
        std::find_if(b.begin(), b.end(), [&](const PaidTeam& t) { return t.key == team.key; });
    if (other == b.end() || !same_pay(*team.pay, *other->pay) || *team.salaries != *other->salaries)
      differ.push_back(team.key);
  }
  for (const PaidTeam& team : b)
    if (std::none_of(a.begin(), a.end(), [&](const PaidTeam& t) { return t.key == team.key; }))
      differ.push_back(team.key);
  return differ;
}

std::vector<std::string> comparison_warnings(const Scenario& base, const Scenario& alt,
                                             const ComparedNames& names) {
  std::vector<std::string> warnings;
  if (base.behaviour.mode != alt.behaviour.mode) {
    warnings.push_back(fmt::format(
        "{} runs with behaviour.mode {} and {} with {}: fixed and adaptive behaviour are "
        "different companies on the same market, so these differences mix what you changed "
        "with how people decide, and can even reverse its sign. Compare like with like, e.g. "
        "--set behaviour.mode=adaptive for both.",
        names.base, to_text(base.behaviour.mode), names.alt, to_text(alt.behaviour.mode)));
    return warnings;
  }
  const std::vector<std::string> differ = teams_paid_differently(base, alt);
  if (base.behaviour.mode == BehaviourMode::fixed && !differ.empty())
    warnings.push_back(fmt::format(
        "the pay of {} differs, but behaviour is fixed on both sides: nobody responds to pay, "
        "so revenue and volumes cannot move and only the cost of the new pay shows. To see "
        "how people respond, run both with --set behaviour.mode=adaptive.",
        join(differ, " and ")));
  return warnings;
}

Comparison compare_results(const RunResult& base, const RunResult& alt,
                           const ComparedNames& names) {
  Comparison c;
  try {
    c.rows = compare_headlines(base, alt);
  } catch (const Error& e) {
    throw UsageError(
        fmt::format("cannot pair {} and {}: {}; compare scenarios that report the same figures",
                    names.base, names.alt, e.what()));
  }
  c.base_only = figures_only_in(base, alt);
  c.alt_only = figures_only_in(alt, base);
  return c;
}

std::vector<Comparison> compare(const Scenario& base, const std::vector<Scenario>& alts,
                                PluginRegistry& registry, const Execution& execution) {
  // Every alternative is checked and its plugins loaded before anything runs, so a third
  // alternative that cannot be paired fails at once, not after the base and two others ran.
  std::vector<ComparedNames> names;
  std::vector<RunPlugins> plugins;
  for (const Scenario& alt : alts) {
    names.emplace_back(base.file.string(), alt.file.string());
    check_pairable(base, alt, names.back());
    plugins.push_back(resolve_plugins(alt, registry));
  }
  const int parts = static_cast<int>(alts.size()) + 1;
  const RunResult base_result =
      run_in_memory(base, resolve_plugins(base, registry), execution, 0, parts, "base");
  std::vector<Comparison> comparisons;
  for (std::size_t i = 0; i < alts.size(); ++i) {
    const RunResult alt_result =
        run_in_memory(alts[i], plugins[i], execution, static_cast<int>(i) + 1, parts, "alt ");
    comparisons.push_back(compare_results(base_result, alt_result, names[i]));
    comparisons.back().warnings = comparison_warnings(base, alts[i], names[i]);
  }
  return comparisons;
}

void check_compare_folder(const std::filesystem::path& dir, bool replace_existing) {
  AtomicFolder::check(dir, replace_existing, kCompareMarker);
}

CompareOutcome compare_to_folder(const Scenario& base, const RunPlugins& base_plugins,
                                 const Scenario& alt, const RunPlugins& alt_plugins,
                                 const ComparedNames& names, const ReportLabels& labels,
                                 const std::filesystem::path& dir, bool replace_existing,
                                 const Execution& execution) {
  // The folder is begun now so that each replication's rows go into base/ and alt/ as it
  // finishes, and are released; it appears under its name only once complete.
  AtomicFolder folder(dir, replace_existing, kCompareMarker);  // names the folder in its errors
  const std::filesystem::path& at = folder.partial();
  RunFolderWriter base_folder(at / "base", base, scenario_agents(base), metric_catalogue(), false),
      alt_folder(at / "alt", alt, scenario_agents(alt), metric_catalogue(), false);
  const RunResult base_result = run_simulation(
      base, base_plugins, execution.run_options(0, 2, "base", write_and_release(base_folder)));
  const RunResult alt_result = run_simulation(
      alt, alt_plugins, execution.run_options(1, 2, "alt ", write_and_release(alt_folder)));
  CompareOutcome outcome;
  outcome.comparison = compare_results(base_result, alt_result, names);
  outcome.comparison.warnings = comparison_warnings(base, alt, names);
  const Comparison& c = outcome.comparison;
  outcome.json = comparison_json(base, alt, c.rows, c.base_only, c.alt_only, c.warnings);
  std::vector<std::string> not_compared;
  for (const std::string& f : c.base_only) not_compared.push_back(f + " (base only)");
  for (const std::string& f : c.alt_only) not_compared.push_back(f + " (alt only)");

  // Outside the writing: a plan that faults on its earnings curve is a plugin fault.
  const AddFiles base_extras = run_folder_extras(base, base_plugins, base_result),
                 alt_extras = run_folder_extras(alt, alt_plugins, alt_result);
  try {
    base_folder.finish(base_result, run_manifest(base, base_plugins), base_extras);
    alt_folder.finish(alt_result, run_manifest(alt, alt_plugins), alt_extras);
    write_file(at / "comparison.csv", comparison_csv(c.rows));
    write_report(at,
                 compare_report_data({base, alt, base_result, alt_result, labels.base, labels.alt},
                                     c.rows, not_compared, c.warnings));
    // Last, so that even the partial folder holds comparison.json only once the rest is.
    write_file(at / kCompareMarker, summary_text(outcome.json));
  } catch (const std::exception& e) {
    // The partial folder goes with `folder`; the final name never appeared.
    throw OutputError("cannot write output folder '" + dir.string() + "': " + e.what());
  }
  folder.commit();
  return outcome;
}

}  // namespace tandem::study
