#include "cli/run_support.hpp"

#include <fmt/core.h>

#include <unistd.h>

#include <cstdio>

namespace tandem::cli {

std::function<void(int, int)> terminal_progress(const std::string& label) {
  if (!isatty(STDERR_FILENO)) return {};
  const std::string prefix = label.empty() ? "" : label + " ";
  return [prefix](int done, int total) {
    const int width = 30, filled = done * width / total;
    fmt::print(stderr, "\r  {}[{:=<{}}{: <{}}] {}/{} replications", prefix, "", filled, "",
               width - filled, done, total);
    if (done == total)
      fmt::print(stderr, "\r{: <{}}\r", "", width + 40 + static_cast<int>(prefix.size()));
    std::fflush(stderr);
  };
}

RunManifest run_manifest(const Scenario& scenario, const RunPlugins& plugins) {
  RunManifest manifest{scenario.seed, scenario.replications, {}};
  const auto use = [&](const std::string& slot, const LoadedPlugin& p) {
    manifest.plugins.push_back({slot, p.name(), p.version(), p.abi(), p.kind()});
  };
  use("lead_policy", *plugins.lead_policy);
  const std::vector<PaidTeam> teams = paid_teams(scenario);
  for (std::size_t t = 0; t < teams.size(); ++t)
    for (std::size_t i = 0; i < plugins.pay[t].size(); ++i)
      use(teams[t].key + ".pay" + (i == 0 ? "" : ".components[" + std::to_string(i - 1) + "]"),
          *plugins.pay[t][i]);
  return manifest;
}

}  // namespace tandem::cli
