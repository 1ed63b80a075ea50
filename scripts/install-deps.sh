#!/usr/bin/env bash
# Installs the Debian packages graf needs to build, test and benchmark.
# As root it runs apt-get; otherwise it prints the exact command and fails,
# so `make` never half-builds on a machine that lacks a library.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkgconf
  libxapian-dev xapian-tools      # the index, and xapian-check/xapian-delve for tests
  libicu-dev                      # normalisation, case folding, Windows-1252 decoding
  libcxxopts-dev libfmt-dev       # command line and output
  nlohmann-json3-dev              # JSON Lines input, --json output
  libxml2-dev                     # HTML input: libxml2's HTML parser
  libcsv-dev                      # CSV input: an RFC 4180 parser
  groff-base zsh                  # the install test: graf.1 formats, zsh completion runs
  zlib1g-dev liblzma-dev libzstd-dev  # .jsonl.gz / .jsonl.xz / .jsonl.zst input; libzstd: records
  doctest-dev                     # unit and end-to-end tests
  libsqlite3-dev                  # the SQLite FTS5 peer in benchmarks/
  libbenchmark-dev                # micro-benchmarks
  clang libclang-rt-dev           # libFuzzer targets (make fuzz)
  libcpp-httplib-dev              # graf serve: the HTTP server
  chromium                        # the browser test of graf serve's page (tests/web)
  wrk                             # benchmarks/web/load.sh: graf serve under load
)
# npm installs playwright-core for the browser test; Debian's npm brings
# nodejs along. A machine that has node and npm from elsewhere keeps them.
command -v npm >/dev/null || packages+=(npm)
if [[ "${GRAF_EXTRA_PACKAGES:-}" ]]; then
  read -r -a extra <<<"$GRAF_EXTRA_PACKAGES"
  packages+=("${extra[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "graf: missing Debian packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "graf: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
