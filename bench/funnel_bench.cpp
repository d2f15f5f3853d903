// Times the funnel engine on a scenario: replications per second with one thread and with
// all cores, and the cost per simulated inquiry. Prints figures with the machine's core
// count; compare ratios between machines, not seconds.
#include "bench_targets.hpp"
#include "config/scenario.hpp"
#include "engine/simulation.hpp"
#include "plugins/registry.hpp"

#include <fmt/core.h>

#include <chrono>
#include <thread>

using namespace tandem;

namespace {
double seconds_for(const Scenario& s, const RunPlugins& plugins, int threads, double& inquiries) {
  RunOptions options;
  options.threads = threads;
  const auto start = std::chrono::steady_clock::now();
  const RunResult r = run_simulation(s, plugins, options);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  inquiries = 0;
  for (const auto& rep : r.replications)
    for (const auto& h : rep.headlines)
      if (h.name == "inquiries") inquiries += h.value;
  return secs;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: funnel_bench SCENARIO [REPLICATIONS]\n");
    return 2;
  }
  try {
    PluginRegistry registry(plugin_search_path({}));
    // Every period counts here, the warm-up included: the cost per inquiry is per inquiry
    // simulated.
    std::vector<std::string> overrides = {"horizon.warmup_periods=0"};
    if (argc > 2) overrides.push_back(std::string("replications=") + argv[2]);
    const Scenario s = load_scenario(argv[1], overrides, registry);
    const RunPlugins plugins = resolve_plugins(s, registry);
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    double inquiries = 0;
    seconds_for(s, plugins, cores, inquiries);  // warm up: page in plugins and caches
    const double one = seconds_for(s, plugins, 1, inquiries);
    const double all = seconds_for(s, plugins, cores, inquiries);
    fmt::print("scenario {}: {} replications x {} periods, {:.0f} inquiries in all\n", s.name,
               s.replications, s.horizon.periods, inquiries);
    fmt::print("1 thread:  {:.3f} s  ({:.1f} ms per replication, {:.0f} ns per inquiry)\n", one,
               1e3 * one / s.replications, 1e9 * one / inquiries);
    fmt::print("{} threads: {:.3f} s  (speed-up {:.2f}x on {} cores)\n", cores, all, one / all,
               cores);
    // The same scenario with adaptive agents, who value choices by calling their pay plans:
    // what that costs, as a ratio to the fixed rules on one thread.
    overrides.push_back("behaviour.mode=adaptive");
    const Scenario adaptive = load_scenario(argv[1], overrides, registry);
    double adaptive_inquiries = 0;
    const double adaptive_one =
        seconds_for(adaptive, resolve_plugins(adaptive, registry), 1, adaptive_inquiries);
    // Adaptive agents run a different company on the same market (marketers paid per MQL
    // buy more inquiries): their cost is the time per inquiry against the fixed rules'.
    const double ratio = (adaptive_one / adaptive_inquiries) / (one / inquiries);
    fmt::print(
        "adaptive, 1 thread: {:.3f} s on {:.0f} inquiries ({:.2f}x the time; {:.2f}x the "
        "fixed rules' time per inquiry; target <= {:.2f}x: {})\n",
        adaptive_one, adaptive_inquiries, adaptive_one / one, ratio, bench::kAdaptiveRatioTarget,
        ratio <= bench::kAdaptiveRatioTarget ? "PASS" : "MISS");
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
}
