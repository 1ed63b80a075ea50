#!/usr/bin/env bash
# Writes the graf(1) man page to stdout from the binary's own help: the
# command table of `graf --help` and each command's `--help`, so the page
# cannot drift from the program. Usage: make-man.sh path/to/graf [OUT]
set -euo pipefail
graf=$1
if [[ $# -gt 1 ]]; then  # written whole or not at all
    exec >"$2.tmp"
    trap 'if [[ $? -eq 0 ]]; then mv "$2.tmp" "$2"; else rm -f "$2.tmp"; fi' EXIT
fi

# roff: a backslash is \e; a line starting with . or ' would be a request.
escape() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

# "  index        add articles …" lines between "commands:" and the blank line.
commands() { "$graf" --help | awk '/^commands:/ {on = 1; next} on && /^$/ {exit} on {print}'; }

version=$("$graf" --version | awk '{print $2}')
cat <<ROFF
.TH GRAF 1 "" "graf $version" "User Commands"
.SH NAME
graf \\- search news archives by paragraph
.SH SYNOPSIS
.B graf
.I COMMAND
.RI [ options ]
.br
.B graf help
.I COMMAND
.SH DESCRIPTION
graf indexes news articles \\(em folders of .txt, .md and .html files, JSON Lines
and CSV feeds, or JSON Lines on standard input (\\fB\\-\\fR) \\(em into a Xapian
index and answers searches with the matching paragraphs, ranked, each with a
highlighted snippet. \\fBgraf help\\fR \\fICOMMAND\\fR (or \\fBgraf\\fR
\\fICOMMAND\\fR \\fB\\-\\-help\\fR) prints a command's options, as below.
.SH COMMANDS
ROFF
while read -r name summary; do
    printf '.TP\n.B %s\n%s\n' "$name" "$(escape <<<"$summary")"
done < <(commands)
echo ".SH OPTIONS"
while read -r name _; do
    printf '.SS "graf %s"\n.nf\n' "$name"
    # cxxopts starts with the command's description and a usage line.
    "$graf" "$name" --help | escape
    printf '.fi\n'
done < <(commands)
cat <<'ROFF'
.SH EXIT STATUS
.TP
.B 0
success (a search with no hits is a success)
.TP
.B 1
usage error: an unknown option, a value out of range, a malformed query, a
CORPUS path that does not exist, an unknown article id; \fBindex \-\-prune\fR
that refused to prune
.TP
.B 2
\fBindex\fR: nothing could be indexed; other commands: no index, an empty
one, or a shard that does not answer
.TP
.B 3
\fBindex\fR: some inputs were skipped (each named on standard error);
\fBsearch\fR, \fBnames\fR, \fBstats\fR with \fB\-\-allow\-partial\fR: some
shards did not answer
.TP
.B 4
\fBindex\fR, \fBcompact\fR: the index is locked by another \fBgraf index\fR,
not a graf index, or not writable (the path is named)
.TP
.B 130
interrupted; what was committed stays
.SH ENVIRONMENT
.TP
.B GRAF_DB
the default \fB\-\-db\fR of every command (else \fIgraf\-index\fR in the
current folder)
.TP
.B NO_COLOR
when set, \fB\-\-color auto\fR does not colour
.SH FILES
.TP
.I graf\-index/
the default index folder: a Xapian database, or a stub \fIXAPIANDB\fR with
its shards
.SH SEE ALSO
.BR xapian\-delve (1),
.BR xapian\-tcpsrv (1);
README.md in graf's sources describes the inputs, the query language and the
web API.
ROFF
