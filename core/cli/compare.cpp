// tandem compare BASE ALT: both scenarios on common random numbers (the same seed and
// replications), then per headline figure the difference ALT - BASE with its paired 95%
// confidence interval, and the unpaired (Welch) one beside it. Writes a compare folder:
// base/ and alt/ (run folders), comparison.csv and comparison.json.
#include "cli/verbs.hpp"

#include "cli/interrupt.hpp"
#include "cli/run_support.hpp"
#include "config/scenario.hpp"
#include "model/scenario_words.hpp"
#include "engine/metrics.hpp"
#include "engine/replication.hpp"
#include "engine/simulation.hpp"
#include "stats/paired_comparison.hpp"
#include "output/atomic_folder.hpp"
#include "output/output_file.hpp"
#include "output/run_folder.hpp"
#include "output/summary.hpp"
#include "output/table.hpp"
#include "plugins/registry.hpp"
#include "report/compare_report.hpp"

#include <tandem/errors.hpp>
#include <tandem/version.hpp>

#include <fmt/chrono.h>
#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace tandem::cli {
namespace {

// Every compare folder has it (written last); --force replaces only folders that do.
constexpr const char* kMarker = "comparison.json";

constexpr const char* kUsage =
    "tandem compare BASE ALT [--out DIR] [--replications N] [--seed S] [--threads N] "
    "[--set KEY=VALUE]... [--set-base KEY=VALUE]... [--set-alt KEY=VALUE]... "
    "[--format table|json] [--force] [--db FILE | --no-history]";

std::string override_key(const std::string& assignment) {
  std::string key = assignment.substr(0, assignment.find('='));
  const auto begin = key.find_first_not_of(" \t"), end = key.find_last_not_of(" \t");
  return begin == std::string::npos ? "" : key.substr(begin, end - begin + 1);
}

// How messages name the two scenarios: by file name, told apart when it is the same.
std::pair<std::string, std::string> labels(const std::string& base_file,
                                           const std::string& alt_file) {
  const std::string b = fs::path(base_file).filename().string(),
                    a = fs::path(alt_file).filename().string();
  if (b != a) return {b, a};
  return {b + " (BASE)", a + " (ALT)"};
}

// A side as the user set it up: "baseline.yaml --set-alt sales.pay.params.rate=0.12".
std::string with_overrides(std::string label, const char* flag,
                           const std::vector<std::string>& sets) {
  for (const std::string& s : sets) label += std::string(" ") + flag + " " + s;
  return label;
}

// Loads both scenarios; ALT gets BASE's seed and replications. Every problem of both is
// reported at once (a problem in a shared --set only once).
std::pair<Scenario, Scenario> load_pair(const std::string& base_file, const std::string& alt_file,
                                        const std::vector<std::string>& base_sets,
                                        std::vector<std::string> alt_sets,
                                        PluginRegistry& registry) {
  std::vector<Problem> problems;
  const auto add = [&](const ScenarioError& e) {
    for (const Problem& p : e.problems())
      if (std::none_of(problems.begin(), problems.end(),
                       [&](const Problem& q) { return q.str() == p.str(); }))
        problems.push_back(p);
  };
  std::optional<Scenario> base, alt;
  try {
    base = load_scenario(base_file, base_sets, registry);
    // As overrides, so that they pass the usual checks and are recorded in alt's
    // scenario.yaml and hash.
    alt_sets.push_back("seed=" + std::to_string(base->seed));
    alt_sets.push_back("replications=" + std::to_string(base->replications));
  } catch (const ScenarioError& e) {
    add(e);
  }
  try {
    alt = load_scenario(alt_file, alt_sets, registry);
  } catch (const ScenarioError& e) {
    add(e);
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  return {std::move(*base), std::move(*alt)};
}

// Common random numbers pair replication i of BASE with replication i of ALT period by
// period, so the two must run over the same calendar.
void check_pairable(const Scenario& base, const Scenario& alt, const std::string& base_file,
                    const std::string& alt_file) {
  const auto [b, a] = labels(base_file, alt_file);
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
  if (!problems.empty()) throw ScenarioError(std::move(problems));
}

// A CSV cell: empty when there is no value (or it is not finite).
std::string cell(std::optional<double> x) {
  return x && std::isfinite(*x) ? fmt::format("{}", round_significant(*x)) : "";
}

std::string comparison_csv(const std::vector<PairedComparison>& rows) {
  std::string text =
      "headline,unit,base_mean,alt_mean,difference,relative_change,paired_ci_low,"
      "paired_ci_high,unpaired_ci_low,unpaired_ci_high,significant\n";
  for (const PairedComparison& c : rows) {
    const auto low = [](const std::optional<Interval>& ci) {
      return ci ? std::optional(ci->first) : std::nullopt;
    };
    const auto high = [](const std::optional<Interval>& ci) {
      return ci ? std::optional(ci->second) : std::nullopt;
    };
    // Headline names and units are plain identifiers: no quoting needed.
    text +=
        fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", c.name, c.unit, cell(c.base_mean),
                    cell(c.alt_mean), cell(c.difference), cell(c.relative_change),
                    cell(low(c.paired_ci95)), cell(high(c.paired_ci95)), cell(low(c.unpaired_ci95)),
                    cell(high(c.unpaired_ci95)), c.significant ? "true" : "false");
  }
  return text;
}

SummaryJson scenario_json(const Scenario& s, const char* folder) {
  SummaryJson j;
  j["scenario"] = s.name;
  j["scenario_hash"] = s.hash;
  j["folder"] = folder;
  return j;
}

// comparison.json: deterministic like summary.json (no clock, no paths).
SummaryJson comparison_json(const Scenario& base, const Scenario& alt,
                            const std::vector<PairedComparison>& rows,
                            const std::vector<std::string>& base_only,
                            const std::vector<std::string>& alt_only) {
  SummaryJson j;
  j["base"] = scenario_json(base, "base");
  j["alt"] = scenario_json(alt, "alt");
  j["seed"] = base.seed;
  j["replications"] = base.replications;
  j["tandem_version"] = TANDEM_VERSION_STRING;
  j["difference"] = "alt - base, replication by replication (common random numbers)";
  j["confidence"] = 0.95;
  SummaryJson headline = SummaryJson::object();
  for (const PairedComparison& c : rows) {
    SummaryJson h;
    h["unit"] = c.unit;
    h["n"] = c.n;
    h["base_mean"] = number_or_null(c.base_mean);
    h["alt_mean"] = number_or_null(c.alt_mean);
    h["difference"] = number_or_null(c.difference);
    h["relative_change"] = number_or_null(c.relative_change);
    h["paired_ci95"] = interval_or_null(c.paired_ci95);
    h["unpaired_ci95"] = interval_or_null(c.unpaired_ci95);
    h["difference_sd"] = number_or_null(c.difference_sd);
    h["welch_df"] = number_or_null(c.welch_df);
    h["significant"] = c.significant;
    headline[c.name] = std::move(h);
  }
  j["headline"] = std::move(headline);
  // Figures of parts only one scenario has (a channel's spend share): nothing to pair.
  j["not_compared"] = {{"base_only", base_only}, {"alt_only", alt_only}};
  return j;
}

// A difference as the table shows it: a difference of shares is in percentage points.
std::string difference_figure(double value, const std::string& unit) {
  std::string text = format_figure(value, unit);
  if (unit == "share" && !text.empty() && text.back() == '%')
    text.replace(text.size() - 1, 1, " pp");
  return text;
}

// A difference with its sign, unless it shows as zero.
std::string signed_figure(double value, const std::string& unit) {
  std::string text = difference_figure(value, unit);
  if (value > 0 && text.find_first_of("123456789") != std::string::npos) text = "+" + text;
  return text;
}

std::string interval_text(const std::optional<Interval>& ci, const std::string& unit) {
  if (!ci) return "n/a";
  return "[" + difference_figure(ci->first, unit) + ", " + difference_figure(ci->second, unit) +
         "]";
}

void print_comparison_table(std::ostream& out, const Scenario& base,
                            const std::vector<PairedComparison>& rows) {
  std::vector<std::vector<std::string>> table = {
      {"metric", "base", "alt", "alt - base", "paired 95% CI", "unpaired 95% CI"}};
  bool any_significant = false;
  for (const PairedComparison& c : rows) {
    any_significant = any_significant || c.significant;
    table.push_back({c.name, format_figure(c.base_mean, c.unit), format_figure(c.alt_mean, c.unit),
                     signed_figure(c.difference, c.unit) + (c.significant ? " *" : "  "),
                     interval_text(c.paired_ci95, c.unit), interval_text(c.unpaired_ci95, c.unit)});
  }
  std::string text =
      fmt::format("alt - base on common random numbers: {} paired replication{}, seed {}\n\n",
                  base.replications, base.replications == 1 ? "" : "s", base.seed) +
      table_text(table);
  if (any_significant)
    text +=
        "\n* the paired 95% CI excludes 0: a difference the replications cannot explain "
        "away as chance\n";
  out << text;
}

}  // namespace

