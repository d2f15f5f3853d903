#include "output/run_folder.hpp"

#include "output/atomic_folder.hpp"
#include "output/csv_writers.hpp"
#include "output/output_file.hpp"
#include "output/statement_text.hpp"
#include "output/summary.hpp"

#include <tandem/errors.hpp>

#include <exception>
#include <string>
#include <utility>

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

}  // namespace

struct RunFolderWriter::Tables {
  Tables(const std::filesystem::path& at, const std::vector<Agent>& agents,
         const std::vector<MetricSpec>& specs)
      : metrics_file(at / "metrics.csv"),
        ledger_file(at / "ledger.csv"),
        metrics(agents, specs, [this](std::string_view chunk) { metrics_file.write(chunk); }),
        ledger(agents, [this](std::string_view chunk) { ledger_file.write(chunk); }) {}

  OutputFile metrics_file;
  OutputFile ledger_file;
  MetricsCsv metrics;
  LedgerCsv ledger;
};

RunFolderWriter::RunFolderWriter(std::filesystem::path dir, const Scenario& scenario,
                                 const std::vector<Agent>& agents,
                                 const std::vector<MetricSpec>& specs, bool replace_existing)
    : dir_(std::move(dir)), scenario_(scenario) {
  // AtomicFolder names the folder in its own errors.
  folder_ = std::make_unique<AtomicFolder>(dir_, replace_existing, kMarker);
  try {
    tables_ = std::make_unique<Tables>(folder_->partial(), agents, specs);
  } catch (const std::exception& e) {
    fail(e);
  }
}

RunFolderWriter::~RunFolderWriter() = default;

void RunFolderWriter::fail(const std::exception& e) const {
  // The partial folder goes with folder_; the final name never appeared.
  throw OutputError("cannot write output folder '" + dir_.string() + "': " + e.what());
}

void RunFolderWriter::add(int r, const ReplicationResult& replication) {
  if (!tables_ || r != next_)
    throw Error("run folder '" + dir_.string() + "': replication " + std::to_string(r) +
                " added out of order (expected " + std::to_string(next_) + ")");
  try {
    tables_->metrics.add(static_cast<std::size_t>(r), replication.metrics);
    tables_->ledger.add(static_cast<std::size_t>(r), replication.ledger);
  } catch (const std::exception& e) {
    fail(e);
  }
  ++next_;
}

SummaryJson RunFolderWriter::finish(const RunResult& result, const RunManifest& manifest,
                                    const AddFiles& add_files) {
  if (!tables_ || static_cast<std::size_t>(next_) != result.replications.size())
    throw Error("run folder '" + dir_.string() + "': " + std::to_string(next_) + " of " +
                std::to_string(result.replications.size()) + " replications written");
  SummaryJson summary;
  try {
    const auto& at = folder_->partial();
    summary = make_summary(scenario_, result, manifest);
    tables_->metrics.finish();
    tables_->ledger.finish();
    tables_->metrics_file.close();
    tables_->ledger_file.close();
    tables_.reset();
    write_file(at / "scenario.yaml", scenario_.resolved_yaml);
    write_statements(at / "statements", scenario_, result);
    if (add_files) add_files(at, summary);
    // Last, so that even the partial folder holds summary.json only once the rest is there.
    write_file(at / kMarker, summary_text(summary));
  } catch (const std::exception& e) {
    fail(e);
  }
  folder_->commit();
  return summary;
}

void check_run_folder(const std::filesystem::path& dir, bool replace_existing) {
  AtomicFolder::check(dir, replace_existing, kMarker);
}

SummaryJson write_run_folder(const std::filesystem::path& dir, const Scenario& scenario,
                             const RunResult& result, const RunManifest& manifest,
                             bool replace_existing, const AddFiles& add_files) {
  RunFolderWriter writer(dir, scenario, result.agents, result.metric_specs, replace_existing);
  for (std::size_t r = 0; r < result.replications.size(); ++r)
    writer.add(static_cast<int>(r), result.replications[r]);
  return writer.finish(result, manifest, add_files);
}

}  // namespace tandem
