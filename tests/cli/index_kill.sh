#!/usr/bin/env bash
# Crash safety: `kill -9` in the middle of an index run (two threads, so parallel
# writers whose commits are merges) leaves the database at its last commit, and
# the next run completes it without duplicates; SIGTERM stops reading, commits
# what is complete and exits with 143.
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
py=/usr/bin/python3
json() { $py -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }
doccount() { $py -c 'import sys,xapian
try: print(xapian.Database(sys.argv[1]).get_doccount())
except xapian.Error: print(0)' "$1"; }

# A generated archive: the first 1200 news-bench articles in 40 files of 30,
# every other one gzipped, so the run spans many files and many commits.
$py - "$data/news-bench/articles.jsonl.gz" "$tmp/archive" <<'EOF'
import gzip, os, sys
os.makedirs(sys.argv[2])
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    lines = [next(f) for _ in range(1200)]
for i in range(0, len(lines), 30):
    name = os.path.join(sys.argv[2], "part-%03d.jsonl" % (i // 30))
    chunk = "".join(lines[i:i + 30]).encode()
    if (i // 30) % 2:
        with gzip.open(name + ".gz", "wb") as out: out.write(chunk)
    else:
        with open(name, "wb") as out: out.write(chunk)
EOF
cfg="$tmp/small-batch.toml"
printf '[index]\nbatch_size = 25\nthreads = 2\n' >"$cfg"

clean=$("$tool" index --db "$tmp/clean" --config "$cfg" --json --quiet "$tmp/archive") || fail "clean run"
expected=$(json documents <<<"$clean")
[ "$expected" = 1200 ] || fail "clean run must hold 1200 documents: $clean"
[ "$(json writers <<<"$clean")" = 2 ] || fail "two threads into a new database write in parallel: $clean"

# Start, wait for a few commits, kill -9 mid-run.
"$tool" index --db "$tmp/db" --config "$cfg" --quiet "$tmp/archive" &
pid=$!
for _ in $(seq 1 600); do
  n=$(doccount "$tmp/db")
  [ "$n" -ge 100 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || fail "the indexer finished before it could be killed; make the archive bigger"
wait "$pid" 2>/dev/null || true
pid=
xapian-check "$tmp/db" >/dev/null || fail "database damaged by kill -9"
partial=$(doccount "$tmp/db")
[ "$partial" -ge 25 ] && [ "$partial" -lt "$expected" ] || fail "killed run should leave a partial index: $partial"

# The next run completes it: same document count as the clean run, no Q term twice.
out=$("$tool" index --db "$tmp/db" --config "$cfg" --json --quiet "$tmp/archive") || fail "recovery run"
[ "$(json documents <<<"$out")" = "$expected" ] || fail "after recovery: $out (clean: $expected)"
[ ! -e "$tmp/db.xa-build" ] || fail "the shards of the killed run were left behind"
check_unique() {
  $py - "$1" <<'EOF' || fail "a Q term has several documents in $1"
import sys, xapian
db = xapian.Database(sys.argv[1])
dups = [t.term for t in db.allterms("Q") if t.termfreq != 1]
assert not dups, dups[:5]
assert sum(1 for _ in db.allterms("Q")) == db.get_doccount()
EOF
}
check_unique "$tmp/db"
# And a third run has nothing left to do.
out=$("$tool" index --db "$tmp/db" --config "$cfg" --json --quiet "$tmp/archive") || fail "third run"
[ "$(json files_read <<<"$out")" = 0 ] && [ "$(json articles_added <<<"$out")" = 0 ] || fail "third run: $out"

# SIGTERM: stop reading, commit what is complete, exit 143 with a message.
"$tool" index --db "$tmp/db2" --config "$cfg" --quiet "$tmp/archive" 2>"$tmp/err" &
pid=$!
for _ in $(seq 1 600); do
  [ "$(doccount "$tmp/db2")" -ge 100 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -TERM "$pid" 2>/dev/null || fail "the indexer finished before SIGTERM"
set +e
wait "$pid"; status=$?
set -e
pid=
[ $status = 143 ] || fail "SIGTERM must give exit status 143, got $status"
grep -q "stopped by SIGTERM" "$tmp/err" || fail "SIGTERM message: $(cat "$tmp/err")"
out=$("$tool" index --db "$tmp/db2" --config "$cfg" --json --quiet "$tmp/archive") || fail "run after SIGTERM"
[ "$(json documents <<<"$out")" = "$expected" ] || fail "after SIGTERM: $out"
check_unique "$tmp/db2"
echo "index_kill: ok"
