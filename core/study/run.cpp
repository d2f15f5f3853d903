#include "study/run.hpp"

#include "engine/replication.hpp"
#include "engine/row_digest.hpp"
#include "experiments/earnings_curve.hpp"
#include "model/catalogue.hpp"
#include "output/earnings_curve_csv.hpp"
#include "output/output_file.hpp"
#include "report/run_report.hpp"

namespace tandem::study {

RunManifest run_manifest(const Scenario& scenario, const RunPlugins& plugins) {
  RunManifest manifest{scenario.seed, scenario.replications, {}};
  const auto use = [&](const std::string& slot, const LoadedPlugin& p) {
    manifest.plugins.push_back({slot, p.name(), p.version(), p.abi(), p.kind()});
  };
  use("lead_policy", *plugins.lead_policy);
  const std::vector<PaidTeam> teams = paid_teams(scenario);
  for (std::size_t t = 0; t < teams.size(); ++t)
    for (std::size_t i = 0; i < plugins.pay[t].size(); ++i)
      use(teams[t].key + ".pay" + (i == 0 ? "" : ".components[" + std::to_string(i - 1) + "]"),
          *plugins.pay[t][i]);
  return manifest;
}

AddFiles run_folder_extras(const Scenario& scenario, const RunPlugins& plugins,
                           const RunResult& result) {
  // The curves call the plans, so they are computed now, outside the folder's writing: a plan
  // that faults on them fails the run as the plugin's fault, not as an unwritable folder.
  return [&scenario, &result, curves = earnings_curves(scenario, plugins, result)](
             const std::filesystem::path& folder, const SummaryJson& summary) {
    write_file(folder / "earnings_curve.csv", earnings_curve_csv(curves));
    write_report(folder, run_report_data(scenario, result, summary, curves));
  };
}

std::function<void(int, ReplicationResult&)> write_and_release(RunFolderWriter& folder) {
  return [&folder](int r, ReplicationResult& replication) {
    folder.add(r, replication);
    release_rows(replication);
  };
}

RunOutcome run_to_folder(const Scenario& scenario, const RunPlugins& plugins,
                         const std::filesystem::path& dir, bool replace_existing,
                         const Execution& execution) {
  RunFolderWriter folder(dir, scenario, scenario_agents(scenario), metric_catalogue(),
                         replace_existing);
  RunOutcome outcome;
  outcome.result =
      run_simulation(scenario, plugins, execution.run_options(0, 1, "", write_and_release(folder)));
  outcome.summary = folder.finish(outcome.result, run_manifest(scenario, plugins),
                                  run_folder_extras(scenario, plugins, outcome.result));
  return outcome;
}

RunResult run_in_memory(const Scenario& scenario, const RunPlugins& plugins,
                        const Execution& execution, int part, int parts, const std::string& label) {
  return run_simulation(scenario, plugins,
                        execution.run_options(part, parts, label,
                                              [](int, ReplicationResult& r) { release_rows(r); }));
}

}  // namespace tandem::study
