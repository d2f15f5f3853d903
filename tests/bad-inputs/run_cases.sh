#!/usr/bin/env bash
# Runs every case of the bad-input corpus (see README.md here) and reports each one.
#
#   run_cases.sh TANDEM FIXTURE_PLUGIN_DIR WORK_DIR [CASE]
#
# TANDEM is the program; FIXTURE_PLUGIN_DIR replaces {fixtures} in a case's command;
# WORK_DIR is emptied and receives a copy of this folder, where the cases run; CASE (a
# glob, e.g. '4?-*') runs only the matching cases. Exits 1 if any case fails, after
# running them all.
set -uo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: run_cases.sh TANDEM FIXTURE_PLUGIN_DIR WORK_DIR [CASE]" >&2
  exit 2
fi
tandem=$1
fixtures=$2
work=$3
only=${4:-*}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The cases run in a copy of this folder: messages name files as the case gives them
# ("07-x.yaml", not a path of this machine), and whatever a case leaves behind is found
# there and never lands in the source tree.
rm -rf "$work"
mkdir -p "$work/cases" "$work/output"
cp -a "$here/." "$work/cases/"
cd "$work/cases" || exit 2
out=$work/output

listing() { find . -mindepth 1 | LC_ALL=C sort; }
indent() { sed 's/^/    /'; }

# A file of a case without its .expected is a case that would never run: say so.
problems=()
for file in [0-9][0-9]*-*; do
  name=${file%%.*}
  [[ -f $name.expected ]] || problems+=("$file: no $name.expected, so no case runs it")
done

total=0
failed=()
for expected in [0-9][0-9]*-*.expected; do
  name=${expected%.expected}
  # shellcheck disable=SC2053  # $only is a glob on purpose
  [[ $name == $only ]] || continue
  total=$((total + 1))

  # The command: the first line of NN-what.cmd that is not a comment, split at spaces.
  line="validate $name.yaml"
  if [[ -f $name.cmd ]]; then
    line=$(grep -v -e '^#' -e '^[[:space:]]*$' "$name.cmd" | head -n 1)
  fi
  line=${line//\{fixtures\}/$fixtures}
  read -r -a words <<<"$line"
  want_exit=2
  [[ -f $name.exit ]] && want_exit=$(tr -d '[:space:]' <"$name.exit")

  # Where the command would write (--out, -o): it must not be there afterwards unless it
  # was there before (a folder that already exists is refused, not removed).
  targets=()
  for ((i = 0; i + 1 < ${#words[@]}; i++)); do
    if [[ ${words[i]} == --out || ${words[i]} == -o ]]; then
      [[ -e ${words[i + 1]} ]] || targets+=("${words[i + 1]}")
    fi
  done

  before=$(listing)
  timeout 60 "$tandem" "${words[@]}" >"$out/$name.stdout" 2>"$out/$name.stderr"
  got_exit=$?
  after=$(listing)

  why=()
  if [[ $got_exit != "$want_exit" ]]; then
    case $got_exit in
      124) why+=("exit code: expected $want_exit, got 124 (no answer within 60 s: a hang?)") ;;
      13[0-9] | 1[4-9][0-9]) why+=("exit code: expected $want_exit, got $got_exit (killed by signal $((got_exit - 128)): a crash?)") ;;
      *) why+=("exit code: expected $want_exit, got $got_exit") ;;
    esac
  fi
  missing=()
  count=0
  while IFS= read -r want || [[ -n $want ]]; do
    [[ -z $want ]] && continue
    count=$((count + 1))
    found=0
    while IFS= read -r got || [[ -n $got ]]; do
      if [[ $got == "$want"* ]]; then
        found=1
        break
      fi
    done <"$out/$name.stderr"
    [[ $found == 1 ]] || missing+=("$want")
  done <"$expected"
  [[ $count == 0 ]] && why+=("$expected has no lines: write the message the case must produce")
  [[ ${#missing[@]} -gt 0 ]] && why+=("no line of stderr begins with:" "${missing[@]/#/  }")
  left=$(comm -13 <(echo "$before") <(echo "$after"))
  for target in "${targets[@]}"; do
    shown=$target
    [[ $shown == /* ]] || shown=./$shown
    [[ -e $target ]] && ! grep -qxF -- "$shown" <<<"$left" && left+=$'\n'"$shown"
  done
  if [[ -n ${left//[[:space:]]/} ]]; then
    why+=("left behind (a refused command must write nothing, not even half):"
      "$(echo "$left" | grep -v '^$' | head -n 10 | indent)")
    # Removed, so that the next cases start from the same folder.
    echo "$left" | grep -v '^$' | while IFS= read -r path; do rm -rf -- "$path"; done
  fi

  if [[ ${#why[@]} -eq 0 ]]; then
    echo "ok    $name"
    continue
  fi
  failed+=("$name")
  echo "FAIL  $name"
  echo "  command: tandem ${words[*]}   (in $work/cases)"
  for w in "${why[@]}"; do indent <<<"$w" | cut -c3-; done
  echo "  expected stderr lines ($expected):"
  indent <"$expected"
  echo "  actual stderr:"
  indent <"$out/$name.stderr"
  if [[ -s $out/$name.stdout ]]; then
    echo "  actual stdout (first 20 lines):"
    head -n 20 "$out/$name.stdout" | indent
  fi
done

for p in "${problems[@]}"; do echo "FAIL  $p"; done
if [[ $total == 0 ]]; then
  echo "no case matches '$only'"
  exit 1
fi
if [[ ${#failed[@]} -gt 0 || ${#problems[@]} -gt 0 ]]; then
  echo "${#failed[@]} of $total cases failed: ${failed[*]}"
  [[ ${#problems[@]} -gt 0 ]] && echo "${#problems[@]} files belong to no case"
  exit 1
fi
echo "all $total cases passed"
