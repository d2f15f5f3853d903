// summary.json: what a run found, deterministic to the byte (no clock, no paths, no
// thread count), so two runs of the same scenario and seed give the same file.
//
//   run        scenario name and hash, seed, replications, Tandem version, SDK ABI, and
//              each plugin: slot, name, version, abi, kind, resolved params
//   warnings   plain sentences about figures that say the scenario is probably not what its
//              author meant (pay above revenue, a team paid nothing: output/sanity.hpp);
//              an empty list when there are none
//   headline   per headline figure, in the engine's order: unit, mean, ci95 [lo, hi]
//              (null for one replication), sd, n, median, p5, p95 (nearest rank); rounded
//              to 10 significant digits
//   precision  whether the replications were enough: the headlines whose 95% interval is
//              wider than ±5% of the mean (±1 pp for a share), each with the replications
//              that would narrow it (output/precision.hpp)
//   pay        exact cents from the ledger rows (the same rows as ledger.csv): in total, by
//              role and by component, with the mean per replication (cents, halves away
//              from zero), its spread over replications and its P5 / median / P95 (cost
//              risk: a bad and a good year); per role, the spread of what
//              one person is paid over the run (min, quartiles, max: nearest-rank, so
//              each is a real person's exact pay)
//   ledger_rows  how many rows ledger.csv has
//   metrics    the metric catalogue of metrics.csv: name -> unit, doc
//
// Keys keep this order (an ordered JSON object), so the file opens with the run block.
#pragma once

#include "model/results.hpp"
#include "model/run_manifest.hpp"
#include "model/scenario.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tandem {

using SummaryJson = nlohmann::ordered_json;

// Exact sums of ledger amounts, per replication so their spread can be reported too.
struct PayTotals {
  struct Group {
    std::vector<Money> per_replication;  // index = replication
    Money total;
  };
  Group all;
  std::map<Role, Group> by_role;              // every role that has agents or rows
  std::map<std::string, Group> by_component;  // sorted by name
  // Per role: what each person was paid over the run, one entry per person and
  // replication (people paid nothing included), sorted: the spread of pay within a role.
  std::map<Role, std::vector<Money>> per_person;
  std::size_t rows = 0;
};

// From the replications' digests (RowDigest), so it holds once the rows are released.
// Throws Error if a digest is not the run's (another number of agents), or on overflow.
PayTotals pay_totals(const RunResult& result);

// Figures as summary.json (and comparison.json) write them: rounded through decimal text
// to 10 significant digits, so the same input gives the same bits on any machine and the
// file does not show 17 digits that pretend to a precision the simulation lacks; -0 is 0.
double round_significant(double x);
// A figure, or null when there is none or it is not finite.
SummaryJson number_or_null(std::optional<double> x);
SummaryJson interval_or_null(const std::optional<std::pair<double, double>>& ci);

// Throws Error if the replications disagree on their headline figures.
SummaryJson make_summary(const Scenario& scenario, const RunResult& result,
                         const RunManifest& manifest);

// The text of summary.json: indented by 2, ending in a newline.
std::string summary_text(const SummaryJson& summary);

}  // namespace tandem
