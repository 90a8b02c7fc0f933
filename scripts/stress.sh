#!/usr/bin/env bash
# Stress for the indexer's safety promises (issue 12), on local files only and
# bounded in time: it stops by itself after --duration seconds (plus the cycle
# under way).
#
# Each cycle indexes a generated archive (news-bench articles split into many
# JSON Lines files, plus the news-dev text files) into a fresh database with
# parallel writers and small batches, so merges and folder exchanges are
# frequent, while
#   - searches run in a loop against the database,
#   - second indexers (plain and --prune) start at random moments: each must be
#     refused with exit status 1 and "is locked"; none may exit 0 while the
#     first one runs,
#   - the first indexer is killed with kill -9 at a random moment (most cycles)
#     and run again to the end,
# then xapian-check must pass, the document count must equal the clean run's
# and no Q term may have two documents.
#
#   scripts/stress.sh [--duration SECONDS] [--tool PATH] [--data DIR] [--articles N] [--strict-search]
#
# Prints one summary line; exit status 1 if an indexer promise was broken (a
# second indexer admitted, a damaged database, lost documents, duplicate ids).
# Searches that fail while a merge exchanges the folders are counted and their
# errors printed; with --strict-search they fail the run too.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
duration=300
tool=${XA_TOOL:-$here/build/release/tools/xapian-arabic}
data=${XA_SHARED_DATA_DIR:-$here/../shared/data}
articles=3000
strict_search=0
while [ $# -gt 0 ]; do
  case $1 in
    --duration) duration=$2; shift 2 ;;
    --tool) tool=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --articles) articles=$2; shift 2 ;;
    --strict-search) strict_search=1; shift ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "stress.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$tool" ] || { echo "stress.sh: no tool at $tool (build it, or pass --tool)" >&2; exit 2; }
