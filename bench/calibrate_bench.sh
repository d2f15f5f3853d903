#!/usr/bin/env bash
# How long a calibration of 8 free keys takes: the Olist scenario fitted to the public
# Olist export (docs/calibration.md, stage 2), against the target of 10 minutes on 2 cores.
#
#   bench/calibrate_bench.sh TANDEM DATA_DIR [EVALUATIONS] [REPLICATIONS]
#
# TANDEM: a release build's tandem; DATA_DIR: the folder holding the export's two CSVs.
# Prints the wall time, the CPU time, the machine, and PASS/MISS.
set -euo pipefail
tandem="$1" data="$2" evaluations="${3:-150}" replications="${4:-8}"
project="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
/usr/bin/time -f "%e s wall, %U s user, %S s system, %M KiB peak" -o "$out/time" \
  "$tandem" calibrate "$project/scenarios/olist/olist.yaml" \
  --mapping "$project/scenarios/olist/mapping.yaml" --data "$data" \
  --fit channels.0.in_market_share=0.02..1 --fit channels.1.in_market_share=0.02..1 \
  --fit channels.2.in_market_share=0.02..1 --fit channels.3.in_market_share=0.02..1 \
  --fit channels.4.in_market_share=0.02..1 --fit channels.5.in_market_share=0.01..1 \
  --fit channels.6.in_market_share=0.02..1 --fit deals.median_cycle_days=2..30 \
  --evaluations "$evaluations" -r "$replications" --no-history --out "$out/fit" >/dev/null 2>&1
end=$(date +%s.%N)
wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
echo "8 free keys, $evaluations evaluations at most ($(python3 -c "import json;print(json.load(open('$out/fit/fit.json'))['evaluations'])") made), $replications replications each: $(cat "$out/time")"
verdict=$(awk -v w="$wall" 'BEGIN { print (w <= 600 ? "PASS" : "MISS") }')
echo "target: <= 600 s on 2 cores: $verdict"
