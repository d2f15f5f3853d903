// `tandem plugins list` and `tandem plugins show NAME`: what is on the plugin path, and a
// plugin's parameters, generated from the schema it declares (output/plugin_pages.hpp).
#include "cli/verbs.hpp"

#include "common/did_you_mean.hpp"
#include "output/plugin_pages.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <cstdio>
#include <string>

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

int list_verb(const Args& args) {
  po::options_description options("options");
  PluginPathOption path;
  path.add_to(options);
  po::variables_map vm;
  if (!parse("plugins list", "tandem plugins list [--plugin-path DIR]...", args, options, {}, vm))
    return 0;

  PluginRegistry registry(plugin_search_path(path.paths));
  const std::string text = plugin_list_text(registry.list(), registry.search_path());
  std::fwrite(text.data(), 1, text.size(), stdout);
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
  const std::string page =
      format == "markdown" ? plugin_page_markdown(plugin) : plugin_page_text(plugin);
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
