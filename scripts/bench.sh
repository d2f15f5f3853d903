#!/usr/bin/env bash
# The benchmarks, in one command: builds what they need with the release preset (the
# tandem program, the shipped plugins and bench/throughput_bench) and prints the table of
# figures against their targets. What it measures: docs/performance.md. Arguments go to
# throughput_bench: runs per figure (default 3; the best time and the highest peak memory
# are kept) and replications of the baseline scenario per timed run (default 40), e.g.
#   scripts/bench.sh          scripts/bench.sh 5 100
# TANDEM_BENCH_BUILD=DIR builds in DIR (configured as a Release build if it is new)
# instead of the preset's build/release.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/deps.sh
if [[ -n "${TANDEM_BENCH_BUILD:-}" ]]; then
  build="$TANDEM_BENCH_BUILD"
  [[ -f "$build/CMakeCache.txt" ]] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
  cmake --build "$build" --target throughput_bench
else
  build=build/release
  cmake --preset release
  cmake --build --preset release --target throughput_bench
fi
exec "$build/bin/throughput_bench" scenarios/baseline.yaml bench/scenarios/large.yaml "$@"
