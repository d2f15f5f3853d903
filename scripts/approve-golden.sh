#!/usr/bin/env bash
# Approves the current golden outputs (tests/golden): reruns the golden scenario with the
# given build's tandem and copies its files over the approved ones. Look at the
# difference first (the failing test names the file); commit the result with a message
# saying why the outputs changed.
#   scripts/approve-golden.sh [BUILD_DIR]     (default: build/dev)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-build/dev}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/bin/tandem" run tests/integration/scenarios/small.yaml --no-history --replications 3 --threads 2 \
  --out "$out/run" >/dev/null
for f in summary.json ledger.csv; do
  cp "$out/run/$f" "tests/golden/small.$f.approved"
  echo "approved tests/golden/small.$f.approved"
done
