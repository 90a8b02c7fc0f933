#!/usr/bin/env bash
# Side-by-side benchmark of two commits (docs/benchmarks.md): builds BASE in a temporary git
# worktree under build/compare/ and the current tree (uncommitted changes included), with the
# same CMake Release settings, then runs extract_bench, analysis_bench and index_bench from both
# builds interleaved (base, current, base, current, ...) so machine noise hits both, and prints
# one Markdown table of the best of N rounds with the ratio current/base.
#
# Usage: bench/compare.sh [BASE] [--rounds N] [--limit N] [--batch N] [--out FILE]
#   BASE      commit, tag or hash to compare against (default HEAD~1)
#   --rounds  rounds of each bench per side, best kept (default 2)
#   --limit   use the first N news-bench articles only (a quick check, not a result)
#   --batch   index_bench batch size (default 500, one batch size keeps a round short)
#   --out     also write the table to FILE
# Raw outputs stay in build/compare/runs/<time>/. A base whose bench programs lack an option is
# run without it, with a note; a base without a bench program gets "—" in its rows.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
cd "$root"

base_ref=HEAD~1 rounds=2 limit=0 batch=500 out=""
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
    --limit) limit=${2:?--limit needs a number}; shift 2 ;;
    --batch) batch=${2:?--batch needs a number}; shift 2 ;;
    --out) out=${2:?--out needs a file}; shift 2 ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) base_ref=$1; shift ;;
  esac
done
base=$(git rev-parse --verify --quiet "$base_ref^{commit}") || {
  echo "compare.sh: $base_ref is not a commit in $root" >&2
  exit 2
}
short=$(git rev-parse --short "$base")
current_desc=$(git describe --always --dirty --abbrev=7)
shared=$(cd "$root/.." && pwd)/shared
[ -d "$shared/data/news-bench" ] || { echo "compare.sh: no news-bench in $shared/data" >&2; exit 2; }

compare=$root/build/compare
jobs=${XA_COMPARE_JOBS:-2}
cmake_flags=(-DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ -DXA_BUILD_TESTS=OFF -DXA_BUILD_BENCH=ON)
targets=(xapian-arabic extract_bench analysis_bench index_bench)

# build SRC BUILD: builds every target that SRC has; the bench programs find the data as
# SRC/../shared/data, so SRC's parent gets a link to the real shared/.
build() {
  local src=$1 dir=$2
  cmake -S "$src" -B "$dir" "${cmake_flags[@]}" >"$dir.configure.log" 2>&1 || {
    echo "compare.sh: configuring $src failed, see $dir.configure.log" >&2
    exit 1
  }
  for t in "${targets[@]}"; do
    if ! cmake --build "$dir" -j"$jobs" --target "$t" >>"$dir.build.log" 2>&1; then
      if [ "$t" = xapian-arabic ] || [ "$src" = "$root" ]; then
        echo "compare.sh: building $t in $src failed, see $dir.build.log" >&2
        exit 1
      fi
      echo "note: $short has no buildable $t; its rows show —" >&2
    fi
  done
}

mkdir -p "$compare/$short"
base_src=$compare/$short/src
base_build=$compare/$short/build
ln -sfn "$shared" "$compare/$short/shared"
if [ ! -x "$base_build/tools/xapian-arabic" ]; then
  echo "== building base $short in $base_src" >&2
  git worktree remove --force "$base_src" 2>/dev/null || true
  git worktree add --detach --quiet "$base_src" "$base"
  # The worktree is temporary: the build (reused by the next run against the same commit) stays.
  trap 'git -C "$root" worktree remove --force "$base_src" 2>/dev/null || true; mkdir -p "$base_src"' EXIT
  build "$base_src" "$base_build"
fi
# The base's bench programs reach the data as src/../shared/data: src must exist as a folder,
# so a cached build gets an empty one (git worktree add accepts an empty folder next time).
mkdir -p "$base_src"
echo "== building current tree ($current_desc)" >&2
mkdir -p "$compare/current"
build "$root" "$compare/current/build"
current_build=$compare/current/build

run_dir=$compare/runs/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$run_dir"
input=$shared/data/news-bench/articles.jsonl.gz
if [ "$limit" -gt 0 ]; then
  input=$run_dir/subset.jsonl
  { gzip -dc "$shared/data/news-bench/articles.jsonl.gz" || true; } | head -n "$limit" >"$input"
fi

# has_option SIDE PROGRAM OPTION: whether that side's source of bench/PROGRAM.cc parses OPTION.
has_option() {
  local src
  if [ "$1" = base ]; then src=$(git show "$base:bench/$2.cc" 2>/dev/null || true); else src=$(cat "bench/$2.cc"); fi
  grep -q -- "\"$3\"" <<<"$src"
}

# args SIDE PROGRAM: the options that side's program is run with (a note when one is missing).
args() {
  local side=$1 prog=$2 a=()
  case $prog in
    extract_bench)
      a=(--repeat 3)
      if [ "$limit" -gt 0 ]; then
        if has_option "$side" extract_bench --limit; then a+=(--limit "$limit"); else
          echo "note: $side extract_bench has no --limit: it reads all articles" >&2
        fi
      fi ;;
    analysis_bench) a=("$input" --repeat 3) ;;
    index_bench)
      a=(--articles "$input" --work "$run_dir/work-$side")
      if has_option "$side" index_bench --batch; then a+=(--batch "$batch"); else
        echo "note: $side index_bench has no --batch: it runs its default batch sizes" >&2
      fi
      # Lucene does not depend on the commit: the current side runs it, the base side skips it.
      if [ "$side" = base ] && has_option base index_bench --no-lucene; then a+=(--no-lucene); fi ;;
  esac
  printf '%s\n' "${a[@]}"
}

for prog in extract_bench analysis_bench index_bench; do
  for side in base current; do
    mapfile -t "argv_${side}" < <(args "$side" "$prog")
  done
  for ((r = 1; r <= rounds; r++)); do
    for side in base current; do
      if [ $side = base ]; then bin=$base_build/bench/$prog; else bin=$current_build/bench/$prog; fi
      if [ $side = base ]; then argv=("${argv_base[@]}"); else argv=("${argv_current[@]}"); fi
      log=$run_dir/$prog.$side.$r.txt
      if [ ! -x "$bin" ]; then
        : >"$log"
        continue
      fi
      echo "== $prog $side round $r/$rounds" >&2
      # index_bench runs the xapian-arabic of its own build (compiled in).
      "$bin" "${argv[@]}" >"$log" 2>"$log.err" || {
        echo "compare.sh: $bin failed (round $r), see $log.err" >&2
        exit 1
      }
    done
  done
done

rm -rf "$run_dir"/work-* "$run_dir/subset.jsonl"  # index_bench's scratch; the outputs stay
table=$(python3 "$here/compare_table.py" "$run_dir" "$rounds" "$short" "$current_desc")
{
  echo "base $short ($(git log -1 --format=%s "$base" | cut -c1-60)) vs current $current_desc;"
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), best of $rounds interleaved rounds, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$limit" -gt 0 ] && echo "only the first $limit news-bench articles (--limit): a quick check, not a result"
  echo
  echo "$table"
} | tee ${out:+"$out"}
echo "raw outputs: $run_dir" >&2
