#!/usr/bin/env bash
# make install's layout under a DESTDIR, the man page (every command, no
# groff warnings) and bash completion, run as a user's shell would.
# Usage: test_install.sh BUILD_DIR
set -euo pipefail
build=$1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR=$dest cmake --install "$build" --prefix /opt/graf >/dev/null
graf=$dest/opt/graf/bin/graf
man=$dest/opt/graf/share/man/man1/graf.1
completion=$dest/opt/graf/share/bash-completion/completions/graf
for f in "$graf" "$man" "$completion"; do [[ -f $f ]] || fail "not installed: $f"; done
"$graf" --version | grep -q '^graf ' || fail "installed graf does not run"

# Every command has its entry and its options; groff reads it without a warning.
while read -r name _; do
    grep -q "^\.B $name\$" "$man" || fail "graf.1 lacks the command $name"
    grep -q "^\.SS \"graf $name\"" "$man" || fail "graf.1 lacks the options of $name"
done < <("$graf" --help | awk '/^commands:/ {on = 1; next} on && /^$/ {exit} on {print}')
grep -q -- '--csv-columns' "$man" || fail "graf.1 lacks index --csv-columns"
warnings=$(groff -man -Tutf8 -ww -z "$man" 2>&1)
[[ -z $warnings ]] || fail "groff warns: $warnings"

# Completion: the commands, a command's options, an option's values.
complete_words() {  # prints what completing the words (the last one being typed) offers
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));
             _graf; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$graf" "$@"
}
[[ $(complete_words se | tr '\n' ' ') == "search serve-shard serve " ]] ||
    fail "graf se<TAB>: $(complete_words se | tr '\n' ' ')"
[[ $(complete_words help ti) == "timeline" ]] || fail "graf help ti<TAB>: $(complete_words help ti)"
[[ $(complete_words search --li) == "--limit" ]] || fail "graf search --li<TAB>: $(complete_words search --li)"
[[ $(complete_words index --csv) == "--csv-columns" ]] || fail "graf index --csv<TAB>"
[[ $(complete_words search --sort o) == "oldest" ]] || fail "graf search --sort o<TAB>"
echo "install layout, man page and completion: ok"
