// Comparing scenarios on common random numbers: every alternative runs with the base's
// seed and replications, so replication i of each sees the same market, and each headline
// figure's difference ALT - BASE comes with a paired 95% interval.
#pragma once

#include "model/results.hpp"
#include "model/scenario.hpp"
#include "output/summary.hpp"
#include "plugins/registry.hpp"
#include "stats/paired_comparison.hpp"
#include "study/execution.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tandem::study {

// How messages name the two sides: by file name, told apart when it is the same file.
struct ComparedNames {
  std::string base, alt;
  ComparedNames(const std::string& base_file, const std::string& alt_file);
};

// The overrides of a comparison ("KEY=VALUE", as --set takes them): of both sides, of BASE
// only, of every ALT only, and the run size (seed=, replications=), which BASE takes and
// every ALT then copies from it, since both must run on the same random numbers.
struct CompareOverrides {
  std::vector<std::string> both, base, alt, run_size;
};

// Loads BASE and each ALT. BASE gets `both`, `base`, then `run_size`; each ALT `both`, `alt`,
// then BASE's seed and replications, as overrides, so that they pass the usual checks and
// are recorded in its scenario.yaml and hash. Throws UsageError if `alt` sets the seed or
// the replications; ScenarioError with every problem of every file at once (a problem in a
// shared override only once). Returns BASE, then each ALT.
std::vector<Scenario> load_compared(const std::string& base_file,
                                    const std::vector<std::string>& alt_files,
                                    const CompareOverrides& overrides, PluginRegistry& registry);

// Common random numbers pair replication i of BASE with replication i of ALT period by
// period, so the two must run over the same calendar. Throws ScenarioError saying which
// key differs and how to make them equal.
void check_pairable(const Scenario& base, const Scenario& alt, const ComparedNames& names);

// What a reader must know before trusting a comparison: that it mixes more than the change
// being compared. Two cases, each a plain sentence naming the sides and the fix:
//  - the two sides run different behaviour modes (fixed and adaptive are different
//    companies on the same market: the difference would mix the change with how people
//    decide, and can reverse its sign);
//  - pay differs while behaviour is fixed on both sides (nobody responds to pay, so revenue
//    and volumes cannot move: only the cost of the new pay shows).
// Empty when neither holds.
std::vector<std::string> comparison_warnings(const Scenario& base, const Scenario& alt,
                                             const ComparedNames& names);

// The paid teams ("marketing", "sales", "sdrs") whose pay differs between two scenarios:
// another plan, period, parameter, component or salary.
std::vector<std::string> teams_paid_differently(const Scenario& a, const Scenario& b);

// ALT - BASE for each headline figure both report, and the figures only one reports (a
// channel only one has): nothing to pair.
struct Comparison {
  std::vector<PairedComparison> rows;
  std::vector<std::string> base_only, alt_only;
  std::vector<std::string> warnings;  // comparison_warnings()
};

// Throws UsageError, naming both sides, if the results cannot be paired.
Comparison compare_results(const RunResult& base, const RunResult& alt, const ComparedNames& names);

// BASE and every ALT run in memory (nothing written), each ALT compared with BASE: what
// a caller that wants figures, not folders, asks. The scenarios come from load_compared.
// An ALT that cannot be paired (check_pairable) throws before anything runs.
std::vector<Comparison> compare(const Scenario& base, const std::vector<Scenario>& alts,
                                PluginRegistry& registry, const Execution& execution);

// A compare folder: base/ and alt/ (run folders), comparison.csv, comparison.json and
// report.html. comparison.json is written last: only a complete folder holds it.
inline constexpr const char* kCompareMarker = "comparison.json";

// Whether `dir` may be written (see AtomicFolder::check), before any simulating.
void check_compare_folder(const std::filesystem::path& dir, bool replace_existing);

struct CompareOutcome {
  Comparison comparison;
  SummaryJson json;  // as written to comparison.json
};

// How the report names each side: the file and the overrides of that side,
// "baseline.yaml --set-alt sales.pay.params.rate=0.12".
struct ReportLabels {
  std::string base, alt;
  ReportLabels(const ComparedNames& names, const CompareOverrides& overrides);
};

// Runs BASE and ALT into the compare folder `dir`: each replication's rows go to base/ and
// alt/ as it finishes, and the folder appears under its name only once complete.
CompareOutcome compare_to_folder(const Scenario& base, const RunPlugins& base_plugins,
                                 const Scenario& alt, const RunPlugins& alt_plugins,
                                 const ComparedNames& names, const ReportLabels& labels,
                                 const std::filesystem::path& dir, bool replace_existing,
                                 const Execution& execution);

}  // namespace tandem::study
