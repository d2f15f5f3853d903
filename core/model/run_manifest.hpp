// What a run was made of, beyond the scenario: the seed used, how many replications, and
// each plugin as it was loaded (name, version, ABI). summary.json opens with it.
#pragma once

#include <tandem/plugin.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace tandem {

struct PluginUse {
  std::string slot;  // where the scenario uses it: "lead_policy", "marketing.pay", "sales.pay"
  std::string name;
  std::string version;
  std::uint32_t abi = 0;
  PluginKind kind = PluginKind::pay_plan;
};

struct RunManifest {
  std::uint64_t seed = 0;
  int replications = 0;
  std::vector<PluginUse> plugins;
};

}  // namespace tandem
