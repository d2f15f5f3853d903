// `tandem plugins list` and `tandem plugins show NAME`: what is on the plugin path, and a
// plugin's parameters, generated from the schema it declares. The markdown form of `show`
// is the plugin reference in docs/plugins/, and a test fails when that is stale.
#include "cli/verbs.hpp"

#include "common/did_you_mean.hpp"
#include "config/value_text.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>
#include <tandem/version.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace po = boost::program_options;

namespace tandem::cli {

namespace {

constexpr const char* kPluginsUsage = R"(tandem plugins list [--plugin-path DIR]...
       tandem plugins show NAME [--format text|markdown] [--plugin-path DIR]...

  list   the plugins on the plugin path: name, kind, version, what each does,
         and any file that could not be loaded, with the reason
  show   one plugin: its kind, version, file and parameters

The plugin path is --plugin-path, then TANDEM_PLUGIN_PATH (folders separated by ':'),
then lib/tandem/plugins beside the tandem program.)";

using Row = std::vector<std::string>;

// A plain-text table: columns as wide as their widest cell, the last one left ragged.
std::string text_table(const Row& header, const std::vector<Row>& rows, std::string_view indent) {
  std::vector<std::size_t> width(header.size(), 0);
  for (std::size_t c = 0; c < header.size(); ++c) width[c] = header[c].size();
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  const auto line = [&](const Row& row) {
    std::string s(indent);
    for (std::size_t c = 0; c < row.size(); ++c)
      s += c + 1 == row.size() ? row[c] : fmt::format("{:<{}}  ", row[c], width[c]);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "\n";
  };
  std::string out = line(header);
  for (const auto& row : rows) out += line(row);
  return out;
}

// A markdown cell: '|' would end it early.
std::string cell(const std::string& text) {
  std::string s;
  for (const char c : text) s += c == '|' ? std::string("\\|") : std::string(1, c);
  return s;
}

std::string markdown_table(const Row& header, const std::vector<Row>& rows) {
  const auto line = [](const Row& row) {
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

// A default as it is written in a scenario: empty text as "", which YAML reads as empty
// text rather than as nothing.
std::string default_text(const ParamSpec& p) {
  if (p.required()) return "required";
  const std::string text = config::value_text(*p.default_value);
  return text.empty() ? "\"\"" : text;
}

// One row per parameter: name, type, default (or "required"), allowed, unit, doc. The
// same value and range wording as the scenario validator uses, from the same functions.
std::vector<Row> parameter_rows(const Schema& schema, bool markdown) {
  std::vector<Row> rows;
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

const Row kParameterHeader = {"name", "type", "default", "allowed", "unit", "description"};

std::string show_text(const LoadedPlugin& plugin) {
  const Schema& schema = plugin.schema();
  std::string out = fmt::format("{} {} ({})\n{}\n\n", plugin.name(), plugin.version(),
                                to_string(plugin.kind()), schema.doc());
  out += fmt::format("file:  {}\nbuilt against Tandem SDK {} (ABI {})\n\n", plugin.path().string(),
                     plugin.sdk_version(), plugin.abi());
  if (schema.params().empty()) return out + "parameters: none\n";
  return out + "parameters:\n" + text_table(kParameterHeader, parameter_rows(schema, false), "  ");
}

// The plugin's reference page. No file path and no build details: the page is checked in
// and must read the same from every build.
std::string show_markdown(const LoadedPlugin& plugin) {
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

int list_verb(const Args& args) {
  po::options_description options("options");
  PluginPathOption path;
  path.add_to(options);
  po::variables_map vm;
  if (!parse("plugins list", "tandem plugins list [--plugin-path DIR]...", args, options, {}, vm))
    return 0;

  PluginRegistry registry(plugin_search_path(path.paths));
  const auto listing = registry.list();
  std::vector<Row> rows;
  std::vector<const PluginListing*> failed;
  for (const auto& entry : listing) {
    if (entry.plugin)
      rows.push_back({entry.plugin->name(), to_string(entry.plugin->kind()),
                      entry.plugin->version(), entry.plugin->schema().doc()});
    else
      failed.push_back(&entry);
  }
  if (rows.empty()) {
    std::string searched;
    for (const auto& folder : registry.search_path())
      searched += (searched.empty() ? "" : ", ") + folder.string();
    fmt::print(
        "No plugins found. Searched: {}. Add a folder with --plugin-path or "
        "TANDEM_PLUGIN_PATH.\n",
        searched.empty() ? "no folders" : searched);
  } else {
    fmt::print("{}", text_table({"NAME", "KIND", "VERSION", "DESCRIPTION"}, rows, ""));
  }
  if (!failed.empty()) {
    fmt::print("\nCould not load:\n");
    for (const auto* entry : failed) {
      // Most reasons already start with the file; say it once.
      const std::string file = entry->path.string();
      fmt::print("  {}\n", entry->problem.rfind(file, 0) == 0 ? entry->problem
                                                              : file + ": " + entry->problem);
    }
  }
  return 0;
}

int show_verb(const Args& args) {
  po::options_description options("options");
  std::string name, format;
  options.add_options()("name", po::value(&name),
                        "the plugin to show (or give it first, without --name)")(
      "format", po::value(&format)->default_value("text"),
      "text, or markdown (the reference page)");
  PluginPathOption path;
  path.add_to(options);
  po::positional_options_description positionals;
  positionals.add("name", 1);
  po::variables_map vm;
  const std::string usage =
      "tandem plugins show NAME [--format text|markdown] [--plugin-path DIR]...";
  if (!parse("plugins show", usage, args, options, positionals, vm)) return 0;
  if (name.empty())
    throw UsageError(
        "tandem plugins show: which plugin? Give its NAME ('tandem plugins list' shows them); "
        "see 'tandem plugins show --help'");
  if (format != "text" && format != "markdown")
    throw UsageError("tandem plugins show: unknown --format '" + format +
                     "'; allowed: text, markdown" + did_you_mean(format, {"text", "markdown"}));

  PluginRegistry registry(plugin_search_path(path.paths));
  const LoadedPlugin& plugin = registry.load(name);  // PluginNotFound names the nearest
  const std::string page = format == "markdown" ? show_markdown(plugin) : show_text(plugin);
  std::fwrite(page.data(), 1, page.size(), stdout);
  return 0;
}

}  // namespace

int plugins_verb(const Args& args) {
  const std::string what = args.empty() ? "" : args.front();
  if (what == "--help" || what == "-h" || what == "help") {
    fmt::print("usage: {}\n", kPluginsUsage);
    return 0;
  }
  const Args rest(args.begin() + (args.empty() ? 0 : 1), args.end());
  if (what == "list") return list_verb(rest);
  if (what == "show") return show_verb(rest);
  if (what.empty())
    throw UsageError(
        "tandem plugins: say what to do: 'list' or 'show NAME'; see 'tandem "
        "plugins --help'");
  const std::string hint = did_you_mean(what, {"list", "show"});
  throw UsageError("tandem plugins: unknown command '" + what + "'" + (hint.empty() ? "." : hint) +
                   " Commands: list, show NAME; see 'tandem plugins --help'");
}

}  // namespace tandem::cli
