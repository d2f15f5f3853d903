#include "cli/run_support.hpp"

#include "engine/row_digest.hpp"
#include "output/earnings_curve_csv.hpp"
#include "history/history_location.hpp"
#include "output/output_file.hpp"
#include "report/run_report.hpp"

#include <tandem/errors.hpp>

#include <fmt/chrono.h>
#include <fmt/core.h>

#include <unistd.h>

#include <cstdio>

namespace tandem::cli {

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

std::function<void(int, int)> terminal_progress(const std::string& label) {
  if (!isatty(STDERR_FILENO)) return {};
  const std::string prefix = label.empty() ? "" : label + " ";
  return [prefix](int done, int total) {
    const int width = 30, filled = done * width / total;
    fmt::print(stderr, "\r  {}[{:=<{}}{: <{}}] {}/{} replications", prefix, "", filled, "",
               width - filled, done, total);
    if (done == total)
      fmt::print(stderr, "\r{: <{}}\r", "", width + 40 + static_cast<int>(prefix.size()));
    std::fflush(stderr);
  };
}

SweepProgress::SweepProgress(int points, int replications)
    : points_(points), replications_(replications), shown_(isatty(STDERR_FILENO) != 0) {}

std::function<void(int, int)> SweepProgress::point(int index) {
  if (!shown_) return {};
  return [this, index](int done, int) {
    const int total = points_ * replications_, all = index * replications_ + done;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double left = all > 0 ? elapsed * (total - all) / all : 0.0;
    const int width = 30, filled = all * width / total;
    fmt::print(stderr, "\r  point {}/{} [{:=<{}}{: <{}}] {}/{} replications, about {:.0f} s left ",
               index + 1, points_, "", filled, "", width - filled, all, total, left);
    if (all == total) fmt::print(stderr, "\r{: <{}}\r", "", width + 80);
    std::fflush(stderr);
  };
}

std::vector<std::string> seed_and_replications(const boost::program_options::variables_map& vm) {
  std::vector<std::string> sets;
  if (vm.count("seed"))
    sets.push_back("seed=" + std::to_string(vm["seed"].as<unsigned long long>()));
  if (vm.count("replications"))
    sets.push_back("replications=" + std::to_string(vm["replications"].as<long long>()));
  return sets;
}

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

void HistoryHook::add_to(boost::program_options::options_description& options) {
  namespace po = boost::program_options;
  options.add_options()("db", po::value(&db_),
                        "run history file to record in (default: see 'tandem history --help')")(
      "no-history", po::bool_switch(&off_), "do not record this command in the run history");
}

void HistoryHook::open(const std::string& verb, const Args& args) {
  arguments_ = {verb};
  arguments_.insert(arguments_.end(), args.begin(), args.end());
  if (off_) return;
  const HistoryLocation where = history_location(db_);
  try {
    history_ = RunHistory::open_for_recording(where.file);
  } catch (const OutputError& e) {
    throw OutputError(fmt::format(
        "{}; {}record elsewhere with --db FILE, or run without recording with --no-history",
        e.what(),
        where.source == "TANDEM_HISTORY_DB" ? "TANDEM_HISTORY_DB names that file: " : ""));
  }
}

std::string HistoryHook::record(RecordKind kind, std::vector<RecordedScenario> scenarios,
                                std::uint64_t seed, int replications,
                                const std::filesystem::path& folder,
                                std::vector<RecordedFigure> figures) {
  if (!history_) return "";
  RunRecord r;
  r.kind = kind;
  r.scenarios = std::move(scenarios);
  r.seed = seed;
  r.replications = replications;
  r.arguments = arguments_;
  r.figures = std::move(figures);
  try {
    r.directory = std::filesystem::current_path().string();
    r.folder = std::filesystem::weakly_canonical(std::filesystem::absolute(folder)).string();
    return fmt::format(" (history: run {})", history_->record(std::move(r)));
  } catch (const std::exception& e) {
    throw Error(
        fmt::format("the folder '{}' is complete, but this {} was not recorded in the "
                    "run history: {}",
                    folder.string(), to_text(kind), e.what()));
  }
}

RecordedScenario recorded_scenario(const std::string& role, const Scenario& scenario) {
  return {role, scenario.name, scenario.hash};
}

std::vector<RecordedFigure> headline_figures(const SummaryJson& summary, int scenario) {
  std::vector<RecordedFigure> figures;
  const auto number = [](const SummaryJson& j, const char* key) -> std::optional<double> {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
  };
  const auto headline = summary.find("headline");
  if (headline == summary.end() || !headline->is_object()) return figures;
  for (const auto& [name, h] : headline->items()) {
    if (!h.is_object()) continue;
    RecordedFigure f;
    f.scenario = scenario;
    f.name = name;
    f.unit = h.value("unit", "");
    f.value = number(h, "mean");
    const auto ci = h.find("ci95");
    if (ci != h.end() && ci->is_array() && ci->size() == 2 && (*ci)[0].is_number() &&
        (*ci)[1].is_number()) {
      f.ci_low = (*ci)[0].get<double>();
      f.ci_high = (*ci)[1].get<double>();
    }
    figures.push_back(std::move(f));
  }
  return figures;
}

std::vector<RecordedFigure> difference_figures(const std::vector<PairedComparison>& rows) {
  std::vector<RecordedFigure> figures;
  for (const PairedComparison& c : rows) {
    // Rounded as comparison.json has them.
    RecordedFigure f;
    f.kind = FigureKind::difference;
    f.name = c.name;
    f.unit = c.unit;
    f.value = round_significant(c.difference);
    if (c.paired_ci95) {
      f.ci_low = round_significant(c.paired_ci95->first);
      f.ci_high = round_significant(c.paired_ci95->second);
    }
    figures.push_back(std::move(f));
  }
  return figures;
}

}  // namespace tandem::cli
