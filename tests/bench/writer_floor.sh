#!/usr/bin/env bash
# index_bench's "Xapian's writer alone" rows work (not timed): the writer floor writes the tool's
# documents of 20 news-bench articles into one compacted database, with their document data
# ("all") or without it ("terms"), and leaves no shard behind.
set -euo pipefail
bench=${XA_INDEX_BENCH:?} data=${XA_SHARED_DATA_DIR:?}/news-bench/articles.jsonl.gz
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{ gzip -dc "$data" || true; } | head -n 20 >"$tmp/twenty.jsonl"  # gzip stops on SIGPIPE

for what in all terms; do
  out=$("$bench" --run-writer-floor "$tmp/twenty.jsonl" "$tmp/db-$what" "$what") || fail "$what: exit status"
  [[ $out =~ ^articles\ 20\ seconds\ [0-9.]+\ cpu_seconds\ [0-9.]+$ ]] || fail "$what: unexpected output: $out"
  [ "$(ls -d "$tmp"/db-"$what".shard* 2>/dev/null | wc -l)" = 0 ] || fail "$what: shards left behind"
done
/usr/bin/python3 - "$tmp" <<'PY' || fail "the databases do not hold the tool's documents"
import sys, xapian
tmp = sys.argv[1]
full, terms = xapian.Database(tmp + "/db-all"), xapian.Database(tmp + "/db-terms")
assert full.get_doccount() == terms.get_doccount() == 20, (full.get_doccount(), terms.get_doccount())
doc = 1
qterm = next(t.term for t in full.termlist(doc) if t.term.startswith(b"Q"))
assert b"\ntext=" in full.get_document(doc).get_data(), "no stored text in the full documents"
assert all(terms.get_document(p.docid).get_data() == b"" for p in terms.postlist("")), "data kept"
# The same terms, with positions: the tool's stems layout.
assert [t.term for t in full.termlist(doc)] == [t.term for t in terms.termlist(next(iter(terms.postlist(qterm))).docid)]
z = next(t.term for t in full.termlist(doc) if t.term.startswith(b"Z"))
assert list(full.positionlist(doc, z)), "no positions for " + z.decode()
PY
echo "writer_floor: 20 articles written with and without their data, one database each"
