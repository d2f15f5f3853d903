#!/usr/bin/env bash
# Installs the Debian packages Tandem is built with (and, with --test, tested with): only
# those missing, so on a machine that has them all this does nothing (and needs no network
# and no root).
#   scripts/deps.sh          to build and run
#   scripts/deps.sh --test   also what the tests need (Chromium, to open report.html)
#   scripts/deps.sh --fuzz   also what the fuzz preset needs (clang and its libFuzzer)
# The flags combine: scripts/deps.sh --test --fuzz.
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache
  libboost-dev libboost-program-options-dev
  libyaml-cpp-dev libeigen3-dev catch2 libfmt-dev nlohmann-json3-dev libsqlite3-dev
  libnlopt-cxx-dev
  libjs-chart.js
)
for flag in "$@"; do
  case "$flag" in
    --test) packages+=(chromium) ;;
    # libFuzzer is in libclang-rt-dev, which clang only recommends.
    --fuzz) packages+=(clang libclang-rt-dev) ;;
    *)
      echo "usage: scripts/deps.sh [--test] [--fuzz]" >&2
      exit 2
      ;;
  esac
done

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps.sh: not a Debian-based system; make sure these (or their equivalents) are" \
       "installed: ${packages[*]}" >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

# sudo only when needed: as root (containers, CI) it may not even be there.
as_root=()
if [[ "$(id -u)" -ne 0 ]]; then
  as_root=(sudo)
fi

echo "deps.sh: installing ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
