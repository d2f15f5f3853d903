#include "study/history_text.hpp"

#include "common/did_you_mean.hpp"
#include "output/summary.hpp"
#include "output/table.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <system_error>

namespace tandem::study {
namespace {

// A word of a command as a shell would need it typed.
std::string shell_word(const std::string& word) {
  const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](unsigned char c) {
    return std::isalnum(c) ||
           std::string_view("_./=:,+-@%").find(static_cast<char>(c)) != std::string_view::npos;
  });
  if (plain) return word;
  std::string quoted = "'";
  for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string command_text(const RunRecord& r) {
  std::string text = "tandem";
  for (const std::string& word : r.arguments) text += " " + shell_word(word);
  return text;
}

// "baseline", "baseline vs baseline" (a compare), or the names of a sweep's scenarios.
std::string scenario_names(const RunRecord& r) {
  if (r.kind == RecordKind::compare && r.scenarios.size() == 2)
    return r.scenarios[0].name + " vs " + r.scenarios[1].name;
  std::vector<std::string> names;
  for (const RecordedScenario& s : r.scenarios)
    if (std::find(names.begin(), names.end(), s.name) == names.end()) names.push_back(s.name);
  return join(names);
}

// A figure as the tables show it: a difference of shares in percentage points, and (when
// `sign`) a positive difference with its sign, as tandem compare shows them.
std::string figure_text(const RecordedFigure& f, std::optional<double> value, bool sign = true) {
  if (!value) return "n/a";
  std::string text = format_figure(*value, f.unit);
  if (f.kind == FigureKind::difference) {
    if (f.unit == "share" && !text.empty() && text.back() == '%')
      text.replace(text.size() - 1, 1, " pp");
    if (sign && *value > 0 && text.find_first_of("123456789") != std::string::npos)
      text = "+" + text;
  }
  return text;
}

// The revenue column: the run's mean, or a compare's difference; empty unless exactly one.
std::string revenue_text(const RunRecord& r) {
  const RecordedFigure* found = nullptr;
  for (const RecordedFigure& f : r.figures) {
    if (f.name != "revenue") continue;
    if (found) return "";
    found = &f;
  }
  return found ? figure_text(*found, found->value) : "";
}

SummaryJson interval_json(const RecordedFigure& f) {
  return f.ci_low && f.ci_high ? SummaryJson::array({*f.ci_low, *f.ci_high}) : SummaryJson();
}

SummaryJson record_json(const RunRecord& r) {
  SummaryJson j;
  j["id"] = r.id;
  j["kind"] = to_text(r.kind);
  j["time"] = r.time;
  j["tandem_version"] = r.tandem_version;
  j["sdk_abi"] = r.sdk_abi;
  SummaryJson scenarios = SummaryJson::array();
  for (const RecordedScenario& s : r.scenarios)
    scenarios.push_back({{"role", s.role}, {"name", s.name}, {"hash", s.hash}});
  j["scenarios"] = std::move(scenarios);
  j["seed"] = r.seed;
  j["replications"] = r.replications;
  j["arguments"] = r.arguments;
  j["directory"] = r.directory;
  j["folder"] = r.folder;
  SummaryJson figures = SummaryJson::array();
  for (const RecordedFigure& f : r.figures) {
    SummaryJson h;
    h["kind"] = to_text(f.kind);
    h["scenario"] = f.scenario ? SummaryJson(*f.scenario) : SummaryJson();
    h["name"] = f.name;
    h["unit"] = f.unit;
    h["mean"] = number_or_null(f.value);
    h["ci95"] = interval_json(f);
    figures.push_back(std::move(h));
  }
  j["headlines"] = std::move(figures);
  return j;
}

// A comparison's differences with their paired intervals, then each scenario's means as
// `tandem run` shows them.
std::string figures_text(const RunRecord& r) {
  std::vector<TableRow> differences = {{"metric", "alt - base", "paired 95% CI"}};
  for (const RecordedFigure& f : r.figures)
    if (f.kind == FigureKind::difference)
      differences.push_back({f.name, figure_text(f, f.value),
                             f.ci_low && f.ci_high ? "[" + figure_text(f, f.ci_low, false) + ", " +
                                                         figure_text(f, f.ci_high, false) + "]"
                                                   : "n/a"});
  std::ostringstream out;
  if (differences.size() > 1)
    out << "\nalt - base, replication by replication (common random numbers):\n\n"
        << table_text(differences);

  std::set<std::optional<int>> scenarios;
  for (const RecordedFigure& f : r.figures)
    if (f.kind == FigureKind::mean) scenarios.insert(f.scenario);
  for (const std::optional<int>& s : scenarios) {
    SummaryJson headline = SummaryJson::object();
    for (const RecordedFigure& f : r.figures) {
      if (f.kind != FigureKind::mean || f.scenario != s) continue;
      headline[f.name] = {
          {"unit", f.unit}, {"mean", number_or_null(f.value)}, {"ci95", interval_json(f)}};
    }
    out << "\n";
    if (scenarios.size() > 1 && s && *s >= 0 && *s < static_cast<int>(r.scenarios.size()))
      out << r.scenarios[static_cast<std::size_t>(*s)].role << " ("
          << r.scenarios[static_cast<std::size_t>(*s)].name << "):\n\n";
    print_summary_table(out, SummaryJson{{"headline", std::move(headline)}});
  }
  return out.str();
}

}  // namespace

