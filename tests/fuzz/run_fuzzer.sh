#!/usr/bin/env bash
# Runs one fuzz target for SECONDS over its seeds (corpus/TARGET) and regressions
# (regressions/TARGET), growing a scratch corpus in WORK; crashes go to WORK/findings/TARGET.
# Prints the executions and exits non-zero on a finding. Used by scripts/fuzz.sh and by
# the CTest test of each target.
#   tests/fuzz/run_fuzzer.sh TARGET FUZZER SECONDS WORK [libFuzzer flags...]
set -euo pipefail

if (($# < 4)); then
  echo "usage: $0 TARGET FUZZER SECONDS WORK [libFuzzer flags...]" >&2
  exit 2
fi
target=$1 fuzzer=$2 seconds=$3 work=$4
shift 4
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

corpus="$work/corpus/$target"
findings="$work/findings/$target"
log="$work/$target.log"
mkdir -p "$corpus" "$findings"

dict="$here/yaml.dict"
[[ "$target" == results_csv ]] && dict="$here/results_csv.dict"
inputs=("$corpus" "$here/corpus/$target")
[[ -d "$here/regressions/$target" ]] && inputs+=("$here/regressions/$target")

# The first folder receives the new inputs; the checked-in ones are only read.
started="$work/.$target.started"
touch "$started"
status=0
# The outer limit ends a run that overshoots: on running out of memory, ASan's heap
# profile can take longer than the run itself.
timeout --signal=KILL $((seconds + 120)) \
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -dict="$dict" \
  -artifact_prefix="$findings/" -print_final_stats=1 "$@" "${inputs[@]}" >"$log" 2>&1 ||
  status=$?

executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
echo "$target: ${executions:-?} executions in ${seconds} s, corpus $(find "$corpus" -type f | wc -l) files (log: $log)"
if ((status != 0)); then
  echo "$target: FINDING (exit $status); the end of the log:" >&2
  grep -E '^(==[0-9]+==|SUMMARY|.*runtime error|.*terminate called|    #[0-9]+ )' "$log" | head -n 40 >&2 || true
  tail -n 5 "$log" >&2
  find "$findings" -type f -newer "$started" | sed 's/^/  input: /' >&2
  if ((status == 137)); then
    echo "$target: killed $((seconds + 120)) s in, before it saved its input (out of memory?);" \
         "the log above says what it was doing" >&2
  fi
fi
exit "$status"
