#!/usr/bin/env bash
# index --shards and --partition (issue 11): a stub folder Xapian opens as one database; a
# second run over the same input reads nothing; after a file changes only its shard's
# documents change; --prune works across shards; no article is in two shards; partitions
# split an archive into disjoint parts whose union is the whole; mismatches are refused.
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/archive"
cp "$data"/news-dev/*.txt "$tmp/archive/"
cp "$data"/news-samples/*.txt "$tmp/archive/"
{ zcat "$data/news-bench/articles.jsonl.gz" || true; } | head -300 >"$tmp/archive/bench.jsonl"
articles=$(($(find "$tmp/archive" -name '*.txt' | wc -l) + 300))
db=$tmp/news.db
run() { "$tool" index --json --quiet "$@"; }
field() { /usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
# Each shard's documents: "Q-term content-hash" lines, to see which shards a run changed.
dump() {
  /usr/bin/python3 - "$1" <<'PY'
import sys, xapian
db = xapian.Database(sys.argv[1])
for post in db.postlist(""):
    doc = db.get_document(post.docid)
    q = [t.term.decode() for t in doc.termlist() if t.term.startswith(b"Q")]
    print(q[0] if q else "?", doc.get_value(4).hex())
PY
}

first=$(run --db "$db" --shards 4 "$tmp/archive") || fail "first run: $first"
[ "$(field "$first" shards)" = 4 ] || fail "summary shards: $first"
[ "$(field "$first" articles_added)" = "$articles" ] || fail "first run added: $first"
[ -f "$db/XAPIANDB" ] || fail "no stub database"
for k in 0 1 2 3; do [ -f "$db/shard-$k/iamglass" ] || fail "shard-$k is not a database"; done
[ "$(xapian-delve "$db" | sed -n 's/^number of documents = //p')" = "$articles" ] || fail "Xapian opens the stub folder"
# Every shard has some, none holds an article twice, none holds an article of another.
: >"$tmp/all"
for k in 0 1 2 3; do
  dump "$db/shard-$k" | sort >"$tmp/before.$k"
  [ -s "$tmp/before.$k" ] || fail "shard $k empty: the hash does not spread"
  cut -d' ' -f1 "$tmp/before.$k" >>"$tmp/all"
done
[ "$(sort "$tmp/all" | uniq -d | wc -l)" = 0 ] || fail "articles in two shards: $(sort "$tmp/all" | uniq -d | head -3)"
[ "$(wc -l <"$tmp/all")" = "$articles" ] || fail "shards hold $(wc -l <"$tmp/all") of $articles"

# Second run, same input: nothing read, nothing written.
second=$(run --db "$db" "$tmp/archive") || fail "second run: $second"
[ "$(field "$second" files_read)" = 0 ] || fail "second run read files: $second"
[ "$(field "$second" bytes_read)" = 0 ] || fail "second run read bytes: $second"
[ "$(field "$second" articles_added)$(field "$second" replaced)$(field "$second" deleted)" = 000 ] ||
  fail "second run wrote: $second"
for k in 0 1 2 3; do
  cmp -s <(dump "$db/shard-$k" | sort) "$tmp/before.$k" || fail "second run changed shard $k"
done

# One text file changes: its article is replaced in its own shard; the other shards keep
# every document as it was (they only update the file's record, metadata).
changed=$tmp/archive/antj-00145.txt
echo "فقرة أضيفت إلى المقال." >>"$changed"
third=$(run --db "$db" "$tmp/archive") || fail "third run: $third"
[ "$(field "$third" replaced)" = 1 ] || fail "the changed file's article must be replaced once: $third"
[ "$(field "$third" articles_added)" = 0 ] || fail "a changed article added, not replaced: $third"
changed_shards=0
for k in 0 1 2 3; do
  difference=$(diff <(dump "$db/shard-$k" | sort) "$tmp/before.$k" | grep '^[<>]' || true)
  if [ -n "$difference" ]; then
    changed_shards=$((changed_shards + 1))
    # The article's content hash, before and after: two lines, both of it.
    [ "$(grep -c '^[<>] Qantj-00145.txt ' <<<"$difference")" = 2 ] && [ "$(wc -l <<<"$difference")" = 2 ] ||
      fail "shard $k: more or other than the changed article changed: $difference"
  fi
done
[ "$changed_shards" = 1 ] || fail "$changed_shards shards changed, want 1"

# --prune across shards: a deleted file's article leaves whichever shard held it.
rm "$tmp/archive/antj-00983.txt"
pruned=$(run --db "$db" --prune "$tmp/archive") || fail "prune: $pruned"
[ "$(field "$pruned" deleted)" = 1 ] || fail "prune deleted: $pruned"
[ "$(field "$pruned" documents)" = $((articles - 1)) ] || fail "documents after prune: $pruned"

# The number of shards is fixed at creation; a plain database is not sharded in place.
if run --db "$db" --shards 3 "$tmp/archive" >"$tmp/out" 2>"$tmp/err"; then fail "--shards 3 on 4 shards accepted"; fi
grep -q "sharded index of 4 shards, not 3" "$tmp/err" || fail "shard count mismatch: $(cat "$tmp/err")"
run --db "$tmp/plain.db" "$tmp/archive/antj-00145.txt" >/dev/null || fail "plain index"
if run --db "$tmp/plain.db" --shards 2 "$tmp/archive" >"$tmp/out" 2>"$tmp/err"; then fail "plain db sharded in place"; fi
grep -q "exists and is not a sharded index" "$tmp/err" || fail "plain db: $(cat "$tmp/err")"

# kill -9 during a first sharded run, then the same command again: the index is complete, each
# article once (the run is killed at a random moment; any moment must give the same end).
mkdir "$tmp/big"
{ zcat "$data/news-bench/articles.jsonl.gz" || true; } | head -600 >"$tmp/big/bench.jsonl"
"$tool" index --quiet --db "$tmp/killed.db" --shards 3 --batch-size 100 "$tmp/big" &
victim=$!
sleep 0.5
kill -KILL "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
after=$(run --db "$tmp/killed.db" "$tmp/big") || fail "rerun after kill -9: $after"
[ "$(field "$after" documents)" = 600 ] || fail "after kill -9 and a rerun: $after"
: >"$tmp/killed.ids"
for k in 0 1 2; do dump "$tmp/killed.db/shard-$k" | cut -d' ' -f1 >>"$tmp/killed.ids"; done
[ "$(sort "$tmp/killed.ids" | uniq -d | wc -l)" = 0 ] || fail "an article twice after kill -9"
for k in 0 1 2; do xapian-check "$tmp/killed.db/shard-$k" >/dev/null || fail "shard $k damaged after kill -9"; done
# A run killed after writing the stub and before creating every shard: the next one completes it.
mkdir "$tmp/half.db"
printf '# xapian-arabic sharded index: do not edit (xapian-arabic index writes it)\nauto shard-0\nauto shard-1\n' \
  >"$tmp/half.db/XAPIANDB"
half=$(run --db "$tmp/half.db" "$tmp/archive") || fail "half-made sharded index: $half"
[ "$(field "$half" shards)" = 2 ] && [ "$(field "$half" documents)" = $((articles - 1)) ] || fail "half: $half"

# Partitions: three machines' parts are disjoint and together the archive; each part
# may be sharded too; a database of one part refuses another part.
: >"$tmp/parts"
for i in 0 1 2; do
  run --db "$tmp/part$i.db" --partition "$i/3" --shards 2 "$tmp/archive" >/dev/null || fail "partition $i/3"
  dump "$tmp/part$i.db" | cut -d' ' -f1 >>"$tmp/parts"
done
[ "$(sort "$tmp/parts" | uniq -d | wc -l)" = 0 ] || fail "an article in two partitions"
[ "$(wc -l <"$tmp/parts")" = $((articles - 1)) ] || fail "partitions hold $(wc -l <"$tmp/parts") of $((articles - 1))"
if run --db "$tmp/part0.db" --partition 1/3 "$tmp/archive" >"$tmp/out" 2>"$tmp/err"; then fail "other partition accepted"; fi
grep -q "holds shard 0/2, partition 0/3, not shard 0/2, partition 1/3" "$tmp/err" || fail "partition mismatch: $(cat "$tmp/err")"
if run --db "$tmp/x.db" --partition 3/3 "$tmp/archive" >"$tmp/out" 2>"$tmp/err"; then fail "--partition 3/3 accepted"; fi
grep -q "want I/N with I from 0 to N-1" "$tmp/err" || fail "bad partition: $(cat "$tmp/err")"
echo "index_shards: $articles articles in 4 shards; reruns, a changed file, --prune and 3 partitions checked"
