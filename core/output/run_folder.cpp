#include "output/run_folder.hpp"

#include "output/atomic_folder.hpp"
#include "output/csv_writers.hpp"
#include "output/output_file.hpp"
#include "output/statement_text.hpp"
#include "output/summary.hpp"

#include <tandem/errors.hpp>

#include <exception>
#include <string>

namespace tandem {
namespace {

// Every run folder has it; --force replaces only folders that do (or empty ones).
constexpr const char* kMarker = "summary.json";

// statements/<person>.txt: each person's statements in the first replication, pay period
// by pay period, with the deals behind them. (Every replication's lines are in ledger.csv.)
void write_statements(const std::filesystem::path& dir, const Scenario& scenario,
                      const RunResult& result) {
  if (result.replications.empty() || result.replications[0].statements.empty()) return;
  std::filesystem::create_directory(dir);
  std::vector<std::string> text(result.agents.size());
  for (std::size_t a = 0; a < result.agents.size(); ++a)
    text[a] = "Statements of " + result.agents[a].id + " (" + to_string(result.agents[a].role) +
              "), scenario '" + scenario.name + "', replication 0.\n" +
              "Amounts are exact; each line's rule is beside it. Periods are numbered as in "
              "metrics.csv, pay periods as in ledger.csv.\n\n";
  for (const StatementRecord& r : result.replications[0].statements) {
    const Agent& agent = result.agents.at(static_cast<std::size_t>(r.person));
    CreditedPeriod credited{agent.id, to_string(agent.role),
                            std::string(to_string(r.period.kind)) + " " +
                                std::to_string(r.period.index) + " (periods " +
                                std::to_string(r.period.first_period) + "-" +
                                std::to_string(r.period.last_period) + ")",
                            r.period, r.credits};
    credited.credits.deals = r.deals;
    credited.credits.cancellations = r.cancellations;
    Statement statement;
    for (const StatementLine& l : r.lines) statement.add(l.component, l.amount, l.reason);
    text[static_cast<std::size_t>(r.person)] += statement_text(credited, statement) + "\n";
  }
  for (std::size_t a = 0; a < result.agents.size(); ++a)
    write_file(dir / (result.agents[a].id + ".txt"), text[a]);
}

void write_csv(const std::filesystem::path& path, const RunResult& result,
               void (*writer)(const RunResult&, const ChunkSink&)) {
  OutputFile file(path);
  writer(result, [&](std::string_view chunk) { file.write(chunk); });
  file.close();
}

}  // namespace

void check_run_folder(const std::filesystem::path& dir, bool replace_existing) {
  AtomicFolder::check(dir, replace_existing, kMarker);
}

SummaryJson write_run_folder(const std::filesystem::path& dir, const Scenario& scenario,
                             const RunResult& result, const RunManifest& manifest,
                             bool replace_existing, const AddFiles& add_files) {
  AtomicFolder folder(dir, replace_existing, kMarker);  // names the folder in its errors
  SummaryJson summary;
  try {
    const auto& at = folder.partial();
    summary = make_summary(scenario, result, manifest);
    write_csv(at / "metrics.csv", result, &write_metrics_csv);
    write_csv(at / "ledger.csv", result, &write_ledger_csv);
    write_file(at / "scenario.yaml", scenario.resolved_yaml);
    write_statements(at / "statements", scenario, result);
    if (add_files) add_files(at, summary);
    // Last, so that even the partial folder holds summary.json only once the rest is there.
    write_file(at / kMarker, summary_text(summary));
  } catch (const std::exception& e) {
    // The partial folder goes with `folder`; the final name never appeared.
    throw OutputError("cannot write output folder '" + dir.string() + "': " + e.what());
  }
  folder.commit();
  return summary;
}

}  // namespace tandem
