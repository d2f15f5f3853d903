// `tandem validate SCENARIO...`: checks scenario files without running them. Every file is
// checked and every problem in it reported, so one pass fixes them all; the exit code is 2
// if any file is invalid. `--reference` prints the scenario-file reference instead.
#include "cli/verbs.hpp"

#include "config/reference.hpp"
#include "config/scenario.hpp"
#include "plugins/registry.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <string>
#include <vector>

namespace po = boost::program_options;

namespace tandem::cli {

namespace {

constexpr const char* kUsage =
    "tandem validate SCENARIO... [--set KEY=VALUE]... [--plugin-path DIR]...\n"
    "       tandem validate --reference";

// One file: "FILE: ok (NAME)" on stdout, or its problems on stderr. True if valid.
bool validate_file(const std::string& file, const std::vector<std::string>& overrides,
                   PluginRegistry& registry) {
  try {
    const Scenario s = load_scenario(file, overrides, registry);
    fmt::print("{}: ok ({})\n", file, s.name);
    return true;
  } catch (const ScenarioError& e) {
    for (const auto& p : e.problems()) fmt::print(stderr, "{}\n", p.str());
    fmt::print(stderr, "{}: {} problem{}\n", file, e.problems().size(),
               e.problems().size() == 1 ? "" : "s");
  } catch (const Error& e) {
    // Unreadable (the message names the file and why); the other files are still checked.
    fmt::print(stderr, "error: {}\n", e.what());
  }
  return false;
}

}  // namespace

int validate_verb(const Args& args) {
  std::vector<std::string> files, overrides;
  bool reference = false;
  PluginPathOption plugin_path;
  po::options_description options("options");
  options.add_options()("scenario", po::value(&files)->composing(),
                        "scenario files (YAML) to check; every one is checked")(
      "set", po::value(&overrides)->composing(),
      "KEY=VALUE override, e.g. sales.pay.params.rate=0.12 (repeatable; applied to every file)")(
      "reference", po::bool_switch(&reference),
      "print the scenario-file reference (Markdown) generated from the schema");
  plugin_path.add_to(options);
  po::positional_options_description positionals;
  positionals.add("scenario", -1);
  po::variables_map vm;
  if (!parse("validate", kUsage, args, options, positionals, vm)) return 0;

  if (reference) {
    if (!files.empty())
      throw UsageError(
          "tandem validate: --reference takes no scenario; see 'tandem validate --help'");
    fmt::print("{}", config::scenario_reference());
    return 0;
  }
  if (files.empty())
    throw UsageError("tandem validate: no scenario given; usage: " + std::string(kUsage));

  PluginRegistry registry(plugin_search_path(plugin_path.paths));
  bool all_ok = true;
  for (const auto& file : files) all_ok = validate_file(file, overrides, registry) && all_ok;
  return all_ok ? 0 : 2;
}

}  // namespace tandem::cli
