#!/usr/bin/env bash
# A disk that fills up during a parallel run: the run fails (exit 1) naming the
# database, the committed database passes xapian-check, the shards and the
# half-written merge are removed at once (not left to fill the disk), and once
# space is back the next run completes the index. Needs a small tmpfs (root);
# skipped where mount is not permitted.
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
pid=
mnt="$tmp/mnt"
mkdir -p "$mnt"
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; umount "$mnt" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
if ! mount -t tmpfs -o size=160m none "$mnt" 2>/dev/null; then
  echo "index_disk_full: skipped (cannot mount a tmpfs here)"
  exit 0
fi
py=/usr/bin/python3
doccount() { $py -c 'import sys,xapian
try: print(xapian.Database(sys.argv[1]).get_doccount())
except xapian.Error: print(0)' "$1"; }

# 1500 news-bench articles in 60 files (4.5 MB of text: a 160 MB disk passes the
# free-space check for parallel writing, 20x the text).
$py - "$data/news-bench/articles.jsonl.gz" "$tmp/archive" <<'EOF2'
import gzip, os, sys
os.makedirs(sys.argv[2])
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    lines = [next(f) for _ in range(1500)]
for i in range(0, len(lines), 25):
    with open(os.path.join(sys.argv[2], "part-%03d.jsonl" % (i // 25)), "w", encoding="utf-8") as out:
        out.write("".join(lines[i:i + 25]))
EOF2
cfg="$tmp/parallel.toml"
printf '[index]\nbatch_size = 50\nthreads = 2\nparallel_write = "always"\n' >"$cfg"

"$tool" index --db "$mnt/db" --config "$cfg" --json --quiet "$tmp/archive" >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 1 1200); do
  [ "$(doccount "$mnt/db")" -ge 50 ] && [ -d "$mnt/db.xa-build" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
[ -d "$mnt/db.xa-build" ] || fail "the run does not write in parallel: $(cat "$tmp/err")"
# Fill the disk behind its back.
dd if=/dev/zero of="$mnt/filler" bs=1M 2>/dev/null || true
set +e
wait "$pid"; status=$?
set -e
pid=
[ $status = 1 ] || fail "a full disk must fail the run with exit status 1, got $status: $(cat "$tmp/err" "$tmp/out")"
grep -q "$mnt/db" "$tmp/err" || fail "the error names the database: $(cat "$tmp/err")"
[ ! -e "$mnt/db.xa-build" ] || fail "the failed run left its shards behind: $(ls -la "$mnt/db.xa-build")"
xapian-check "$mnt/db" >/dev/null || fail "the committed database is damaged"

rm "$mnt/filler"
out=$("$tool" index --db "$mnt/db" --config "$cfg" --json --quiet "$tmp/archive") || fail "the run after space is back"
[ "$(doccount "$mnt/db")" = 1500 ] || fail "after space is back: $out"
xapian-check "$mnt/db" >/dev/null || fail "database after the rerun"
echo "index_disk_full: ok"
