// A plan file: one pay plan and its pay period, on its own, for `tandem payout`.
//
//   tandem: 1
//   plan: {plugin: flat_commission, period: month, params: {rate: 0.1}}
//   role: sales        # optional: pay only this role's rows (default: all)
//   people: [{name: Ana Ruiz}, {name: Ben Cho}]   # optional: the only people paid
//
// It is checked by the scenario's validator (check_tree on a two-section schema), so a
// typo, a wrong type, an unknown plugin or a plugin of the wrong kind reads exactly as it
// does in a scenario.
#pragma once

#include "plugins/registry.hpp"

#include <tandem/errors.hpp>
#include <tandem/params.hpp>
#include <tandem/views.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

struct PlanFile {
  std::string file;
  const LoadedPlugin* plugin = nullptr;  // a pay plan, loaded
  Params params;                         // checked against the plugin's schema
  PeriodKind period = PeriodKind::month;
  std::optional<std::string> role;  // "marketing", "sales" or "sdr"; nothing for every row
  std::vector<std::string> people;  // the only people paid; empty: anyone in the results
  Location where;                   // of the `plugin:` key
  Location role_where;              // of the `role:` value; of the file's start when absent
  // Where each parameter the file gives is written ("plan.params.rate"), for problems
  // found only with the results; a parameter not written is located at `where`.
  std::map<std::string, Location, std::less<>> param_where;

  // Where parameter `name` is, keyed "plan.params.<name>".
  Location param(const std::string& name) const;
};

// Reads and checks `file`, loading its plugin from `plugins`. Throws ScenarioError with
// every problem (file:line:col: key: message).
PlanFile load_plan_file(const std::filesystem::path& file, PluginRegistry& plugins);

// The same from the file's text, named `file` in messages: load_plan_file is this on the
// file's contents, and the fuzz target feeds it bytes directly.
PlanFile parse_plan_file(std::string_view text, const std::filesystem::path& file,
                         PluginRegistry& plugins);

}  // namespace tandem
