#include "output/run_folder.hpp"

#include "output/atomic_folder.hpp"
#include "output/csv_writers.hpp"
#include "output/output_file.hpp"
#include "output/summary.hpp"

#include <tandem/errors.hpp>

#include <exception>
#include <string>

namespace tandem {
namespace {

// Every run folder has it; --force replaces only folders that do (or empty ones).
constexpr const char* kMarker = "summary.json";

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

void write_run_folder(const std::filesystem::path& dir, const Scenario& scenario,
                      const RunResult& result, const RunManifest& manifest, bool replace_existing,
                      const AddFiles& add_files) {
  AtomicFolder folder(dir, replace_existing, kMarker);  // names the folder in its errors
  try {
    const auto& at = folder.partial();
    const std::string summary = summary_text(make_summary(scenario, result, manifest));
    write_csv(at / "metrics.csv", result, &write_metrics_csv);
    write_csv(at / "ledger.csv", result, &write_ledger_csv);
    write_file(at / "scenario.yaml", scenario.resolved_yaml);
    if (add_files) add_files(at);
    // Last, so that even the partial folder holds summary.json only once the rest is there.
    write_file(at / kMarker, summary);
  } catch (const std::exception& e) {
    // The partial folder goes with `folder`; the final name never appeared.
    throw OutputError("cannot write output folder '" + dir.string() + "': " + e.what());
  }
  folder.commit();
}

}  // namespace tandem
