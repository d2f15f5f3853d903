// A scenario's YAML tree checked section by section against the core schema, with each
// plugin slot's `params` checked against the named plugin's own schema. The result holds
// every value (defaults filled in) in schema order: the Scenario struct and the resolved
// YAML are both made from it, so they cannot disagree.
#pragma once

#include "config/scenario_schema.hpp"
#include "config/validate.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>
#include <tandem/params.hpp>

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace tandem::config {

// One section after checking; shaped like the Section it was checked against.
struct CheckedSection {
  Params params;                         // the section's own keys
  std::vector<CheckedSection> sections;  // one per Section::sections, in the same order
  std::vector<CheckedSection> items;     // a list section: one per item
  bool absent = false;  // an optional section that needs keys of its own, not given

  // A plugin slot whose plugin loaded and is of the right kind.
  const LoadedPlugin* plugin = nullptr;
  Params plugin_params;   // checked against plugin->schema(), defaults filled in
  Location plugin_where;  // of the `plugin:` key

  // The nested section `key` of `schema` (which this was checked against).
  const CheckedSection& section(const Section& schema, const std::string& key) const;
};

// Checks `root` (the whole file, overrides applied) against `schema`. Loads the plugins the
// file names from `plugins`. Every problem goes to `report`; the result is complete only
// when the report is ok.
//
// Beyond check_params: a required section that is missing, a list that is not a list or
// is empty, two list items with the same `name`, a plugin that cannot be loaded (its
// loader's message, located at the name) or is of the wrong kind.
CheckedSection check_tree(const YAML::Node& root, const Section& schema, PluginRegistry& plugins,
                          Report& report);

}  // namespace tandem::config
