#!/usr/bin/env bash
# The first command: installs what is missing, builds Tandem (release preset) and runs the
# baseline scenario. Extra arguments go to `tandem run`, e.g.
#   scripts/setup.sh --replications 20 --out runs/first
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/deps.sh
cmake --preset release
cmake --build --preset release
exec build/release/bin/tandem run scenarios/baseline.yaml "$@"
