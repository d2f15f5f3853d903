#!/usr/bin/env bash
# The second command: installs what is missing, builds with the ci preset (warnings are
# errors) and runs every test. Extra arguments go to ctest, e.g.
#   scripts/test.sh -R '^output:'      scripts/test.sh -j2
# With --sanitizers first, the same suite is built and run under AddressSanitizer and
# UndefinedBehaviorSanitizer (the asan preset): any leak, overflow or undefined behaviour
# fails the test that hit it.
#   scripts/test.sh --sanitizers
# After the ci suite comes a short fuzz pass (the fuzz preset: each libFuzzer target over
# its seeds and regressions plus 20 s; 2 to 3 minutes on two cores, build included).
# TANDEM_CI_FUZZ=0 leaves it out. See docs/contributing.md, "Fuzzing".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

preset=ci
fuzz="${TANDEM_CI_FUZZ:-1}"
if [[ "${1:-}" == "--sanitizers" ]]; then
  preset=asan
  fuzz=0  # the fuzz build carries the same sanitizers; once per CI run is enough
  shift
fi

deps=(--test)
[[ "$fuzz" == 1 ]] && deps+=(--fuzz)
bash scripts/deps.sh "${deps[@]}"
cmake --preset "$preset"
cmake --build --preset "$preset"
if [[ "$fuzz" != 1 ]]; then
  exec ctest --preset "$preset" "$@"
fi
ctest --preset "$preset" "$@"
cmake --preset fuzz
cmake --build --preset fuzz
exec ctest --preset fuzz
