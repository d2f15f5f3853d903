#!/usr/bin/env bash
# Opens every kind of report.html (a run, a comparison and its two runs, a sweep, a
# calibration) in headless Chromium and fails unless each page loads without a single console message or
# script error and every chart on it draws. The page checks itself once drawn (see
# core/report/assets/report.js) and leaves the verdict on <body>; this reads it back from
# the DOM Chromium dumps, and keeps a screenshot of each page as an artifact.
#
#   check_report.sh TANDEM PROJECT_DIR WORK_DIR ARTIFACT_DIR
#
# Exits 77 (ctest: skipped) when no Chromium is installed; scripts/deps.sh --test installs it.
set -euo pipefail

tandem="$1" project="$2" work="$3" artifacts="$4"

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [[ -z "$browser" ]]; then
  echo "check_report.sh: no Chromium found; install Debian's chromium (bash scripts/deps.sh --test)" >&2
  exit 77
fi

rm -rf "$work"
mkdir -p "$work" "$artifacts"
# The root user (containers, CI) needs --no-sandbox; no GPU, no shared-memory surprises.
chrome=("$browser" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage
        --no-first-run --hide-scrollbars --virtual-time-budget=10000)

# Small but real: adaptive people (so the behaviour panel has pulls and ignored leads),
# one simulated year, a few replications.
small=(--replications 4 --set horizon.periods=52 --no-history)
"$tandem" run "$project/scenarios/quarter_end.yaml" "${small[@]}" \
  --set behaviour.mode=adaptive --out "$work/run" >/dev/null
"$tandem" compare "$project/scenarios/baseline.yaml" "$project/scenarios/quarter_end.yaml" \
  "${small[@]}" --set behaviour.mode=adaptive --out "$work/compare" >/dev/null
"$tandem" sweep "$project/scenarios/baseline.yaml" --vary market.demand=0.8,1.0,1.2 \
  "${small[@]}" --out "$work/sweep" >/dev/null
"$tandem" calibrate "$project/tests/integration/scenarios/small.yaml" \
  --mapping "$project/tests/calibrate/export/mapping.yaml" --fit funnel.contact_rate=0.3..0.9 \
  --evaluations 6 --min-mqls 50 -r 2 --holdout-from 2024-05-01 --no-history --out "$work/calibrate" >/dev/null 2>&1

failures=0
# check NAME PAGE MINIMUM_CHARTS
check() {
  local name="$1" page="$2" minimum="$3"
  local dom="$work/$name.dom.html" log="$work/$name.console.log"
  if [[ ! -s "$page" ]]; then
    echo "FAIL $name: $page was not written"; failures=$((failures + 1)); return
  fi
  "${chrome[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$page" >"$dom" 2>"$log" || true
  "${chrome[@]}" --window-size=1280,5200 --screenshot="$artifacts/report-$name.png" \
    "file://$page" >/dev/null 2>&1 || true

  local status expected drawn
  status="$(grep -o 'data-report-status="[a-z]*"' "$dom" | head -1 | cut -d'"' -f2 || true)"
  expected="$(grep -o 'data-charts-expected="[0-9]*"' "$dom" | head -1 | cut -d'"' -f2 || true)"
  drawn="$(grep -o 'data-charts-drawn="[0-9]*"' "$dom" | head -1 | cut -d'"' -f2 || true)"
  # Chromium logs every console message (log, warning, error, uncaught exception) as CONSOLE.
  local console
  console="$(grep 'CONSOLE' "$log" || true)"

  if [[ "$status" != "ok" || -z "$expected" || "$expected" != "$drawn" ||
        "$expected" -lt "$minimum" || -n "$console" ]]; then
    echo "FAIL $name: status='${status:-none}', charts drawn ${drawn:-?} of ${expected:-?} (at least $minimum expected)"
    [[ -n "$console" ]] && echo "  console: $console"
    # The page's own list of what went wrong (empty when the page never ran).
    awk '/<pre id="report-errors">/ { p = 1 } p { print "  " $0 } p && /<\/pre>/ { exit }' "$dom" | head -20
    failures=$((failures + 1))
  else
    echo "ok   $name: $drawn charts drawn, no console messages ($artifacts/report-$name.png)"
  fi
}

check run "$work/run/report.html" 9
check compare "$work/compare/report.html" 3
check compare-base "$work/compare/base/report.html" 9
check compare-alt "$work/compare/alt/report.html" 9
check sweep "$work/sweep/report.html" 8
check calibrate "$work/calibrate/report.html" 4

exit $((failures > 0))
