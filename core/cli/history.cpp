// tandem history: the runs, compares and sweeps recorded in the run history, newest first;
// tandem history show RUN: everything recorded of one of them.
#include "cli/verbs.hpp"

#include "common/did_you_mean.hpp"
#include "history/history_location.hpp"
#include "study/history.hpp"
#include "study/history_text.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iostream>

namespace po = boost::program_options;

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

  if (command.empty()) {
    const study::HistoryListing listing =
        study::list_history(history_location(db), {limit, scenario});
    std::cout << (json ? study::history_list_json(listing.records)
                       : study::history_list_text(listing));
    // With JSON, stdout stays a plain array; why it is empty goes to stderr.
    if (const std::string note = study::history_list_note(listing); json && !note.empty())
      fmt::print(stderr, "{}\n", note);
    return 0;
  }
  if (command == "show") {
    if (run.empty())
      throw UsageError(
          "tandem history show: which run? e.g. 'tandem history show 12' "
          "('tandem history' lists them)");
    if (vm.count("limit") || vm.count("scenario"))
      throw UsageError("tandem history show: --limit and --scenario are for the list");
    const RunRecord record = study::find_in_history(history_location(db), run_id(run));
    std::cout << (json ? study::history_record_json(record) : study::history_record_text(record));
    return 0;
  }
  if (std::all_of(command.begin(), command.end(), [](unsigned char c) { return std::isdigit(c); }))
    throw UsageError("tandem history: unknown command '" + command + "'; did you mean 'tandem " +
                     "history show " + command + "'?");
  const std::string hint = did_you_mean(command, {"show"});
  throw UsageError("tandem history: unknown command '" + command + "'" +
                   (hint.empty() ? "; see 'tandem history --help'" : hint));
}

}  // namespace tandem::cli
