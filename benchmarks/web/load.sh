#!/usr/bin/env bash
# Load test of `graf serve`: first `graf bench` on the index and `graf bench
# --url` through the server (the same queries and method: the HTTP cost per
# search), then wrk drives GET /api/search with the query file's searches
# from many connections on loopback for a bounded time, while a `graf index`
# run adds another corpus to the same index and commits.
#   benchmarks/web/load.sh [GRAF] [CORPUS] [QUERIES] [SECONDS] [CONNECTIONS] [EXTRA_CORPUS]
# Defaults: build/app/graf, Reuters, reuters.tsv, 10 s, 8 connections, BBC.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
graf=${1:-$here/build/app/graf}
corpus=${2:-$here/../shared/corpus/reuters21578.jsonl}
queries=${3:-$here/../shared/queries/reuters.tsv}
seconds=${4:-10}
connections=${5:-8}
extra=${6:-$here/../shared/corpus/bbc}
work=${WORK:-$here/bench-out/web}

command -v wrk >/dev/null || { echo "load.sh: needs wrk (Debian's wrk; scripts/install-deps.sh)" >&2; exit 1; }
for p in "$corpus" "$queries"; do [[ -e "$p" ]] || { echo "load.sh: no $p" >&2; exit 1; }; done
mkdir -p "$work"
# A pristine index once, copied for each run: the concurrent indexing changes it.
if [[ ! -d "$work/pristine" ]]; then
  "$graf" index --db "$work/pristine" --quiet "$corpus" >/dev/null
fi
rm -rf "$work/db"
cp -r "$work/pristine" "$work/db"

"$graf" serve --db "$work/db" --port 0 --threads "$connections" >"$work/serve.out" 2>"$work/serve.err" &
server=$!
indexer=""
trap 'kill $server $indexer 2>/dev/null || true; wait 2>/dev/null || true' EXIT
port=""
for _ in $(seq 100); do
  port=$(sed -n 's|^graf serve: listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { cat "$work/serve.err"; exit 1; }

# Latency by `graf bench`'s method (each query's minimum over 5 shuffled
# runs, p50 over the queries), on the index and through the server's
# /api/search, back to back before the load: the HTTP cost per search.
all_p50() { sed -n 's/.*"all":{[^}]*"p50_us":\([0-9.]*\).*/\1/p'; }
cli_p50=$("$graf" bench --db "$work/db" --queries "$queries" --json | all_p50)
http_p50=$("$graf" bench --url "http://127.0.0.1:$port" --queries "$queries" --json | all_p50)

if [[ -e "$extra" ]]; then
  # Small commits, so the server meets many new revisions during the run.
  "$graf" index --db "$work/db" --quiet --threads 1 --commit-every 500 "$extra" >"$work/index.out" 2>&1 &
  indexer=$!
fi
# The server's CPU time per request: a figure a busy shared machine bends less than latency.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(cpu_ticks)
GRAF_QUERIES="$queries" wrk -t $(( connections < 2 ? 1 : 2 )) -c "$connections" -d "${seconds}s" --timeout 5s \
  -s "$here/benchmarks/web/search.lua" "http://127.0.0.1:$port" | tail -1 >"$work/load.json"
after=$(cpu_ticks)
requests=$(sed -n 's/.*"requests": \([0-9]*\).*/\1/p' "$work/load.json")
cpu_us=$(( (after - before) * 1000000 / $(getconf CLK_TCK) / (requests > 0 ? requests : 1) ))
sed -i "s/}\$/, \"server_cpu_us_per_request\": $cpu_us, \"bench_p50_us\": $cli_p50, \"bench_url_p50_us\": $http_p50, \"load_average\": \"$(cut -d' ' -f1 /proc/loadavg)\"}/" "$work/load.json"
cat "$work/load.json"
if [[ -n "$indexer" ]]; then
  if kill -0 "$indexer" 2>/dev/null; then echo "(graf index still running at the end: it committed throughout)"
  else wait "$indexer" && echo "(graf index of $(basename "$extra") committed during the run: $(tail -1 "$work/index.out"))"; fi
fi
