#!/usr/bin/env bash
# The second command: installs what is missing, builds with the ci preset (warnings are
# errors) and runs every test. Extra arguments go to ctest, e.g.
#   scripts/test.sh -R '^output:'      scripts/test.sh -j2
# With --sanitizers first, the same suite is built and run under AddressSanitizer and
# UndefinedBehaviorSanitizer (the asan preset): any leak, overflow or undefined behaviour
# fails the test that hit it.
#   scripts/test.sh --sanitizers
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

preset=ci
if [[ "${1:-}" == "--sanitizers" ]]; then
  preset=asan
  shift
fi

bash scripts/deps.sh --test
cmake --preset "$preset"
cmake --build --preset "$preset"
exec ctest --preset "$preset" "$@"
