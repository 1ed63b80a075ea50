#!/usr/bin/env bash
# `make demo`: index the bundled sample corpus, then search it three ways.
set -euo pipefail
graf=${1:-build/app/graf}
db=graf-demo-index
here=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$db"
run() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }
run "$graf" index --db "$db" "$here/corpus/sample"
run "$graf" search --db "$db" --color always --name "Steve Bannon"
run "$graf" search --db "$db" --color always '"good authority"'
run "$graf" search --db "$db" --color always musk feud altman
run "$graf" names --db "$db" --top 5
printf '\nBrowse it: run `%s serve --db %s`, then open http://127.0.0.1:8080\n' "$graf" "$db"
