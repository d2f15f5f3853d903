// What `tandem plugins` prints: what is on the plugin path, and one plugin's page, its
// parameters generated from the schema it declares, as text or as markdown. The markdown
// page is the plugin reference in docs/plugins/, and a test fails when that is stale.
#pragma once

#include "plugins/registry.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tandem {

// The plugins that load (name, kind, version, what each does), or, when none does, the
// folders `searched`; then every file that could not be loaded, with the reason.
std::string plugin_list_text(const std::vector<PluginListing>& listing,
                             const std::vector<std::filesystem::path>& searched);

// Kind, version, what it does, the file it was loaded from, the SDK it was built against,
// and a table of its parameters.
std::string plugin_page_text(const LoadedPlugin& plugin);

// The reference page: the same parameters as a markdown table and where the plugin goes
// in a scenario. No file path and no build details: the page is checked in and must read
// the same from every build.
std::string plugin_page_markdown(const LoadedPlugin& plugin);

}  // namespace tandem