int compare_verb(const Args& args) {
  std::string base_file, alt_file, out, format = "table";
  std::vector<std::string> sets, base_only, alt_only;
  int threads = 0;
  PluginPathOption plugin_path;
  HistoryHook history;
  po::options_description options("options");
  options.add_options()("base", po::value(&base_file), "the base scenario file (YAML)")(
      "alt", po::value(&alt_file), "the alternative scenario file (YAML); may be BASE again")(
      "out,o", po::value(&out),
      "compare folder to write (default: runs/compare-<base>-vs-<alt>-<time>)")(
      "replications,r", po::value<long long>(), "replications of both (default: BASE's)")(
      "seed,s", po::value<unsigned long long>(), "random seed of both (default: BASE's)")(
      "threads,j", po::value(&threads),
      "worker threads (default: all cores); results do not depend on it")(
      "set", po::value(&sets)->composing(),
      "KEY=VALUE override of both scenarios, e.g. horizon.periods=52 (repeatable)")(
      "set-base", po::value(&base_only)->composing(),
      "KEY=VALUE override of BASE only (repeatable)")(
      "set-alt", po::value(&alt_only)->composing(),
      "KEY=VALUE override of ALT only, e.g. sales.pay.params.rate=0.12 (repeatable)")(
      "format", po::value(&format), "what to print: table or json (comparison.json)")(
      "force", "replace the --out folder if it exists");
  plugin_path.add_to(options);
  history.add_to(options);
  po::positional_options_description positionals;
  positionals.add("base", 1).add("alt", 1);
  po::variables_map vm;
  if (!parse("compare", kUsage, args, options, positionals, vm)) return 0;
  if (base_file.empty() || alt_file.empty())
    throw UsageError(
        "tandem compare: which two scenarios? e.g. 'tandem compare scenarios/baseline.yaml "
        "scenarios/baseline.yaml --set-alt sales.pay.params.rate=0.12'");
  if (format != "table" && format != "json")
    throw UsageError("tandem compare: --format must be 'table' or 'json', got '" + format + "'");
  if (threads < 0) throw UsageError("tandem compare: --threads must be 0 (all cores) or more");
  for (const std::string& s : alt_only) {
    const std::string key = override_key(s);
    if (key == "seed" || key == "replications")
      throw UsageError("tandem compare: --set-alt " + s + ": both scenarios run with BASE's " +
                       key + " (common random numbers); set it for both with --" + key +
                       " or --set");
  }

  // Shared overrides first, then each side's, then --seed / --replications (a later one
  // wins), so both scenario.yaml files record what was run.
  std::vector<std::string> base_sets = sets, alt_sets = sets;
  base_sets.insert(base_sets.end(), base_only.begin(), base_only.end());
  alt_sets.insert(alt_sets.end(), alt_only.begin(), alt_only.end());
  for (std::string& s : seed_and_replications(vm)) base_sets.push_back(std::move(s));

  PluginRegistry registry(plugin_search_path(plugin_path.paths));
  const auto [base, alt] = load_pair(base_file, alt_file, base_sets, alt_sets, registry);
  check_pairable(base, alt, base_file, alt_file);
  const fs::path dir =
      out.empty()
          ? default_out("compare-" + folder_part(base.name) + "-vs-" + folder_part(alt.name))
          : fs::path(out);
  const bool replace = vm.count("force") > 0;
  AtomicFolder::check(dir, replace, kMarker);  // fail before loading plugins or the history

  const RunPlugins base_plugins = resolve_plugins(base, registry),
                   alt_plugins = resolve_plugins(alt, registry);
  history.open("compare", args);  // a history that cannot be written fails before simulating too
  // The folder is begun now so that each replication's rows go into base/ and alt/ as it
  // finishes, and are released; it appears under its name only once complete.
  AtomicFolder folder(dir, replace, kMarker);  // names the folder in its errors
  const fs::path& at = folder.partial();
  RunFolderWriter base_folder(at / "base", base, scenario_agents(base), metric_catalogue(), false),
      alt_folder(at / "alt", alt, scenario_agents(alt), metric_catalogue(), false);
  RunOptions run_options;
  run_options.threads = threads;
  run_options.stop = stop_on_interrupt();
  run_options.progress = terminal_progress("base");
  run_options.on_replication = write_and_release(base_folder);
  const RunResult base_result = run_simulation(base, base_plugins, run_options);
  run_options.progress = terminal_progress("alt ");
  run_options.on_replication = write_and_release(alt_folder);
  const RunResult alt_result = run_simulation(alt, alt_plugins, run_options);
  std::vector<PairedComparison> rows;
  try {
    rows = compare_headlines(base_result, alt_result);
  } catch (const Error& e) {
    const auto [b, a] = labels(base_file, alt_file);
    throw UsageError(
        fmt::format("cannot pair {} and {}: {}; compare scenarios that report the same figures", b,
                    a, e.what()));
  }
  const std::vector<std::string> base_only_figures = figures_only_in(base_result, alt_result),
                                 alt_only_figures = figures_only_in(alt_result, base_result);
  const SummaryJson comparison =
      comparison_json(base, alt, rows, base_only_figures, alt_only_figures);
  std::vector<std::string> not_compared;
  for (const std::string& f : base_only_figures) not_compared.push_back(f + " (base only)");
  for (const std::string& f : alt_only_figures) not_compared.push_back(f + " (alt only)");

  // Outside the writing: a plan that faults on its earnings curve is a plugin fault.
  const AddFiles base_extras = run_folder_extras(base, base_plugins, base_result),
                 alt_extras = run_folder_extras(alt, alt_plugins, alt_result);
  try {
    base_folder.finish(base_result, run_manifest(base, base_plugins), base_extras);
    alt_folder.finish(alt_result, run_manifest(alt, alt_plugins), alt_extras);
    write_file(at / "comparison.csv", comparison_csv(rows));
    const auto [b, a] = labels(base_file, alt_file);
    write_report(at, compare_report_data({base, alt, base_result, alt_result,
                                          with_overrides(b, "--set-base", base_only),
                                          with_overrides(a, "--set-alt", alt_only)},
                                         rows, not_compared));
    // Last, so that even the partial folder holds comparison.json only once the rest is.
    write_file(at / kMarker, summary_text(comparison));
  } catch (const std::exception& e) {
    // The partial folder goes with `folder`; the final name never appeared.
    throw OutputError("cannot write output folder '" + dir.string() + "': " + e.what());
  }
  folder.commit();
  const std::string recorded = history.record(
      RecordKind::compare, {recorded_scenario("base", base), recorded_scenario("alt", alt)},
      base.seed, base.replications, dir, difference_figures(rows));

  if (format == "json") {
    std::cout << summary_text(comparison);
    fmt::print(stderr, "wrote {}{}\n", dir.string(), recorded);
  } else {
    print_comparison_table(std::cout, base, rows);
    fmt::print("\nwrote {}{}\n", dir.string(), recorded);
  }
  return 0;
}

}  // namespace tandem::cli
