// One input through each loader that reads a user's file, called exactly as the `tandem`
// verbs call it. Shared by the libFuzzer targets (tests/fuzz/*_fuzzer.cpp) and by the Catch2
// test that replays tests/fuzz/regressions/ in every build, so both exercise one path.
//
// A tandem::Error (a ScenarioError listing problems) is the loaders' answer to bad input
// and is fine. Anything else is a finding and is let through to the caller: a crash, a
// sanitizer report, another exception, or a problem that is not located in the input
// (std::logic_error, so the fuzzer stops on it like any other escape).
#pragma once

#include "config/plan_file.hpp"
#include "config/scenario.hpp"
#include "data/credited_results.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tandem::fuzz {

// The names the inputs are given in messages, as if read from these files.
inline constexpr const char* kScenarioFile = "input.yaml";
inline constexpr const char* kPlanFile = "input.plan.yaml";
inline constexpr const char* kResultsFile = "input.csv";

// Every problem says what is wrong, in the input it came from, at a line the input has:
// a message a user cannot place is a bug even when nothing crashed.
inline void check_located(const ScenarioError& e, std::string_view text, const char* file) {
  // Lines end as the readers end them: "\n", "\r\n", or a "\r" alone (old Mac files).
  int lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      ++lines;
  for (const Problem& p : e.problems()) {
    if (p.message.empty()) throw std::logic_error("a problem without a message");
    if (p.where.file != file)
      throw std::logic_error("a problem located outside the input: " + p.str());
    if (p.where.line < 0 || p.where.line > lines || p.where.column < 0)
      throw std::logic_error("a problem located past the input's end: " + p.str());
  }
}

// `tandem validate FILE`. True if the scenario is valid.
inline bool scenario_input(std::string_view bytes, PluginRegistry& plugins) {
  try {
    parse_scenario(bytes, kScenarioFile, {}, plugins);
    return true;
  } catch (const ScenarioError& e) {
    check_located(e, bytes, kScenarioFile);
  } catch (const Error&) {
  }
  return false;
}

// `tandem payout FILE --results ...`: the plan file. True if it is valid.
inline bool plan_file_input(std::string_view bytes, PluginRegistry& plugins) {
  try {
    parse_plan_file(bytes, kPlanFile, plugins);
    return true;
  } catch (const ScenarioError& e) {
    check_located(e, bytes, kPlanFile);
  } catch (const Error&) {
  }
  return false;
}

// `tandem payout PLAN --results FILE`: the results, read for a plan paying by month, by
// quarter and by year (each takes a different path through period labels), and once for a
// plan that names its people. True if every reading succeeded.
inline bool results_csv_input(std::string_view bytes) {
  const Roster everyone;
  const Roster named{{"Ana Ruiz", "Ben Cho"}, "sales"};
  bool ok = true;
  for (const auto& [period, roster] :
       {std::pair{PeriodKind::month, &everyone}, std::pair{PeriodKind::quarter, &everyone},
        std::pair{PeriodKind::year, &everyone}, std::pair{PeriodKind::quarter, &named}}) {
    try {
      parse_credited_results(bytes, kResultsFile, period, *roster);
    } catch (const ScenarioError& e) {
      check_located(e, bytes, kResultsFile);
      ok = false;
    } catch (const Error&) {
      ok = false;
    }
  }
  return ok;
}

}  // namespace tandem::fuzz
