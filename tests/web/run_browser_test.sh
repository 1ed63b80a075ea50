#!/usr/bin/env bash
# ctest's browser test of `graf serve`: indexes corpus/sample and the
# harbour fixture, starts the server on a free loopback port, installs
# playwright-core (package-lock.json) into the build folder and drives
# Debian's chromium with browser_test.mjs. Screenshots: WORK/screenshots.
#   run_browser_test.sh GRAF_BINARY SOURCE_DIR WORK
# Exit 77 (ctest: skipped) only when chromium or npm cannot be had.
set -euo pipefail
graf=$1 src=$2 work=$3
here="$src/tests/web"
chromium=${GRAF_CHROMIUM:-/usr/bin/chromium}

if [[ ! -x "$chromium" ]]; then
  echo "SKIPPED: no $chromium (scripts/install-deps.sh installs Debian's chromium as root)"
  exit 77
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIPPED: no node/npm (scripts/install-deps.sh installs Debian's npm as root)"
  exit 77
fi

mkdir -p "$work"
# playwright-core as pinned in package-lock.json, reinstalled when the lock changes.
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" ||
   [[ ! -d "$work/node_modules/playwright-core" ]]; then
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  if ! (cd "$work" && npm ci --no-audit --no-fund --loglevel=error); then
    rm -f "$work/package-lock.json"
    echo "SKIPPED: npm could not install playwright-core (no registry?)"
    exit 77
  fi
fi
cp "$here/browser_test.mjs" "$work/"

db="$work/index"
rm -rf "$db" "$work/screenshots"
"$graf" index --db "$db" --quiet "$src/corpus/sample" "$here/fixtures/harbour.jsonl"

"$graf" serve --db "$db" --port 0 --threads 4 >"$work/serve.out" 2>"$work/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 100); do
  port=$(sed -n 's|^graf serve: listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
  [[ -n "$port" ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.err"; exit 1; }
  sleep 0.1
done
[[ -n "$port" ]] || { echo "graf serve did not start"; cat "$work/serve.err"; exit 1; }

timeout 300 node "$work/browser_test.mjs" "http://127.0.0.1:$port" "$work/screenshots"
