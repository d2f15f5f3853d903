// Loading a scenario: the YAML file, --set overrides and every check, into the plain
// model::Scenario (model/scenario.hpp) that the other floors read.
#pragma once

#include "model/scenario.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

class PluginRegistry;

// Reads, validates and resolves a scenario. `overrides` are "KEY=VALUE" strings from
// --set, applied before validation so they pass the same checks. Plugins named by the
// scenario are loaded from `plugins` to validate their parameters.
// Throws ScenarioError listing every problem found (file:line:col: key: message), or
// Error if the file cannot be read.
Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                       PluginRegistry& plugins);

// The same from the scenario's text, named `file` in messages: load_scenario is this on the
// file's contents, and the fuzz target feeds it bytes directly.
Scenario parse_scenario(std::string_view text, const std::filesystem::path& file,
                        const std::vector<std::string>& overrides, PluginRegistry& plugins);

}  // namespace tandem
