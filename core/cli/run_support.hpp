// What the verbs that simulate (run, compare) share: the progress bar, and the manifest of
// the plugins a run used.
#pragma once

#include "config/scenario.hpp"
#include "engine/simulation.hpp"
#include "output/run_manifest.hpp"

#include <functional>
#include <string>

namespace tandem::cli {

// A one-line progress bar on stderr, "  LABEL [=====     ] 3/20 replications", for
// RunOptions::progress; empty (no bar) unless stderr is a terminal, so logs and pipes
// never see it. The bar erases itself when done.
std::function<void(int, int)> terminal_progress(const std::string& label = "");

// The seed, replications and each plugin slot of the scenario with the plugin loaded
// for it, as summary.json records them.
RunManifest run_manifest(const Scenario& scenario, const RunPlugins& plugins);

}  // namespace tandem::cli
