#!/usr/bin/env bash
# A FIFO put in place of an archive file after the scan is refused with a
# per-file error without blocking (before, the indexer waited forever for a
# writer): the run goes on, indexes the other files and exits 2. A FIFO named
# on the command line is refused at the scan.
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
py=/usr/bin/python3
doccount() { $py -c 'import sys,xapian
try: print(xapian.Database(sys.argv[1]).get_doccount())
except xapian.Error: print(0)' "$1"; }

# 2000 news-bench articles in 80 files, and one text article read last (one reader reads in name order).
$py - "$data/news-bench/articles.jsonl.gz" "$tmp/archive" <<'EOF2'
import gzip, os, sys
os.makedirs(sys.argv[2])
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    lines = [next(f) for _ in range(2000)]
for i in range(0, len(lines), 25):
    with open(os.path.join(sys.argv[2], "part-%03d.jsonl" % (i // 25)), "w", encoding="utf-8") as out:
        out.write("".join(lines[i:i + 25]))
EOF2
last="$tmp/archive/zz-last.txt"
cp "$data/news-samples/000_2620c748157139b5.txt" "$last"
cfg="$tmp/one-thread.toml"
printf '[index]\nbatch_size = 25\nthreads = 1\n' >"$cfg"

timeout -k 10 120 "$tool" index --db "$tmp/db" --config "$cfg" --json --quiet "$tmp/archive" >"$tmp/out" 2>"$tmp/err" &
pid=$!
# The first commit comes after the scan: then the last file becomes a FIFO.
for _ in $(seq 1 1200); do
  [ "$(doccount "$tmp/db")" -ge 25 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
rm "$last"; mkfifo "$last"
set +e
wait "$pid"; status=$?
set -e
pid=
[ $status != 124 ] && [ $status != 137 ] || fail "the indexer hung on a FIFO (even SIGTERM did not stop it)"
grep -q '"files_read":80' "$tmp/out" || fail "the swap came too late (the file was already read): $(cat "$tmp/out")"
[ $status = 2 ] || fail "a refused FIFO gives exit status 2, got $status: $(cat "$tmp/err")"
grep -q "zz-last.txt: not a regular file" "$tmp/err" || fail "the FIFO is reported by name: $(cat "$tmp/err")"
[ "$(doccount "$tmp/db")" = 2000 ] || fail "the other files are indexed: $(cat "$tmp/out")"

mkfifo "$tmp/named.fifo"
set +e
timeout -k 10 60 "$tool" index --db "$tmp/db" --quiet "$tmp/named.fifo" 2>"$tmp/err"
status=$?
set -e
[ $status = 2 ] || fail "a named FIFO: exit status $status"
grep -q "named.fifo: not a regular file or folder" "$tmp/err" || fail "named FIFO message: $(cat "$tmp/err")"
echo "index_fifo: ok"
