#!/usr/bin/env bash
# The figures of docs/scaling.md (issue 11 §5), baseline in the same run:
#  - indexing news-bench into one database vs --shards 4 (seconds, articles/s, size);
#  - query latency p50/p95 over the 500 news-bench queries: one local database (baseline),
#    the 4 local shards (stub folder), the 4 shards served by xapian-tcpsrv on 127.0.0.1.
# Usage: bench/shards.sh BUILD_DIR [ROUNDS]   (BUILD_DIR configured with -DXA_BUILD_BENCH=ON)
set -euo pipefail
build=${1:?usage: bench/shards.sh BUILD_DIR [ROUNDS]}
rounds=${2:-2}
here=$(cd "$(dirname "$0")/.." && pwd)
tool=$build/tools/xapian-arabic
bench=$here/../shared/data/news-bench
# shellcheck source=../tests/lib/xapian_servers.sh
source "$here/tests/lib/xapian_servers.sh"
tmp=$(mktemp -d /tmp/shards-bench.XXXXXX)
trap 'stop_servers; rm -rf "$tmp"' EXIT

field() { /usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
echo "| index | shards | articles | seconds | articles/s | size MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for shards in 1 4; do
  db=$tmp/db$shards
  args=(--db "$db")
  [ "$shards" = 1 ] || args+=(--shards "$shards")
  out=$("$tool" index --json --quiet "${args[@]}" "$bench/articles.jsonl.gz")
  seconds=$(field "$out" seconds)
  docs=$(field "$out" documents)
  size=$(du -sb "$db" | cut -f1)
  /usr/bin/python3 -c '
import sys
s, d, b, n = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
name = "xapian-arabic index" + ("" if n == "1" else " --shards " + n)
print(f"| {name} | {n} | {d} | {s:.2f} | {d / s:.0f} | {b / 1e6:.1f} |")' \
    "$seconds" "$docs" "$size" "$shards"
done
for k in 0 1 2 3; do du -sb "$tmp/db4/shard-$k" | awk -v k="$k" '{printf "shard-%s: %.1f MB\n", k, $1 / 1e6}'; done
echo

: >"$tmp/remote.stub"
for k in 0 1 2 3; do
  start_server "$tmp/db4/shard-$k"
  echo "remote 127.0.0.1:$server_port" >>"$tmp/remote.stub"
done
"$build/bench/shard_latency" --queries "$bench/queries.tsv" --rounds "$rounds" \
  --set "one local database=$tmp/db1" \
  --set "4 local shards (stub folder)=$tmp/db4" \
  --set "4 remote shards (xapian-tcpsrv, loopback)=$tmp/remote.stub"
