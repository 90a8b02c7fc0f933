#!/usr/bin/env bash
# Builds and runs the whole test suite twice: a g++ release build, and a
# clang ASan+UBSan build. Both treat warnings as errors. Then runs every fuzz
# target for a short bounded time (XA_FUZZ_SECONDS each, default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)

echo "== g++ release build and tests"
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DXA_WERROR=ON -DCMAKE_CXX_COMPILER=g++ >/dev/null
cmake --build build/release -j"$jobs"
ctest --test-dir build/release --output-on-failure -j2

echo "== clang-14 ASan+UBSan build and tests"
cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXA_SANITIZE=ON -DXA_WERROR=ON \
  -DXA_BUILD_BENCH=OFF -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build build/sanitize -j"$jobs"
# The install test links an uninstrumented consumer against the library, which ASan can't mix.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/sanitize --output-on-failure -j2 -E 'install_consumers'

echo "== libFuzzer targets, ${XA_FUZZ_SECONDS:-10} s each (scripts/fuzz.sh; docs/fuzzing.md)"
XA_JOBS=$jobs bash scripts/fuzz.sh --seconds "${XA_FUZZ_SECONDS:-10}"
