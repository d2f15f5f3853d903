// tandem history: the runs, compares and sweeps recorded in the run history, newest first;
// tandem history show RUN: everything recorded of one of them.
#include "cli/verbs.hpp"

#include "common/did_you_mean.hpp"
#include "history/history_location.hpp"
#include "history/run_history.hpp"
#include "output/summary.hpp"
#include "output/table.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <iostream>
#include <optional>
#include <set>

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace tandem::cli {
namespace {

constexpr const char* kUsage =
    R"(tandem history [--db FILE] [--limit N] [--scenario NAME] [--format table|json]
       tandem history show RUN [--db FILE] [--format table|json]

  (no command)  the recorded runs, compares and sweeps, newest first: id, time (UTC),
                kind, scenario(s), seed, replications, revenue, folder
  show RUN      everything recorded of run RUN: versions, scenarios and hashes, the
                command, the folder, and the headline figures

The history is --db, else TANDEM_HISTORY_DB, else $XDG_DATA_HOME/tandem/history.sqlite,
else ~/.local/share/tandem/history.sqlite. tandem run and tandem compare record there.)";

using Row = std::vector<std::string>;

// Columns as wide as their widest cell; `right` columns (figures) right-aligned, the last
// column left ragged; with `rule`, a line of dashes under the first row.
std::string text_table(const std::vector<Row>& rows, const std::vector<bool>& right,
                       bool rule = false) {
  std::vector<std::size_t> width;
  for (const Row& r : rows) {
    width.resize(std::max(width.size(), r.size()));
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  }
  std::string text;
  for (const Row& r : rows) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) {
      const bool last = c + 1 == r.size(), align_right = c < right.size() && right[c];
      if (c > 0) line += "  ";
      line += align_right ? fmt::format("{:>{}}", r[c], width[c])
                          : (last ? r[c] : fmt::format("{:<{}}", r[c], width[c]));
    }
    text += line + "\n";
    if (rule && &r == &rows.front()) {
      for (std::size_t c = 0; c < width.size(); ++c)
        text += (c == 0 ? "" : "  ") + std::string(width[c], '-');
      text += "\n";
    }
  }
  return text;
}

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
    h["ci95"] = f.ci_low && f.ci_high ? SummaryJson::array({*f.ci_low, *f.ci_high}) : SummaryJson();
    figures.push_back(std::move(h));
  }
  j["headlines"] = std::move(figures);
  return j;
}

std::string location_note(const HistoryLocation& where) {
  return where.source == "--db" ? "" : " (from " + where.source + ")";
}

int list(const HistoryLocation& where, const HistoryQuery& query, bool json) {
  const std::optional<RunHistory> history = RunHistory::open_existing(where.file);
  std::vector<RunRecord> records;
  if (history) records = history->list(query);
  if (json)
    std::cout << SummaryJson(records.empty() ? SummaryJson::array() : [&] {
    SummaryJson all = SummaryJson::array();
    for (const RunRecord& r : records) all.push_back(record_json(r));
    return all;
  }()).dump(2) << "\n";

  std::string note;
  const HistoryIds ids = history ? history->ids() : HistoryIds{};
  if (!history)
    note = fmt::format(
        "no run history yet: '{}'{} does not exist; tandem run and tandem compare record there",
        where.file.string(), location_note(where));
  else if (ids.count == 0)
    note = fmt::format("no runs recorded yet in '{}'", where.file.string());
  else if (records.empty())
    note = fmt::format("no runs of scenario '{}' in '{}' ({} recorded)", query.scenario,
                       where.file.string(), ids.count);
  if (json) {
    if (!note.empty()) fmt::print(stderr, "{}\n", note);
    return 0;
  }
  if (!note.empty()) {
    fmt::print("{}\n", note);
    return 0;
  }
  std::vector<Row> rows = {{"ID", "TIME", "KIND", "SCENARIO", "SEED", "REPS", "REVENUE", "FOLDER"}};
  for (const RunRecord& r : records)
    rows.push_back({std::to_string(r.id), r.time, to_text(r.kind), scenario_names(r),
                    std::to_string(r.seed), std::to_string(r.replications), revenue_text(r),
                    r.folder});
  std::cout << text_table(rows, {true, false, false, false, true, true, true, false});
  const std::int64_t shown = static_cast<std::int64_t>(records.size());
  const bool filtered = !query.scenario.empty();
  fmt::print("\n{} of {} recorded in '{}'{}; 'tandem history show ID' for one\n",
             shown == ids.count ? "all " + std::to_string(shown) : std::to_string(shown), ids.count,
             where.file.string(), !filtered && shown < ids.count ? " (--limit 0 for all)" : "");
  return 0;
}

std::int64_t run_id(const std::string& text) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
    throw UsageError(
        "tandem history show: RUN is a run's id, a whole number such as 12 "
        "('tandem history' lists them); got '" +
        text + "'");
  return id;
}

