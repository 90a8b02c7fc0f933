#!/usr/bin/env bash
# index --include / --exclude on news-dev: its 200 articles and the metadata.jsonl beside them
# (200 title-only records, which are reported, never indexed as articles).
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
field() { /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

# The owner's meaning: the articles, not the sidecar. Exit 0, nothing reported.
"$tool" index --quiet --json --db "$tmp/db" --exclude metadata.jsonl "$data/news-dev" >"$tmp/out" 2>"$tmp/err" ||
  fail "exit $? with --exclude: $(cat "$tmp/err")"
[ "$(field documents <"$tmp/out")" = 200 ] || fail "--exclude metadata.jsonl: $(cat "$tmp/out")"
[ "$(field files <"$tmp/out")" = 200 ] || fail "the sidecar must not be counted: $(cat "$tmp/out")"
[ ! -s "$tmp/err" ] || fail "nothing to report: $(cat "$tmp/err")"

# Without it: still 200 documents; each sidecar record reported with its line, exit 2.
status=0
"$tool" index --quiet --json --db "$tmp/all" "$data/news-dev" >"$tmp/out" 2>"$tmp/err" || status=$?
[ "$status" = 2 ] || fail "title-only records must make the exit status 2, got $status"
[ "$(field documents <"$tmp/out")" = 200 ] || fail "title-only records indexed: $(cat "$tmp/out")"
[ "$(grep -c 'metadata.jsonl:[0-9]*: record has no body text' "$tmp/err")" = 200 ] ||
  fail "each title-only record reported: $(head -3 "$tmp/err")"

# --include, repeatable: only the files whose path relative to the folder matches one.
"$tool" index --quiet --json --db "$tmp/some" --include 'antj-*' --include 'antm-*' "$data/news-dev" >"$tmp/out" ||
  fail "--include"
[ "$(field documents <"$tmp/out")" = 70 ] || fail "--include antj-* antm-* must give 30 + 40: $(cat "$tmp/out")"
"$tool" index --help | grep -q -- '--exclude' || fail "--help lists --exclude"
echo "index_selection: OK"
