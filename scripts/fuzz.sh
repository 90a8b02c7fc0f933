#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang-14, ASan+UBSan, in build/fuzz) and runs each
# for N seconds, one after the other:
#
#   scripts/fuzz.sh --seconds N [target...]     targets: normalizer tokenizer stemmer date
#                                                source_extractor article_extractor text_reader
#                                                jsonl_reader html_reader config query (default: all)
#   scripts/fuzz.sh --cpu-seconds N [target...]  each target until its process has used N s of CPU
#                                                (on a shared or niced machine wall time says little)
#
# Seeds come from ../shared/data and the repo (fuzz/make_seeds.py) into build/fuzz/corpus/<target>,
# which keeps what each run finds for the next. Crashes, leaks, timeouts and out-of-memory inputs
# go to build/fuzz/crashes/. Prints executions and crashes per target; exit status 1 on any crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60 cpu_seconds=0
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --cpu-seconds) cpu_seconds=${2:?--cpu-seconds needs a number}; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("${1%_fuzzer}"); shift ;;
  esac
done
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: --seconds must be a whole number of seconds, got '$seconds'" >&2; exit 2; }
[[ $cpu_seconds =~ ^[0-9]+$ ]] || { echo "fuzz.sh: --cpu-seconds must be a whole number of seconds, got '$cpu_seconds'" >&2; exit 2; }
# With --cpu-seconds, libFuzzer's own limit (wall time) is only a backstop; a watcher stops the
# fuzzer with SIGINT (libFuzzer then prints its final stats and exits 72) once it has had its CPU.
[ "$cpu_seconds" -gt 0 ] && seconds=$((cpu_seconds * 50))
# libFuzzer's -timeout is wall time per input. A niced run on a busy machine can wait that long
# for a core (2026-12-02: a normalizer input that takes 15 ms of CPU "timed out" at load 20), so
# --cpu-seconds runs, meant for such machines, allow 120 s; a real hang is still caught.
timeout=10
[ "$cpu_seconds" -gt 0 ] && timeout=120

# cpu_of PID: user + system CPU seconds the process has used so far.
cpu_of() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo -1; return; }
  stat=${stat##*) }  # the fields after the command name, which may hold spaces
  local fields=($stat)
  echo $(((fields[11] + fields[12]) / $(getconf CLK_TCK)))
}
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzzer.cc; do t=$(basename "$f" _fuzzer.cc); targets+=("$t"); done
fi
for t in "${targets[@]}"; do
  [ -f "fuzz/${t}_fuzzer.cc" ] || { echo "fuzz.sh: no fuzz target '$t' (fuzz/${t}_fuzzer.cc)" >&2; exit 2; }
done

build=build/fuzz
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXA_FUZZ=ON -DXA_WERROR=ON -DXA_BUILD_BENCH=OFF \
  -DXA_BUILD_TESTS=OFF -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build "$build" -j"${XA_JOBS:-2}" --target "${targets[@]/%/_fuzzer}" >/dev/null
mkdir -p "$build/crashes" "$build/logs" "$build/corpus"
python3 fuzz/make_seeds.py "$build/corpus"

# Known leaks in Debian's libraries, not in ours (each entry says why).
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
failed=0
printf '%-26s %12s %8s %8s\n' target executions crashes cpu_s
for t in "${targets[@]}"; do
  corpus="$build/corpus/${t}_fuzzer"
  mkdir -p "$corpus"
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=$timeout -print_final_stats=1
        -artifact_prefix="$build/crashes/${t}-")
  # The readers get inputs big enough for deep HTML nesting and long JSON lines.
  case $t in *_reader) args+=(-max_len=1048576) ;; esac
  dict="fuzz/dict/${t%_reader}.dict"
  [ -f "$dict" ] && args+=(-dict="$dict")
  before=$(find "$build/crashes" -name "${t}-*" | wc -l)
  status=0
  used=""
  if [ "$cpu_seconds" -gt 0 ]; then
    "$build/fuzz/${t}_fuzzer" "${args[@]}" "$corpus" >"$build/logs/$t.log" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      used=$(cpu_of "$pid")
      [ "$used" -ge "$cpu_seconds" ] && { kill -INT "$pid"; break; }
      sleep 5
    done
    wait "$pid" || status=$?
    [ "$status" -eq 72 ] && status=0  # stopped by the watcher: its CPU is used up, not a finding
  else
    "$build/fuzz/${t}_fuzzer" "${args[@]}" "$corpus" >"$build/logs/$t.log" 2>&1 || status=$?
  fi
  after=$(find "$build/crashes" -name "${t}-*" | wc -l)
  crashes=$((after - before))
  # A run that failed without leaving an input (e.g. the fuzzer itself died) still counts.
  [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ] && crashes=1
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/logs/$t.log" | tail -1)
  printf '%-26s %12s %8s %8s\n' "$t" "${execs:-?}" "$crashes" "${used:--}"
  if [ "$crashes" -gt 0 ]; then
    failed=1
    grep -m1 -E 'ERROR: |SUMMARY: |invariant broken' "$build/logs/$t.log" >&2 || true
    echo "  log: $build/logs/$t.log; inputs: $build/crashes/${t}-*" >&2
  fi
done
exit $failed
