// Option parsing shared by every verb.
#include "cli/verbs.hpp"

#include "plugins/fault_guard.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include <sys/resource.h>

namespace po = boost::program_options;

namespace tandem::cli {

namespace {

void set_plugin_time_limit(const double& seconds) {
  if (!(seconds >= 0))
    throw UsageError("--plugin-time-limit " + fmt::format("{}", seconds) +
                     ": give the seconds a plugin call may take, 0 or more (0: no limit)");
  fault_guard::set_time_limit(seconds);
}

void set_memory_limit(const double& gigabytes) {
  if (!(gigabytes > 0) || gigabytes > 1e6)
    throw UsageError("--memory-limit " + fmt::format("{}", gigabytes) +
                     ": give the gigabytes of memory tandem may use, above 0 (e.g. 8)");
  const auto bytes = static_cast<rlim_t>(gigabytes * 1024 * 1024 * 1024);
  const rlimit limit{bytes, bytes};
  if (setrlimit(RLIMIT_AS, &limit) != 0)
    throw UsageError("--memory-limit " + fmt::format("{}", gigabytes) +
                     ": the system refused it (" + std::strerror(errno) + ")");
}

}  // namespace

void PluginPathOption::add_to(po::options_description& options) {
  options.add_options()("plugin-path", po::value(&paths)->composing(),
                        "extra folder to search for plugins (repeatable; searched before "
                        "TANDEM_PLUGIN_PATH and the installed plugins)")(
      "plugin-time-limit", po::value<double>()->notifier(&set_plugin_time_limit),
      "SECONDS a single plugin call may take before it is stopped as a fault (default 300; "
      "0: no limit)")(
      "memory-limit", po::value<double>()->notifier(&set_memory_limit),
      "GIGABYTES of memory tandem may take in all, so a plugin that allocates without end "
      "fails by name instead of being killed by the system (default: no limit)");
}

bool parse(const std::string& verb, const std::string& usage, const Args& args,
           po::options_description& options, const po::positional_options_description& positionals,
           po::variables_map& vm) {
  options.add_options()("help,h", "show this help");
  try {
    po::store(po::command_line_parser(args).options(options).positional(positionals).run(), vm);
    if (vm.count("help")) {
      std::cout << "usage: " << usage << "\n\n" << options << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(fmt::format("tandem {}: {}; see 'tandem {} --help'", verb, e.what(), verb));
  }
  return true;
}

}  // namespace tandem::cli
