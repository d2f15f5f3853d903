// The analytic view of a scenario: loaded and checked as a run loads it, then solved as an
// absorbing Markov chain with behaviour held fixed (experiments/funnel_chain.hpp).
#pragma once

#include "experiments/funnel_chain.hpp"
#include "model/scenario.hpp"
#include "plugins/registry.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tandem::study {

struct Estimate {
  Scenario scenario;
  EstimateOptions options;
  FunnelEstimate figures;
  double milliseconds = 0;  // how long solving took (loading not counted)
};

Estimate estimate(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                  PluginRegistry& registry, const EstimateOptions& options = {});

}  // namespace tandem::study
