#include "cli/simulation_options.hpp"

#include "cli/interrupt.hpp"
#include "cli/progress.hpp"

#include "common/message_text.hpp"

#include <tandem/errors.hpp>

#include <fmt/core.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <system_error>

namespace po = boost::program_options;

namespace tandem::cli {

void SimulationOptions::add_to(po::options_description& options, const SimulationHelp& help) {
  options.add_options()("out,o", po::value(&out), help.out)(
      "replications,r", po::value<long long>(), help.replications)(
      "seed,s", po::value<std::string>(), help.seed)(
      "threads,j", po::value(&threads),
      "worker threads (default: all cores); results do not depend on it")(
      "set", po::value(&sets)->composing(), help.set)("format", po::value(&format), help.format)(
      "force", po::bool_switch(&force), "replace the --out folder if it exists");
  plugin_path.add_to(options);
  options.add_options()("db", po::value(&db),
                        "run history file to record in (default: see 'tandem history --help')")(
      "no-history", po::bool_switch(&no_history), "do not record this command in the run history");
}

void SimulationOptions::check(const std::string& verb) const {
  if (format != "table" && format != "json")
    throw UsageError("tandem " + verb + ": --format must be 'table' or 'json', got '" + format +
                     "'");
  if (threads < 0) throw UsageError("tandem " + verb + ": --threads must be 0 (all cores) or more");
}

std::vector<std::string> SimulationOptions::run_size(const po::variables_map& vm) {
  std::vector<std::string> sets;
  if (vm.count("seed")) {
    // Read here, not as an unsigned number: that would take -1 as 18446744073709551615.
    const std::string& text = vm["seed"].as<std::string>();
    std::int64_t seed = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (text.empty() || text.front() == '-' || ec != std::errc() ||
        end != text.data() + text.size())
      throw UsageError("--seed " + shown(text) + ": the seed is a whole number from 0 to " +
                       std::to_string(std::numeric_limits<std::int64_t>::max()));
    sets.push_back("seed=" + std::to_string(seed));
  }
  if (vm.count("replications"))
    sets.push_back("replications=" + std::to_string(vm["replications"].as<long long>()));
  return sets;
}

study::Execution SimulationOptions::execution() const {
  study::Execution e;
  e.threads = threads;
  e.stop = stop_on_interrupt();
  e.progress = [](int, int, const std::string& label) { return terminal_progress(label); };
  return e;
}

study::Recording SimulationOptions::open_history(const std::string& verb, const Args& args) const {
  if (no_history) return {};
  std::vector<std::string> command{verb};
  command.insert(command.end(), args.begin(), args.end());
  return study::Recording(db, std::move(command));
}

void SimulationOptions::print_wrote(const std::string& folder, const std::string& recorded) const {
  if (format == "json")
    fmt::print(stderr, "wrote {}{}\n", folder, recorded);
  else
    fmt::print("\nwrote {}{}\n", folder, recorded);
}

}  // namespace tandem::cli