void print_figures(std::ostream& out, const RunRecord& r) {
  // A comparison's differences, with their paired intervals.
  std::vector<Row> differences = {{"metric", "alt - base", "paired 95% CI"}};
  for (const RecordedFigure& f : r.figures)
    if (f.kind == FigureKind::difference)
      differences.push_back({f.name, figure_text(f, f.value),
                             f.ci_low && f.ci_high ? "[" + figure_text(f, f.ci_low, false) + ", " +
                                                         figure_text(f, f.ci_high, false) + "]"
                                                   : "n/a"});
  if (differences.size() > 1)
    out << "\nalt - base, replication by replication (common random numbers):\n\n"
        << text_table(differences, {false, true, true}, true);

  // Each scenario's means, as `tandem run` shows them.
  std::set<std::optional<int>> scenarios;
  for (const RecordedFigure& f : r.figures)
    if (f.kind == FigureKind::mean) scenarios.insert(f.scenario);
  for (const std::optional<int>& s : scenarios) {
    SummaryJson headline = SummaryJson::object();
    for (const RecordedFigure& f : r.figures) {
      if (f.kind != FigureKind::mean || f.scenario != s) continue;
      headline[f.name] = {
          {"unit", f.unit},
          {"mean", number_or_null(f.value)},
          {"ci95",
           f.ci_low && f.ci_high ? SummaryJson::array({*f.ci_low, *f.ci_high}) : SummaryJson()}};
    }
    out << "\n";
    if (scenarios.size() > 1 && s && *s >= 0 && *s < static_cast<int>(r.scenarios.size()))
      out << r.scenarios[static_cast<std::size_t>(*s)].role << " ("
          << r.scenarios[static_cast<std::size_t>(*s)].name << "):\n\n";
    print_summary_table(out, SummaryJson{{"headline", std::move(headline)}});
  }
}

int show(const HistoryLocation& where, const std::string& id_text, bool json) {
  const std::int64_t id = run_id(id_text);
  const std::optional<RunHistory> history = RunHistory::open_existing(where.file);
  if (!history)
    throw UsageError(fmt::format(
        "no run history yet: '{}'{} does not exist; tandem run and tandem compare record there",
        where.file.string(), location_note(where)));
  const std::optional<RunRecord> found = history->find(id);
  if (!found) {
    const HistoryIds ids = history->ids();
    throw UsageError(
        ids.count == 0
            ? fmt::format("no run {} in '{}': it holds no runs yet", id, where.file.string())
            : fmt::format("no run {} in '{}': its runs are {} to {}; 'tandem history' lists them",
                          id, where.file.string(), ids.first, ids.last));
  }
  const RunRecord& r = *found;
  if (json) {
    std::cout << record_json(r).dump(2) << "\n";
    return 0;
  }
  std::vector<Row> rows = {
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
  rows.push_back({"folder", r.folder + (fs::exists(r.folder, ec) ? "" : "  (no longer there)")});
  std::cout << text_table(rows, {});
  print_figures(std::cout, r);
  return 0;
}

}  // namespace

int history_verb(const Args& args) {
  std::string command, run, db, scenario, format = "table";
  int limit = 20;
  po::options_description options("options");
  options.add_options()("command", po::value(&command), "show, or nothing for the list")(
      "run", po::value(&run), "the run's id (show)")("db", po::value(&db),
                                                     "the run history file (default: as above)")(
      "limit,n", po::value(&limit), "list the newest N (default 20; 0: all)")(
      "scenario", po::value(&scenario), "list only records of the scenario named NAME")(
      "format", po::value(&format), "table or json");
  po::positional_options_description positionals;
  positionals.add("command", 1).add("run", 1);
  po::variables_map vm;
  if (!parse("history", kUsage, args, options, positionals, vm)) return 0;
  if (format != "table" && format != "json")
    throw UsageError("tandem history: --format must be 'table' or 'json', got '" + format + "'");
  if (limit < 0) throw UsageError("tandem history: --limit must be 0 (all) or more");
  const bool json = format == "json";

  if (command.empty()) return list(history_location(db), {limit, scenario}, json);
  if (command == "show") {
    if (run.empty())
      throw UsageError(
          "tandem history show: which run? e.g. 'tandem history show 12' "
          "('tandem history' lists them)");
    if (vm.count("limit") || vm.count("scenario"))
      throw UsageError("tandem history show: --limit and --scenario are for the list");
    return show(history_location(db), run, json);
  }
  if (std::all_of(command.begin(), command.end(), [](unsigned char c) { return std::isdigit(c); }))
    throw UsageError("tandem history: unknown command '" + command + "'; did you mean 'tandem " +
                     "history show " + command + "'?");
  const std::string hint = did_you_mean(command, {"show"});
  throw UsageError("tandem history: unknown command '" + command + "'" +
                   (hint.empty() ? "; see 'tandem history --help'" : hint));
}

}  // namespace tandem::cli
