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
# Wall time moves with the load of a shared machine; CPU time (user + system, all threads) much less.
echo "| index | shards | articles | seconds | CPU s | articles/s | articles per CPU s | size MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
index_row() {
  local name=$1 db=$2
  shift 2
  local out
  out=$(/usr/bin/time -f "%e %U %S" -o "$tmp/time" "$tool" index --json --quiet --db "$db" "$@" "$bench/articles.jsonl.gz")
  /usr/bin/python3 -c '
import json, sys
name, summary, times, size = sys.argv[1], json.loads(sys.argv[2]), open(sys.argv[3]).read().split(), int(sys.argv[4])
wall, cpu, d, n = float(times[0]), float(times[1]) + float(times[2]), summary["documents"], summary["shards"]
print(f"| {name} | {n} | {d} | {wall:.2f} | {cpu:.2f} | {d / wall:.0f} | {d / cpu:.0f} | {size / 1e6:.1f} |")' \
    "$name" "$out" "$tmp/time" "$(du -sb "$db" | cut -f1)"
}
index_row "xapian-arabic index" "$tmp/db1"
index_row "xapian-arabic index --shards 4" "$tmp/db4" --shards 4
# What each extra shard costs to read and parse everything: a run that keeps 1 article in 1000.
index_row "a read pass alone (--partition 0/1000)" "$tmp/read" --partition 0/1000
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
