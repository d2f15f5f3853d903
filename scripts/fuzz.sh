#!/usr/bin/env bash
# Fuzzes the loaders of a user's files: builds the fuzz preset (clang, libFuzzer, ASan and
# UBSan) and runs every target side by side for SECONDS of wall time (default 600; the
# targets share the machine's cores), each over its checked-in seeds and regressions plus
# what earlier runs found. Prints the executions per target; exits non-zero if any target
# found a crash, a hang (over 10 s), a sanitizer report or memory over 2 GB, and names the
# input that did it.
#   scripts/fuzz.sh            ten minutes
#   scripts/fuzz.sh 60         one minute
# The grown corpus and the findings stay in the build folder (FUZZ_BUILD_DIR, default
# build/fuzz): corpus/<target>/, findings/<target>/. Nothing is written into the source tree.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${1:-600}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 1)); then
  echo "usage: scripts/fuzz.sh [SECONDS]" >&2
  exit 2
fi
build="${FUZZ_BUILD_DIR:-build/fuzz}"

bash scripts/deps.sh --fuzz
cmake --preset fuzz -B "$build" >/dev/null
cmake --build "$build" --target fuzzers

# The shipped plugins beside the targets, whatever the user's TANDEM_PLUGIN_PATH.
export TANDEM_PLUGIN_PATH=
targets=(scenario plan_file results_csv)
pids=()
for target in "${targets[@]}"; do
  bash tests/fuzz/run_fuzzer.sh "$target" "$build/bin/${target}_fuzzer" "$seconds" "$build" &
  pids+=($!)
done
echo "fuzzing ${targets[*]} for $seconds s (logs: $build/<target>.log)"

failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
if ((failed)); then
  echo "fuzz: a target found something; reproduce with $build/bin/<target>_fuzzer INPUT," \
       "fix it, and keep the input in tests/fuzz/regressions/<target>/" >&2
fi
exit "$failed"
