// The core's scenario schema: one tandem::Schema per section, the same class plugins use
// for their parameters, so core keys and plugin keys go through one validator and one
// reference generator. Defaults equal those of the structs in scenario.hpp.
#pragma once

#include <tandem/params.hpp>
#include <tandem/plugin.hpp>

#include "model/scenario.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tandem::config {

struct CheckedSection;

// One section of a scenario file: its own keys (a Schema), the sections nested in it, and
// how its checked values land in the Scenario. Keys and fields are declared together
// (scenario_schema.cpp), so a key cannot be validated and then forgotten.
struct Section {
  Schema schema;                     // name() is the section's key; "" for the top level
  std::vector<Section> sections;     // nested sections, in the order a file lists them
  bool required = false;             // must the file give it?
  bool list = false;                 // a list of such maps, at least one (channels)
  std::optional<PluginKind> plugin;  // a plugin slot: `params` follow the plugin's schema
  // Copies the checked section (for a list: one item) into the scenario.
  std::function<void(const CheckedSection&, Scenario&)> fill;

  const std::string& key() const { return schema.name(); }
  const Section* find(const std::string& key) const;
  std::vector<std::string> section_keys() const;  // nested keys, `params` for a plugin slot
};

// The whole scenario file, top level first.
const Section& scenario_schema();

// The scenario format this Tandem reads (the `tandem:` key).
inline constexpr int kScenarioFormat = 1;

// The top level of a file Tandem reads (a scenario, a plan file, a CRM mapping): `doc`,
// and the required `tandem:` format version every such file opens with.
Schema file_schema(const std::string& doc);

}  // namespace tandem::config
