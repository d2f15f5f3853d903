// Figures, not folders: a scenario with overrides, run in memory, reduced to each headline
// figure's statistics over the replications. What a caller that searches over scenarios
// (an optimizer, a calibration, a notebook) asks many times.
#pragma once

#include "model/scenario.hpp"
#include "plugins/registry.hpp"
#include "stats/statistics.hpp"
#include "study/execution.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::study {

// Each headline figure's statistics, in the engine's order, found by name.
class Figures {
 public:
  explicit Figures(std::vector<HeadlineStats> headlines) : headlines_(std::move(headlines)) {}
  const std::vector<HeadlineStats>& all() const { return headlines_; }
  // The figure `name` ("revenue", "pay_sales", ...); throws Error naming the figures there
  // are if it is not one of them.
  const HeadlineStats& at(std::string_view name) const;

 private:
  std::vector<HeadlineStats> headlines_;
};

// The scenario in `file` with `overrides` ("KEY=VALUE", as --set takes them), run with
// `replications` replications from `seed`. The overrides, seed and replications pass the
// same checks as on the command line: throws ScenarioError, located, on a bad one.
Figures evaluate(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                 int replications, std::uint64_t seed, PluginRegistry& registry,
                 const Execution& execution = {});

// The same for a scenario already loaded.
Figures evaluate(const Scenario& scenario, PluginRegistry& registry,
                 const Execution& execution = {});

}  // namespace tandem::study
