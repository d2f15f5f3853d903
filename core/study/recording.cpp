#include "study/recording.hpp"

#include "history/history_location.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

namespace tandem::study {

Recording::Recording(const std::string& db, std::vector<std::string> command)
    : command_(std::move(command)) {
  const HistoryLocation where = history_location(db);
  try {
    history_ = RunHistory::open_for_recording(where.file);
  } catch (const OutputError& e) {
    throw OutputError(fmt::format(
        "{}; {}record elsewhere with --db FILE, or run without recording with --no-history",
        e.what(),
        where.source == "TANDEM_HISTORY_DB" ? "TANDEM_HISTORY_DB names that file: " : ""));
  }
}

std::string Recording::record(RecordKind kind, std::vector<RecordedScenario> scenarios,
                              std::uint64_t seed, int replications,
                              const std::filesystem::path& folder,
                              std::vector<RecordedFigure> figures) {
  if (!history_) return "";
  RunRecord r;
  r.kind = kind;
  r.scenarios = std::move(scenarios);
  r.seed = seed;
  r.replications = replications;
  r.arguments = command_;
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

}  // namespace tandem::study
