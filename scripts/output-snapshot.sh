#!/usr/bin/env bash
# Writes every output a refactoring must keep byte for byte: each shipped scenario's run
# folder, a compare, a sweep, the analytic estimate and each payout example, all under
# OUT. Run it with the build before a change and the build after, then compare the two:
#   scripts/output-snapshot.sh build/ci /tmp/before      # on the old commit
#   scripts/output-snapshot.sh build/ci /tmp/after       # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
# Replications are few (REPLICATIONS, default 4) so it takes a minute or two; what is
# compared is every byte of every file, terminal output included.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ $# -ne 2 ]]; then
  echo "usage: scripts/output-snapshot.sh BUILD_DIR OUT_DIR" >&2
  exit 2
fi
tandem="$1/bin/tandem"
out="$2"
reps="${REPLICATIONS:-4}"
[[ -x "$tandem" ]] || { echo "output-snapshot.sh: no program at $tandem; build first" >&2; exit 2; }
rm -rf "$out"
mkdir -p "$out"

common=(--no-history --replications "$reps" --threads 2)
for scenario in scenarios/*.yaml scenarios/lead-definitions/*.yaml; do
  name=$(basename "$scenario" .yaml)
  "$tandem" run "$scenario" "${common[@]}" --out "$out/run-$name" >"$out/run-$name.txt"
  "$tandem" run "$scenario" "${common[@]}" --out "$out/json-$name" --format json \
    >"$out/run-$name.json" 2>/dev/null
  rm -rf "$out/json-$name"  # the same folder as run-$name; only the printed JSON is kept
  "$tandem" estimate "$scenario" >"$out/estimate-$name.txt"
done
"$tandem" estimate scenarios/baseline.yaml --format json >"$out/estimate-baseline.json"

"$tandem" compare scenarios/baseline.yaml scenarios/baseline.yaml "${common[@]}" \
  --set-alt sales.pay.params.rate=0.12 --out "$out/compare-rate" >"$out/compare-rate.txt"
"$tandem" compare scenarios/baseline.yaml scenarios/quarter_end.yaml "${common[@]}" \
  --out "$out/compare-quarter-end" --format json >"$out/compare-quarter-end.json" 2>/dev/null
"$tandem" sweep scenarios/baseline.yaml "${common[@]}" \
  --vary sales.pay.params.rate=0.08,0.12 --vary marketing.people=3,5 \
  --out "$out/sweep" >"$out/sweep.txt"

for plan in scenarios/payout/*.yaml; do
  name=$(basename "$plan" .yaml)
  "$tandem" payout "$plan" --results scenarios/payout/results.csv \
    --out "$out/payout-$name.csv" >"$out/payout-$name.txt"
done

# A line naming the folder it wrote is the only place a path appears; make it relative.
# The estimate's own timing is the only figure that varies from run to run: masked.
sed -i -e "s#$out/##g" -e 's/estimated in [0-9.]* ms/estimated in (time) ms/' \
  -e 's/"milliseconds": [0-9.]*/"milliseconds": (time)/' "$out"/*.txt "$out"/*.json
echo "wrote $(find "$out" -type f | wc -l) files under $out"
