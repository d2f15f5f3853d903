#!/usr/bin/env bash
# The second command: installs what is missing, builds with the ci preset (warnings are
# errors) and runs every test. Extra arguments go to ctest, e.g.
#   scripts/test.sh -R '^output:'      scripts/test.sh -j2
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/deps.sh --test
cmake --preset ci
cmake --build --preset ci
exec ctest --preset ci "$@"
