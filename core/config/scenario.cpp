// load_scenario: read, apply --set, check everything, then fill the typed Scenario.
#include "config/scenario.hpp"

#include "common/did_you_mean.hpp"
#include "common/input_file.hpp"
#include "config/checked_tree.hpp"
#include "config/overrides.hpp"
#include "config/resolved_yaml.hpp"
#include "config/scenario_schema.hpp"
#include "config/validate.hpp"
#include "model/scenario_words.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

namespace tandem {

namespace {

using config::CheckedSection;
using config::Report;
using config::Section;

// The typed scenario, from a tree that passed every check: each section copies its own
// values (Section::fill, declared beside its keys), then its nested sections.
void fill(const Section& schema, const CheckedSection& checked, Scenario& s) {
  if (checked.absent) return;
  if (schema.list) {
    for (const auto& item : checked.items) schema.fill(item, s);
    return;
  }
  if (schema.fill) schema.fill(checked, s);
  for (std::size_t i = 0; i < schema.sections.size(); ++i)
    fill(schema.sections[i], checked.sections[i], s);
}

// Checks that need two keys at once: a list of salaries gives one value or one per person.
void check_across(const YAML::Node& root, const Scenario& s, Report& report) {
  const auto salaries = [&](const char* role, std::size_t given, int people) {
    if (given <= 1 || given == static_cast<std::size_t>(people)) return;
    const YAML::Node section = root[role];
    const YAML::Node at =
        section && section.IsMap() && section["salaries"] ? section["salaries"] : root;
    report.add(at, std::string(role) + ".salaries",
               std::to_string(given) + " salaries for " + std::to_string(people) +
                   " people: give one salary for everyone or one per person");
  };
  salaries("marketing", s.marketing.salaries.size(), s.marketing.people);
  salaries("sales", s.sales.salaries.size(), s.sales.people);
  salaries("sdrs", s.sdrs.salaries.size(), s.sdrs.people);
  // A territory names reps that exist.
  for (std::size_t i = 0; i < s.segments.size(); ++i)
    for (const double rep : s.segments[i].reps)
      if (rep != std::floor(rep) || rep > s.sales.people) {
        const YAML::Node list = root["segments"];
        const YAML::Node item = list && list.IsSequence() && i < list.size() ? list[i] : root;
        report.add(item["reps"] ? item["reps"] : item, "segments[" + std::to_string(i) + "].reps",
                   "rep " + fmt::format("{}", rep) + " does not exist: sales has " +
                       std::to_string(s.sales.people) + " reps, numbered 1 to " +
                       std::to_string(s.sales.people));
        break;
      }
  // The working day ends by midnight.
  if (s.sales.day_starts_at + s.sales.working_hours_per_day > 24) {
    const YAML::Node sales = root["sales"];
    report.add(sales && sales.IsMap() && sales["working_hours_per_day"]
                   ? sales["working_hours_per_day"]
                   : root,
               "sales.working_hours_per_day",
               "a working day of " + std::to_string(s.sales.working_hours_per_day) +
                   " hours from " + std::to_string(s.sales.day_starts_at) +
                   " o'clock ends after midnight: start earlier or work fewer hours a day");
  }
  // The warm-up leaves periods to measure.
  if (s.horizon.warmup_periods >= s.horizon.periods) {
    const YAML::Node horizon = root["horizon"];
    const YAML::Node at =
        horizon && horizon.IsMap() && horizon["warmup_periods"] ? horizon["warmup_periods"] : root;
    report.add(at, "horizon.warmup_periods",
               std::to_string(s.horizon.warmup_periods) + " warm-up periods leave none of the " +
                   std::to_string(s.horizon.periods) +
                   " periods to measure: give fewer than horizon.periods");
  }
  if (s.sdrs.people > 0 && s.sdrs.pay.plugin.empty()) {
    const YAML::Node sdrs = root["sdrs"];
    report.add(sdrs && sdrs["people"] ? sdrs["people"] : root, "sdrs.pay",
               std::to_string(s.sdrs.people) +
                   " SDRs but no pay plan: add `pay: {plugin: ...}` under sdrs");
  }
}

// A plugin's text parameter that names an item of a scenario list (a SPIFF's product)
// must name one that exists: a typo would otherwise match nothing, silently.
void check_names(const YAML::Node& root, const Scenario& s, PluginRegistry& plugins,
                 Report& report) {
  const auto names = [&](const std::string& list) {
    std::vector<std::string> out;
    if (list == "products")
      for (const auto& p : s.products) out.push_back(p.name);
    if (list == "segments")
      for (const auto& g : s.segments) out.push_back(g.name);
    return out;
  };
  const auto check = [&](const PluginChoice& choice, const YAML::Node& slot,
                         const std::string& path, const LoadedPlugin& plugin) {
    for (const ParamSpec& spec : plugin.schema().params()) {
      if (spec.allowed.name_in.empty() || !choice.params.has(spec.name)) continue;
      const std::string value = choice.params.get<std::string>(spec.name);
      const std::vector<std::string> known = names(spec.allowed.name_in);
      if (value.empty() || std::find(known.begin(), known.end(), value) != known.end()) continue;
      const YAML::Node params = slot && slot.IsMap() ? slot["params"] : YAML::Node();
      const YAML::Node at =
          params && params.IsMap() && params[spec.name] ? params[spec.name] : slot;
      report.add(
          at ? at : root, path + ".params." + spec.name,
          "'" + value + "' is not one of the scenario's " + spec.allowed.name_in +
              (known.empty() ? " (it declares none; add a `" + spec.allowed.name_in + ":` list)"
                             : did_you_mean(value, known) + " (" + spec.allowed.name_in + ": " +
                                   join(known) + ")"));
    }
  };
  for (const PaidTeam& team : paid_teams(s)) {
    const YAML::Node section = root[team.key];
    const YAML::Node pay = section && section.IsMap() ? section["pay"] : YAML::Node();
    const std::string path = team.key + ".pay";
    if (!team.pay->plugin.empty()) check(*team.pay, pay, path, plugins.load(team.pay->plugin));
    for (std::size_t i = 0; i < team.pay->components.size(); ++i) {
      const YAML::Node list = pay && pay.IsMap() ? pay["components"] : YAML::Node();
      const YAML::Node item = list && list.IsSequence() && i < list.size() ? list[i] : YAML::Node();
      check(team.pay->components[i], item, path + ".components[" + std::to_string(i) + "]",
            plugins.load(team.pay->components[i].plugin));
    }
  }
}

// The plugins' checks again, now with what the scenario declares that a plan may need
// (ParamProblem's context keys): a team pool split by salary in a role without salaries
// is refused here, located at `split`, rather than stopping the run at its first pay.
void check_in_context(const YAML::Node& root, const Scenario& s, PluginRegistry& plugins,
                      Report& report) {
  for (const PaidTeam& team : paid_teams(s)) {
    if (team.people <= 0) continue;
    Money salaries;
    const std::vector<double>& declared = *team.salaries;
    for (int i = 0; i < team.people && !declared.empty(); ++i)
      salaries +=
          Money::from_units(declared[declared.size() == 1 ? 0 : static_cast<std::size_t>(i)]);
    const YAML::Node section = root[team.key];
    const YAML::Node pay = section && section.IsMap() ? section["pay"] : YAML::Node();
    const auto check = [&](const PayChoice& choice, const YAML::Node& slot,
                           const std::string& path) {
      Params params = choice.params;
      params.set(kTeamSalariesKey, salaries);
      const LoadedPlugin& plugin = plugins.load(choice.plugin);
      const YAML::Node map = slot && slot.IsMap() ? slot["params"] : YAML::Node();
      std::vector<ParamProblem> problems;
      try {
        problems = plugin.check(params);
      } catch (const Error& e) {
        report.add(map    ? map
                   : slot ? slot
                          : root,
                   path + ".params",
                   "'" + plugin.name() + "' rejects these parameters: " + e.what());
      }
      for (const ParamProblem& problem : problems) {
        const YAML::Node value = !problem.key.empty() && map && map.IsMap() && map[problem.key]
                                     ? map[problem.key]
                                     : YAML::Node();
        const YAML::Node at = value ? value : map ? map : slot ? slot : section;
        report.add(at ? at : root,
                   path + ".params" + (problem.key.empty() ? "" : "." + problem.key),
                   problem.message);
      }
    };
    if (!team.pay->plugin.empty()) check(*team.pay, pay, team.key + ".pay");
    for (std::size_t i = 0; i < team.pay->components.size(); ++i) {
      const YAML::Node list = pay && pay.IsMap() ? pay["components"] : YAML::Node();
      const YAML::Node item = list && list.IsSequence() && i < list.size() ? list[i] : YAML::Node();
      check(team.pay->components[i], item, team.key + ".pay.components[" + std::to_string(i) + "]");
    }
  }
}

// A file without horizon.warmup_periods gets the default worked out from its horizon
// (default_warmup_periods), written into the tree so it is checked, resolved and hashed as
// if given. A horizon the schema will refuse is left alone: its own error comes first.
void default_warmup(YAML::Node& root) {
  if (!root.IsMap()) return;
  YAML::Node horizon = root["horizon"];
  if (horizon && !horizon.IsMap()) return;
  if (horizon && horizon["warmup_periods"]) return;
  HorizonConfig h;
  try {
    if (horizon && horizon["periods"]) h.periods = horizon["periods"].as<int>();
    if (horizon && horizon["period"])
      h.period = sim_period_from(horizon["period"].as<std::string>());
  } catch (const std::exception&) {
    return;
  }
  root["horizon"]["warmup_periods"] = default_warmup_periods(h);
}

}  // namespace

Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                       PluginRegistry& plugins) {
  return parse_scenario(read_input_file(file, "scenario"), file, overrides, plugins);
}

Scenario parse_scenario(std::string_view text, const std::filesystem::path& file,
                        const std::vector<std::string>& overrides, PluginRegistry& plugins) {
  Report report(file.string());
  YAML::Node root = config::parse_document(
      text, "scenario", "tandem: " + std::to_string(config::kScenarioFormat), report);
  if (!report.ok()) throw ScenarioError(report.sorted());

  const Section& schema = config::scenario_schema();
  config::apply_overrides(root, overrides, report);
  default_warmup(root);
  const CheckedSection checked = config::check_tree(root, schema, plugins, report);
  if (!report.ok()) throw ScenarioError(report.sorted());

  Scenario s;
  fill(schema, checked, s);
  check_across(root, s, report);
  check_names(root, s, plugins, report);
  if (!report.ok()) throw ScenarioError(report.sorted());
  check_in_context(root, s, plugins, report);
  if (!report.ok()) throw ScenarioError(report.sorted());
  s.file = file;
  s.resolved_yaml = config::resolved_yaml(schema, checked);
  s.hash = config::fnv1a64(s.resolved_yaml);
  return s;
}

}  // namespace tandem
