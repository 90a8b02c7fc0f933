#!/usr/bin/env bash
# Sharded and remote search (issue 11), on loopback only: three xapian-tcpsrv processes on
# 127.0.0.1, each serving one shard of samples/news + news-dev, give the same top 10 (ids,
# order, snippets) as one local database, for queries with date and source filters and
# --sort date; a server stopped or killed is a clear error naming it, exit status 3, within
# --timeout; a mixed set of shards is refused naming the odd one (not the first).
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}
src=${XA_SOURCE_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v xapian-tcpsrv >/dev/null || fail "xapian-tcpsrv missing (Debian package xapian-tools, scripts/install-deps.sh)"
# shellcheck source=../lib/xapian_servers.sh
source "$src/tests/lib/xapian_servers.sh"
tmp=$(mktemp -d)
trap 'stop_servers; rm -rf "$tmp"' EXIT

mkdir "$tmp/archive"
cp -r "$src/samples/news" "$tmp/archive/news"
cp -r "$data/news-dev" "$tmp/archive/dev"
idx() { "$tool" index --quiet --exclude '*/metadata.jsonl' --exclude '*/README.md' "$@" "$tmp/archive"; }
idx --db "$tmp/one.db" || fail "index one database"
idx --db "$tmp/sharded.db" --shards 3 || fail "index --shards 3"
for k in 0 1 2; do
  start_server "$tmp/sharded.db/shard-$k" || fail "start xapian-tcpsrv for shard $k"
  echo "remote 127.0.0.1:$server_port" >>"$tmp/remote.stub"
  pgid[k]=$server_pgid
done

# rank, id, title, date, source and snippet of each hit: the whole answer but docids (which
# interleave across shards) and scores (compared rounded, summed in another order).
top() {
  "$tool" search --json "$@" | /usr/bin/python3 -c '
import json, sys
for h in json.load(sys.stdin)["results"]:
    print(h["rank"], h["id"], h["title"], h["published"], h["source"], round(h["score"], 6), h["snippet"])'
}
queries=(
  "روسيا"
  "السعودية مصر"
  "title:مونديال"
  "في date:2015..2018"
  "الرئيس --from 2015-01-01 --to 2018-12-31"
  "في --source سي-إن-إن-بالعربية"
  "في --sort date"
  "source:سانا OR source:skynews روسيا"
)
# same_as_one LABEL ARGS...: the answer for ARGS is $want; else fail with the lines that differ.
same_as_one() {
  local label=$1 got
  shift
  got=$(top "$@")
  [ "$got" = "$want" ] || fail "'$q': $label differ from one database:
$(diff <(echo "$want") <(echo "$got") | head -20)"
}
compared=0
for q in "${queries[@]}"; do
  # shellcheck disable=SC2086  # each query line is words and options
  eval "set -- $q"
  want=$(top --db "$tmp/one.db" "$@")
  [ -n "$want" ] || fail "'$q' finds nothing in one database: the query proves nothing"
  same_as_one "remote shards" --db "$tmp/remote.stub" "$@"
  same_as_one "the stub folder" --db "$tmp/sharded.db" "$@"
  same_as_one "three --db" --db "$tmp/sharded.db/shard-0" --db "$tmp/sharded.db/shard-1" --db "$tmp/sharded.db/shard-2" "$@"
  compared=$((compared + 1))
done
[ "$compared" -eq "${#queries[@]}" ] || fail "compared $compared queries"
# A stub file lists local and remote lines alike.
printf '# two local, one remote\nauto sharded.db/shard-0\nauto %s\n%s\n' "$tmp/sharded.db/shard-1" \
  "$(sed -n 3p "$tmp/remote.stub")" >"$tmp/mixed.stub"
[ "$(top --db "$tmp/mixed.stub" روسيا)" = "$(top --db "$tmp/one.db" روسيا)" ] || fail "local + remote stub lines"

# A server that stops answering: a clear error naming it within --timeout, exit status 3.
kill -STOP -- "-${pgid[1]}"
status=0
timeout 60 "$tool" search --db "$tmp/remote.stub" --timeout 1 روسيا >"$tmp/out" 2>"$tmp/err" || status=$?
[ "$status" -eq 3 ] || fail "stopped server: exit status $status, want 3 (124 = hung): $(cat "$tmp/err")"
grep -qF "remote.stub:2 (remote 127.0.0.1:" "$tmp/err" || fail "stopped server not named: $(cat "$tmp/err")"
grep -q "Timeout" "$tmp/err" || fail "stopped server: say it timed out: $(cat "$tmp/err")"
# Killed while the search waits on it: the connection closes, the error comes at once.
timeout 60 "$tool" search --db "$tmp/remote.stub" --timeout 30 روسيا >"$tmp/out" 2>"$tmp/err" &
search=$!
sleep 0.5
kill -KILL -- "-${pgid[1]}"
status=0
wait "$search" || status=$?
[ "$status" -eq 3 ] || fail "killed server: exit status $status, want 3 (124 = hung): $(cat "$tmp/err")"
grep -qF "remote.stub:2 (remote 127.0.0.1:" "$tmp/err" || fail "killed server not named: $(cat "$tmp/err")"
# Down before the search: refused connection, named.
status=0
timeout 60 "$tool" search --db "$tmp/remote.stub" روسيا >"$tmp/out" 2>"$tmp/err" || status=$?
[ "$status" -eq 3 ] || fail "server down: exit status $status: $(cat "$tmp/err")"
grep -qF "remote.stub:2 (remote 127.0.0.1:" "$tmp/err" || fail "server down not named: $(cat "$tmp/err")"

# A mixed set is refused, naming the odd shard even when it is not the first.
printf '[stemming]\nstemmer = "none"\n' >"$tmp/nostem.toml"
"$tool" index --quiet --db "$tmp/nostem.db" --config "$tmp/nostem.toml" "$tmp/archive/news" || fail "index nostem"
for set in "--db $tmp/sharded.db/shard-0 --db $tmp/nostem.db --db $tmp/sharded.db/shard-2" \
  "--db $tmp/sharded.db --db $tmp/nostem.db"; do
  # shellcheck disable=SC2086
  if "$tool" search $set روسيا >"$tmp/out" 2>"$tmp/err"; then fail "mixed set searched: $set"; fi
  grep -qF "shard $tmp/nostem.db: the index was built with other analysis settings" "$tmp/err" ||
    fail "the odd shard must be named: $(cat "$tmp/err")"
done
printf 'auto sharded.db/shard-0\nauto nostem.db\n' >"$tmp/odd.stub"
if "$tool" search --db "$tmp/odd.stub" روسيا >"$tmp/out" 2>"$tmp/err"; then fail "mixed stub searched"; fi
grep -qF "shard $tmp/nostem.db:" "$tmp/err" || fail "odd shard of a stub: $(cat "$tmp/err")"
# A bad stub line is named by file and line.
printf 'auto sharded.db/shard-0\nbogus line\n' >"$tmp/bad.stub"
if "$tool" search --db "$tmp/bad.stub" روسيا >"$tmp/out" 2>"$tmp/err"; then fail "bad stub searched"; fi
grep -qF "$tmp/bad.stub:2: not a database line" "$tmp/err" || fail "bad stub line: $(cat "$tmp/err")"
echo "search_shards: ${#queries[@]} queries identical over 3 remote shards, stub folder, 3 --db and one database"
