#!/usr/bin/env bash
# A file that kills the indexer must not stop the archive: DB.xa-inflight lists
# the files in flight; the run after a crash indexes everything else first,
# then retries the suspects one at a time (a commit after each); a file that
# was in flight alone during its retry when the process died is recorded as
# crashed and skipped (reported, exit 2) until it changes.
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3
json() { $py -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }
doccount() { $py -c 'import sys,xapian; print(xapian.Database(sys.argv[1]).get_doccount())' "$1"; }
# The journal as a killed run leaves it: "<op> <size> <mtime_ns> <path>\0" per record.
journal() {  # journal DB OP FILE...
  local db=$1 op=$2; shift 2
  $py - "$db.xa-inflight" "$op" "$@" <<'EOF2'
import os, sys
with open(sys.argv[1], "ab") as out:
    for f in sys.argv[3:]:
        st = os.stat(f)
        out.write(("%s %d %d %s\0" % (sys.argv[2], st.st_size, st.st_mtime_ns, os.path.abspath(f))).encode())
EOF2
}

mkdir -p "$tmp/a"
cp "$data"/news-samples/*.txt "$tmp/a/"
for f in $(ls "$data/news-dev" | grep '\.txt$' | head -3); do cp "$data/news-dev/$f" "$tmp/a/"; done
bad="$tmp/a/$(ls "$tmp/a" | head -1)"

# 1. Two files in flight when a run died: both retried after the others, one commit each.
journal "$tmp/db1" + "$tmp/a/$(ls "$tmp/a" | sed -n 2p)" "$tmp/a/$(ls "$tmp/a" | sed -n 3p)"
out=$("$tool" index --db "$tmp/db1" --json --quiet --threads 2 "$tmp/a") || fail "suspects retried: $out"
[ "$(json documents <<<"$out")" = 5 ] || fail "all five indexed: $out"
[ "$(json commits <<<"$out")" = 3 ] || fail "the others in one commit, then one per suspect: $out"
[ ! -e "$tmp/db1.xa-inflight" ] || fail "an orderly run leaves no journal"

# 2. A file in flight alone during its retry when the process died: recorded, reported, skipped.
journal "$tmp/db2" '!' "$bad"
set +e
out=$("$tool" index --db "$tmp/db2" --json --quiet "$tmp/a" 2>"$tmp/err"); status=$?
set -e
[ $status = 2 ] || fail "a crashed file gives exit status 2, got $status: $out $(cat "$tmp/err")"
grep -q "$bad: crashed the indexer in an earlier run; not retried until it changes" "$tmp/err" ||
  fail "the crashed file is reported: $(cat "$tmp/err")"
[ "$(json documents <<<"$out")" = 4 ] || fail "the rest of the archive is indexed: $out"
set +e
out=$("$tool" index --db "$tmp/db2" --json --quiet "$tmp/a" 2>"$tmp/err"); status=$?
set -e
[ $status = 2 ] && [ "$(json files_read <<<"$out")" = 0 ] || fail "later runs skip it and say so: $status $out"
grep -q "$bad: crashed the indexer" "$tmp/err" || fail "reported again: $(cat "$tmp/err")"
echo " " >>"$bad"
out=$("$tool" index --db "$tmp/db2" --json --quiet "$tmp/a") || fail "a changed file is read again: $out"
[ "$(json documents <<<"$out")" = 5 ] || fail "once changed it is indexed: $out"

# 3. A real crash, where there is a file that crashes the indexer: deeply nested HTML overflowed
# the stack of a reader thread while the HTML walk was recursive (here with 256 KB stacks, so
# 5,000 levels are enough and quick); where it no longer does, this part just indexes it.
mkdir -p "$tmp/b"
cp "$data"/news-samples/*.txt "$tmp/b/"
$py -c "open('$tmp/b/000-deep.html','w').write('<html><body>'+'<div>'*5000+'نص'+'</div>'*5000+'</body></html>')"
ulimit -c 0
small_stack() { (ulimit -s 256; exec "$@"); }
status=0
small_stack "$tool" index --db "$tmp/db3" --quiet "$tmp/b" 2>/dev/null || status=$?
if [ $status -ge 128 ]; then
  [ -s "$tmp/db3.xa-inflight" ] || fail "a crashed run leaves its journal"
  status=0; small_stack "$tool" index --db "$tmp/db3" --quiet "$tmp/b" 2>/dev/null || status=$?
  [ $status -ge 128 ] || fail "the retry of the deep file alone crashes again: $status"
  [ "$(doccount "$tmp/db3")" = 2 ] || fail "the good files are committed before the retry"
  set +e
  small_stack "$tool" index --db "$tmp/db3" --quiet "$tmp/b" 2>"$tmp/err"; status=$?
  set -e
  [ $status = 2 ] && grep -q "000-deep.html: crashed the indexer" "$tmp/err" || fail "third run: $status $(cat "$tmp/err")"
  echo "index_crash_journal: a real crash recorded after two runs"
else
  echo "index_crash_journal: the deep HTML file no longer crashes the indexer (status $status)"
fi
[ "$(doccount "$tmp/db3")" -ge 2 ] || fail "the good files of the crashing archive are indexed"
echo "index_crash_journal: ok"
