#!/usr/bin/env bash
# Runs every libFuzzer target of `make fuzz` for SECONDS each and reports runs,
# coverage and crashes. Seeds: the bundled sample corpus and real queries.
# Findings accumulate in BUILD/corpus-*/ (reused by the next run); a crash
# input is saved in BUILD/crashes/ and should become a regression test.
set -euo pipefail
build=${1:-build-fuzz}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
seeds=$root/tests/fuzz/seeds

mkdir -p "$build/crashes"
seed_dir() {  # target → its seed folder, filled once
  local dir=$build/seeds-$1
  [[ -d $dir ]] && { echo "$dir"; return; }
  mkdir -p "$dir"
  case $1 in
    text_article) cp "$root"/corpus/sample/*.txt "$dir/" ;;
    html_article) cp "$seeds"/html/*.html "$dir/" ;;
    json_line) split -l 1 "$seeds/articles.jsonl" "$dir/line-" ;;
    query) split -l 1 "$seeds/queries.txt" "$dir/query-" ;;
    analysis) for f in "$root"/corpus/sample/*.txt; do split -l 1 "$f" "$dir/$(basename "$f" .txt)-"; done ;;
    snippet)
      local i=0
      while IFS= read -r q; do
        for f in "$root"/corpus/sample/*.txt; do
          i=$((i + 1)); { echo "$q"; sed -n 3p "$f"; } >"$dir/seed-$i"
        done
      done <"$seeds/queries.txt" ;;
  esac
  echo "$dir"
}

failed=0
for target in text_article html_article json_line analysis query snippet; do
  corpus=$build/corpus-$target
  mkdir -p "$corpus"
  log=$build/fuzz-$target.log
  echo "fuzz_$target: ${seconds}s"
  if ! "$build/tests/fuzz/fuzz_$target" "$corpus" "$(seed_dir "$target")" -max_total_time="$seconds" \
       -rss_limit_mb=2048 -max_len=65536 -timeout=10 -print_final_stats=1 \
       -artifact_prefix="$build/crashes/$target-" >"$log" 2>&1; then
    echo "  CRASH: see $log and $build/crashes/" >&2
    failed=1
  fi
  grep -E "^Done|stat::number_of_executed_units|cov:" "$log" | tail -2 | sed 's/^/  /'
done
exit $failed
