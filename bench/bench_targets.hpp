// Targets the benchmarks print PASS or MISS against (docs/performance.md says why each).
#pragma once

namespace tandem::bench {

// Adaptive agents value every choice by calling their pay plans: on the baseline scenario
// they may take this many times the fixed rules' time, no more (one thread each, the same
// replications).
constexpr double kAdaptiveRatioTarget = 2.5;

}  // namespace tandem::bench
