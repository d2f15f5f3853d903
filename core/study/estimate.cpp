#include "study/estimate.hpp"

#include "config/scenario.hpp"
#include "engine/simulation.hpp"

#include <chrono>

namespace tandem::study {

Estimate estimate(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                  PluginRegistry& registry, const EstimateOptions& options) {
  Estimate e{load_scenario(file, overrides, registry), options, {}, 0};
  const RunPlugins plugins = resolve_plugins(e.scenario, registry);
  const auto begin = std::chrono::steady_clock::now();
  e.figures = estimate_funnel(e.scenario, plugins, options);
  e.milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
  return e;
}

}  // namespace tandem::study
