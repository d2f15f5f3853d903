#include "output/plugin_pages.hpp"

#include "config/value_text.hpp"
#include "output/table.hpp"

#include <fmt/core.h>

namespace tandem {
namespace {

// A markdown cell: '|' would end it early.
std::string cell(const std::string& text) {
  std::string s;
  for (const char c : text) s += c == '|' ? std::string("\\|") : std::string(1, c);
  return s;
}

std::string markdown_table(const TableRow& header, const std::vector<TableRow>& rows) {
  const auto line = [](const TableRow& row) {
    std::string s = "|";
    for (const auto& c : row) s += " " + cell(c) + " |";
    return s + "\n";
  };
  std::string out = line(header) + "|";
  for (std::size_t c = 0; c < header.size(); ++c) out += " --- |";
  out += "\n";
  for (const auto& row : rows) out += line(row);
  return out;
}

// Left-aligned columns with no trailing spaces, `indent` before each line.
std::string word_table(const std::vector<TableRow>& rows, const std::string& indent) {
  TableLayout layout = TableLayout::plain();
  layout.indent = indent;
  layout.trim = true;
  return table_text(rows, layout);
}

// A default as it is written in a scenario: empty text as "", which YAML reads as empty
// text rather than as nothing.
std::string default_text(const ParamSpec& p) {
  if (p.required()) return "required";
  const std::string text = config::value_text(*p.default_value);
  return text.empty() ? "\"\"" : text;
}

// One row per parameter: name, type, default (or "required"), allowed, unit, doc. The
// same value and range wording as the scenario validator uses, from the same functions.
std::vector<TableRow> parameter_rows(const Schema& schema, bool markdown) {
  std::vector<TableRow> rows;
  for (const auto& p : schema.params()) {
    const std::string name = markdown ? "`" + p.name + "`" : p.name;
    const std::string def = default_text(p);
    std::string allowed = config::describe_allowed(p.allowed);
    if (allowed.empty()) allowed = markdown ? "any" : "-";
    const std::string unit = p.allowed.unit.empty() && !markdown ? "-" : p.allowed.unit;
    rows.push_back({name, type_name(p.type), def, allowed, unit, p.doc});
  }
  return rows;
}

}  // namespace

std::string plugin_list_text(const std::vector<PluginListing>& listing,
                             const std::vector<std::filesystem::path>& searched) {
  std::vector<TableRow> rows = {{"NAME", "KIND", "VERSION", "DESCRIPTION"}};
  std::vector<const PluginListing*> failed;
  for (const auto& entry : listing) {
    if (entry.plugin)
      rows.push_back({entry.plugin->name(), to_string(entry.plugin->kind()),
                      entry.plugin->version(), entry.plugin->schema().doc()});
    else
      failed.push_back(&entry);
  }
  std::string out;
  if (rows.size() == 1) {
    std::string folders;
    for (const auto& folder : searched) folders += (folders.empty() ? "" : ", ") + folder.string();
    out = fmt::format(
        "No plugins found. Searched: {}. Add a folder with --plugin-path or "
        "TANDEM_PLUGIN_PATH.\n",
        folders.empty() ? "no folders" : folders);
  } else {
    out = word_table(rows, "");
  }
  if (!failed.empty()) {
    out += "\nCould not load:\n";
    for (const auto* entry : failed) {
      // Most reasons already start with the file; say it once.
      const std::string file = entry->path.string();
      out +=
          fmt::format("  {}\n", entry->problem.rfind(file, 0) == 0 ? entry->problem
                                                                   : file + ": " + entry->problem);
    }
  }
  return out;
}

std::string plugin_page_text(const LoadedPlugin& plugin) {
  const Schema& schema = plugin.schema();
  std::string out = fmt::format("{} {} ({})\n{}\n\n", plugin.name(), plugin.version(),
                                to_string(plugin.kind()), schema.doc());
  out += fmt::format("file:  {}\nbuilt against Tandem SDK {} (ABI {})\n\n", plugin.path().string(),
                     plugin.sdk_version(), plugin.abi());
  if (schema.params().empty()) return out + "parameters: none\n";
  std::vector<TableRow> rows = parameter_rows(schema, false);
  rows.insert(rows.begin(), {"name", "type", "default", "allowed", "unit", "description"});
  return out + "parameters:\n" + word_table(rows, "  ");
}

std::string plugin_page_markdown(const LoadedPlugin& plugin) {
  const Schema& schema = plugin.schema();
  std::string out = fmt::format("# {}\n\n{}\n\n- Kind: {}\n- Version: {}\n\n", plugin.name(),
                                schema.doc(), to_string(plugin.kind()), plugin.version());
  out += "## Parameters\n\n";
  if (schema.params().empty()) {
    out += "None.\n";
  } else {
    out += markdown_table({"Name", "Type", "Default", "Allowed", "Unit", "Description"},
                          parameter_rows(schema, true));
  }
  // Where the plugin goes in a scenario, every parameter at its default.
  const bool plan = plugin.kind() == PluginKind::pay_plan;
  out += "\n## In a scenario\n\nWith every parameter at its default:\n\n```yaml\n";
  out += plan ? "pay:                # under marketing: or sales:\n  plugin: " + plugin.name() +
                    "\n  period: month     # the pay period: month, quarter or year\n"
              : "lead_policy:\n  plugin: " + plugin.name() + "\n";
  if (schema.params().empty()) {
    out += "  params: {}\n";
  } else {
    out += "  params:\n";
    for (const auto& p : schema.params())
      out += fmt::format("    {}: {}\n", p.name, p.required() ? "# required" : default_text(p));
  }
  out += "```\n\n";
  out += fmt::format(
      "Generated from the plugin's schema by `tandem plugins show {} --format markdown`.\n",
      plugin.name());
  return out;
}

}  // namespace tandem