py=/usr/bin/python3
tmp=$(mktemp -d /tmp/xa-stress-XXXXXX)
first= searcher=
cleanup() {
  [ -n "$searcher" ] && kill "$searcher" 2>/dev/null
  [ -n "$first" ] && kill -9 "$first" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

$py - "$data/news-bench/articles.jsonl.gz" "$tmp/archive" "$articles" <<'EOF'
import gzip, os, sys
os.makedirs(sys.argv[2])
n = int(sys.argv[3])
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    lines = [line for _, line in zip(range(n), f)]
for i in range(0, len(lines), 25):
    name = os.path.join(sys.argv[2], "part-%04d.jsonl" % (i // 25))
    chunk = "".join(lines[i:i + 25]).encode()
    if (i // 25) % 3 == 1:
        with gzip.open(name + ".gz", "wb") as out: out.write(chunk)
    else:
        with open(name, "wb") as out: out.write(chunk)
EOF
mkdir -p "$tmp/archive/dev"
cp "$data"/news-dev/*.txt "$tmp/archive/dev/"
cfg="$tmp/stress.toml"
printf '[index]\nparallel_write = "always"\nbatch_size = 20\nthreads = 2\n' >"$cfg"

doccount() { $py -c 'import sys,xapian
try: print(xapian.Database(sys.argv[1]).get_doccount())
except xapian.Error: print(-1)' "$1"; }
# Prints the number of Q terms with more than one document, or -1 if unreadable.
duplicates() { $py - "$1" <<'EOF'
import sys, xapian
try:
    db = xapian.Database(sys.argv[1])
    dups = sum(1 for t in db.allterms("Q") if t.termfreq != 1)
    ids = sum(1 for _ in db.allterms("Q"))
    print(dups + abs(ids - db.get_doccount()))
except xapian.Error:
    print(-1)
EOF
}
# 1 if an index --json summary read no file and made no commit, else 0.
wrote_nothing() {
  $py -c 'import json,sys; s=json.load(open(sys.argv[1])); print(int(s["files_read"] == 0 and s["commits"] == 0))' "$1" \
    2>/dev/null || echo 0
}
rand_sleep() { sleep "$($py -c "import random; print(round(random.uniform($1, $2), 3))")"; }

clean=$("$tool" index --db "$tmp/clean" --config "$cfg" --json --quiet "$tmp/archive") || {
  echo "stress.sh: the clean run failed" >&2; exit 1; }
expected=$(doccount "$tmp/clean")
clean_seconds=$($py -c 'import json,sys; print(json.loads(sys.argv[1])["seconds"])' "$clean")

# Searches in a loop for the whole run, on the database of the cycle under way ($tmp/current
# names it; a cycle's database is deleted only after the next cycle's checks, so never under a
# search). Each result line is counted at the end.
(
  while :; do
    db=$(cat "$tmp/current" 2>/dev/null || true)
    if [ -n "$db" ] && [ -e "$db/iamglass" ]; then
      if "$tool" search --db "$db" --json -n 5 "سوريا" >/dev/null 2>"$tmp/search.err"; then
        echo ok >>"$tmp/searches"
      else
        echo "failed: $(head -c 300 "$tmp/search.err")" >>"$tmp/searches"
      fi
    fi
    sleep 0.02
  done
) &
searcher=$!

cycles=0 started=0 refused=0 admitted=0 after_end=0 kills=0 corrupt=0 lost=0 dups=0 odd=0
deadline=$(($(date +%s) + duration))
while [ "$(date +%s)" -lt "$deadline" ]; do
  cycles=$((cycles + 1))
  [ -n "${previous:-}" ] && rm -rf "$previous" "$previous".xa-*
  previous=${db:-}
  db="$tmp/db-$cycles"
  echo "$db" >"$tmp/current"
  "$tool" index --db "$db" --config "$cfg" --quiet "$tmp/archive" 2>>"$tmp/first.err" &
  first=$!
  kill_at=$($py -c "import random; print(random.uniform(0.3, $clean_seconds * 1.2))")
  t0=$(date +%s.%N)
  killed=0
  while kill -0 "$first" 2>/dev/null; do
    rand_sleep 0.05 0.4
    if $py -c "import sys; sys.exit(0 if $(date +%s.%N) - $t0 >= $kill_at else 1)" && [ $((cycles % 4)) != 0 ]; then
      kill -9 "$first" 2>/dev/null && killed=1
      break
    fi
    extra=
    [ $((RANDOM % 3)) = 0 ] && extra=--prune
    started=$((started + 1))
    set +e
    "$tool" index --db "$db" --config "$cfg" --quiet --json $extra "$tmp/archive" >"$tmp/second.out" 2>"$tmp/second.err"
    status=$?
    set -e
    alive=0
    kill -0 "$first" 2>/dev/null && alive=1
    if [ $status = 1 ] && grep -q "is locked" "$tmp/second.err"; then
      refused=$((refused + 1))
    elif [ $status = 0 ] && [ $alive = 1 ] && [ "$(wrote_nothing "$tmp/second.out")" = 1 ]; then
      # The first run had finished and released the lock; its process was only exiting (slow
      # under ASan: the leak check), and this run found every file indexed: nothing to refuse.
      after_end=$((after_end + 1))
    elif [ $status = 0 ] && [ $alive = 1 ]; then
      admitted=$((admitted + 1))
      echo "cycle $cycles: a second indexer exited 0 while the first ran" >>"$tmp/problems"
    elif [ $alive = 0 ]; then
      after_end=$((after_end + 1))  # the first run ended meanwhile: nothing to refuse
    else
      odd=$((odd + 1))
      echo "cycle $cycles: second indexer status $status: $(head -c 300 "$tmp/second.err")" >>"$tmp/problems"
    fi
  done
  set +e
  wait "$first"
  set -e
  first=
  if [ $killed = 1 ]; then
    kills=$((kills + 1))
    if ! xapian-check "$db" >/dev/null 2>&1 && [ -e "$db/iamglass" ]; then
      corrupt=$((corrupt + 1))
      echo "cycle $cycles: xapian-check failed after kill -9" >>"$tmp/problems"
    fi
    set +e
    "$tool" index --db "$db" --config "$cfg" --quiet "$tmp/archive" 2>>"$tmp/first.err"
    set -e
  fi
  if ! xapian-check "$db" >/dev/null 2>&1; then
    corrupt=$((corrupt + 1))
    echo "cycle $cycles: xapian-check failed at the end" >>"$tmp/problems"
  fi
  n=$(doccount "$db")
  if [ "$n" != "$expected" ]; then
    [ "$n" -lt "$expected" ] && lost=$((lost + expected - n))
    echo "cycle $cycles: $n documents, the clean run has $expected" >>"$tmp/problems"
  fi
  d=$(duplicates "$db")
  if [ "$d" != 0 ]; then
    dups=$((dups + 1))
    echo "cycle $cycles: duplicate Q terms: $d" >>"$tmp/problems"
  fi
done
kill "$searcher" 2>/dev/null || true
wait "$searcher" 2>/dev/null || true
searcher=
searches=$(grep -c . "$tmp/searches" 2>/dev/null || true)
search_failures=$(grep -c '^failed' "$tmp/searches" 2>/dev/null || true)
[ -s "$tmp/problems" ] && cat "$tmp/problems" >&2
grep '^failed' "$tmp/searches" 2>/dev/null | sort | uniq -c | head -5 >&2 || true
echo "stress: ${duration}s, $cycles cycles of $expected documents; second indexers: $started started," \
  "$refused refused, $admitted admitted while the first ran, $after_end after it ended, $odd other;" \
  "kill -9: $kills; searches: ${searches:-0} (${search_failures:-0} failed); corruptions: $corrupt;" \
  "lost documents: $lost; databases with duplicate ids: $dups"
[ "$strict_search" = 0 ] || [ "${search_failures:-0}" = 0 ] || exit 1
[ "$admitted" = 0 ] && [ "$odd" = 0 ] && [ "$corrupt" = 0 ] && [ "$lost" = 0 ] && [ "$dups" = 0 ] &&
  [ "$refused" -gt 0 ]
