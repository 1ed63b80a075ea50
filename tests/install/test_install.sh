#!/usr/bin/env bash
# make install's layout under a DESTDIR, the man page (every command, no
# groff warnings) and bash completion, run as a user's shell would.
# Usage: test_install.sh BUILD_DIR
set -euo pipefail
build=$1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# `make install PREFIX=… DESTDIR=…` runs exactly this (make -n: nothing is built or run).
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
make_line=$(make -s -n -C "$source_dir" install BUILD="$build" PREFIX=/opt/graf DESTDIR="$dest" |
    grep 'cmake --install')
[[ $make_line == "DESTDIR=$dest cmake --install $build --prefix /opt/graf" ]] ||
    fail "make install runs: $make_line"
DESTDIR=$dest cmake --install "$build" --prefix /opt/graf >/dev/null
graf=$dest/opt/graf/bin/graf
man=$dest/opt/graf/share/man/man1/graf.1
completion=$dest/opt/graf/share/bash-completion/completions/graf
zsh_completion=$dest/opt/graf/share/zsh/site-functions/_graf
for f in "$graf" "$man" "$completion" "$zsh_completion"; do [[ -f $f ]] || fail "not installed: $f"; done
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
# zsh: its completion builtins stubbed to print what they would offer
# (matching what is typed), the words set as the completion system sets them.
zsh_words() {
    zsh -c '_offer() { local x; for x in "$@"; do [[ ${x%%:*} == ${PREFIX}* ]] && print -r -- ${x%%:*}; done }
            compadd() { [[ $1 == -a ]] && _offer ${(P)2}; }
            _describe() { _offer ${(P)2}; }
            _files() { print -r -- FILES; }
            completion=$1; shift; words=("$@"); CURRENT=${#words}; PREFIX=${words[-1]}
            source $completion' _ "$zsh_completion" "$graf" "$@" | tr '\n' ' '
}
[[ $(zsh_words se) == "search serve-shard serve " ]] || fail "zsh: graf se<TAB>: $(zsh_words se)"
[[ $(zsh_words help ti) == "timeline " ]] || fail "zsh: graf help ti<TAB>: $(zsh_words help ti)"
[[ $(zsh_words search --li) == "--limit " ]] || fail "zsh: graf search --li<TAB>"
[[ $(zsh_words index --stdin-format c) == "csv " ]] || fail "zsh: graf index --stdin-format c<TAB>"
[[ $(zsh_words index corp) == "FILES " ]] || fail "zsh: graf index corp<TAB>: files"
echo "install layout, man page and completion: ok"
