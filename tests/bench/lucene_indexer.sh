#!/usr/bin/env bash
# index_bench's and search_latency's Lucene rows work (not timed): LuceneIndexer indexes 20
# news-bench articles, counts them, writes an index, and names the file and line of a malformed
# record; LuceneSearcher runs queries over that index, one timing line each and the percentiles.
set -euo pipefail
java=${XA_JAVA:?} cp=${XA_LUCENE_CLASSPATH:?}
data=${XA_SHARED_DATA_DIR:?}/news-bench/articles.jsonl.gz
fail() { echo "FAIL: $*" >&2; exit 1; }
first_title() { /usr/bin/python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["title"])' "$1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

out=$("$java" -cp "$cp" LuceneIndexer "$data" "$tmp/index" 20) || fail "exit status on news-bench"
[[ $out =~ ^articles\ 20\ cpu_seconds\ [0-9.]+\ index_bytes\ ([0-9]+)$ ]] || fail "unexpected output: $out"
[ "${BASH_REMATCH[1]}" -gt 0 ] || fail "empty index: $out"
ls "$tmp/index"/segments_* >/dev/null 2>&1 || fail "no committed segment in $tmp/index"

# The same 20 records uncompressed give the same count (plain JSON Lines are read too).
{ gzip -dc "$data" || true; } | head -n 20 >"$tmp/plain.jsonl"  # gzip stops on SIGPIPE
out=$("$java" -cp "$cp" LuceneIndexer "$tmp/plain.jsonl" "$tmp/index2") || fail "exit status on plain JSON Lines"
[[ $out == "articles 20 "* ]] || fail "plain JSON Lines: $out"

printf '{"id": "a", "title": "t", "body": "b"}\n{"id": "b", "title": \n' >"$tmp/bad.jsonl"
if "$java" -cp "$cp" LuceneIndexer "$tmp/bad.jsonl" "$tmp/index3" 2>"$tmp/err"; then fail "accepted a malformed record"; fi
grep -q "bad.jsonl:2:" "$tmp/err" || fail "error does not name file:line: $(cat "$tmp/err")"
# The searcher: the first headline finds its article; query syntax characters are words.
title=$(first_title "$tmp/plain.jsonl")
printf 'q1\t%s\nq2\t%s\n' "$title" 'a:b (c -d' >"$tmp/queries.tsv"
out=$("$java" -cp "$cp" LuceneSearcher "$tmp/index" "$tmp/queries.tsv" 2) || fail "LuceneSearcher exit status"
[ "$(grep -c '^ms [0-9.]* cpu_ms [0-9.]* hits [0-9]*$' <<<"$out")" = 4 ] || fail "LuceneSearcher timings: $out"
grep -q '^ms [0-9.]* cpu_ms [0-9.]* hits [1-9]' <<<"$out" || fail "the first headline finds nothing: $out"
[[ $(tail -1 <<<"$out") =~ ^queries\ 4\ p50_ms\ [0-9.]+\ p95_ms\ [0-9.]+$ ]] || fail "LuceneSearcher summary: $out"
echo "lucene_indexer: 20 articles indexed; malformed record reported at its line; queries searched"