std::string history_list_note(const HistoryListing& l) {
  if (!l.exists) return no_history_yet(l.where);
  if (l.ids.count == 0) return fmt::format("no runs recorded yet in '{}'", l.where.file.string());
  if (l.records.empty())
    return fmt::format("no runs of scenario '{}' in '{}' ({} recorded)", l.query.scenario,
                       l.where.file.string(), l.ids.count);
  return "";
}

std::string history_list_text(const HistoryListing& l) {
  if (const std::string note = history_list_note(l); !note.empty()) return note + "\n";
  std::vector<TableRow> rows = {
      {"ID", "TIME", "KIND", "SCENARIO", "SEED", "REPS", "REVENUE", "FOLDER"}};
  for (const RunRecord& r : l.records)
    rows.push_back({std::to_string(r.id), r.time, to_text(r.kind), scenario_names(r),
                    std::to_string(r.seed), std::to_string(r.replications), revenue_text(r),
                    r.folder});
  TableLayout layout = TableLayout::plain();  // figures (id, seed, reps, revenue) to the right
  layout.align = {Align::right, Align::left,  Align::left,  Align::left,
                  Align::right, Align::right, Align::right, Align::left};
  const std::int64_t shown = static_cast<std::int64_t>(l.records.size());
  const bool filtered = !l.query.scenario.empty();
  return table_text(rows, layout) +
         fmt::format("\n{} of {} recorded in '{}'{}; 'tandem history show ID' for one\n",
                     shown == l.ids.count ? "all " + std::to_string(shown) : std::to_string(shown),
                     l.ids.count, l.where.file.string(),
                     !filtered && shown < l.ids.count ? " (--limit 0 for all)" : "");
}

std::string history_list_json(const std::vector<RunRecord>& records) {
  SummaryJson all = SummaryJson::array();
  for (const RunRecord& r : records) all.push_back(record_json(r));
  return all.dump(2) + "\n";
}

std::string history_record_text(const RunRecord& r) {
  std::vector<TableRow> rows = {
      {"id", std::to_string(r.id)},
      {"kind", to_text(r.kind)},
      {"time", r.time},
      {"tandem", r.tandem_version + " (SDK ABI " + std::to_string(r.sdk_abi) + ")"}};
  for (const RecordedScenario& s : r.scenarios) rows.push_back({s.role, s.name + "  " + s.hash});
  std::error_code ec;
  rows.push_back({"seed", std::to_string(r.seed)});
  rows.push_back({"replications", std::to_string(r.replications)});
  rows.push_back({"command", command_text(r)});
  rows.push_back({"ran in", r.directory});
  rows.push_back(
      {"folder", r.folder + (std::filesystem::exists(r.folder, ec) ? "" : "  (no longer there)")});
  return table_text(rows, TableLayout::plain()) + figures_text(r);
}

std::string history_record_json(const RunRecord& r) {
  return record_json(r).dump(2) + "\n";
}

}  // namespace tandem::study
