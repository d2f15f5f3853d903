#include "study/evaluate.hpp"

#include "common/did_you_mean.hpp"
#include "config/scenario.hpp"
#include "study/run.hpp"

#include <tandem/errors.hpp>

#include <algorithm>

namespace tandem::study {

const HeadlineStats& Figures::at(std::string_view name) const {
  const auto it = std::find_if(headlines_.begin(), headlines_.end(),
                               [&](const HeadlineStats& h) { return h.name == name; });
  if (it != headlines_.end()) return *it;
  std::vector<std::string> names;
  for (const HeadlineStats& h : headlines_) names.push_back(h.name);
  throw Error("no headline figure '" + std::string(name) + "'" +
              did_you_mean(std::string(name), names));
}

Figures evaluate(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                 int replications, std::uint64_t seed, PluginRegistry& registry,
                 const Execution& execution) {
  std::vector<std::string> all = overrides;
  all.push_back("seed=" + std::to_string(seed));
  all.push_back("replications=" + std::to_string(replications));
  return evaluate(load_scenario(file, all, registry), registry, execution);
}

Figures evaluate(const Scenario& scenario, PluginRegistry& registry, const Execution& execution) {
  const RunResult result = run_in_memory(scenario, resolve_plugins(scenario, registry), execution);
  return Figures(headline_stats(result));
}

}  // namespace tandem::study
