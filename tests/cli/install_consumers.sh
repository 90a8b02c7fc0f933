#!/usr/bin/env bash
# cmake --install gives a package that a consumer builds against both ways:
# find_package(XapianArabic) and pkg-config; the library exports only its API.
set -euo pipefail
build=${XA_BUILD_DIR:?}; src=${XA_SOURCE_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
lib=$(ls "$prefix"/lib/*/libxapian-arabic.so.0 2>/dev/null || ls "$prefix"/lib/libxapian-arabic.so.0)
[ -e "$lib" ] || fail "versioned SONAME library not installed"
soname=$(objdump -p "$lib" | awk '/SONAME/ {print $2}')
[ "$soname" = "libxapian-arabic.so.0" ] || fail "SONAME is '$soname'"
# Hidden visibility: internal helpers must not be exported.
symbols=$(nm -D --defined-only -C "$lib")
if grep -q 'embedded_file\|table_lines' <<<"$symbols"; then fail "internal symbols exported"; fi
grep -q 'xapian_arabic::Normalizer::normalize' <<<"$symbols" || fail "public API not exported"
[ -f "$prefix/include/xapian_arabic.h" ] || fail "umbrella header not installed"
libdir=$(dirname "$lib")
expected=$'شكر الوزير والمعلمين على جهودهم\n'

# 1. CMake: find_package(XapianArabic) -> XapianArabic::xapian_arabic
cmake -S "$src/examples/consumer" -B "$tmp/cmake-consumer" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$tmp/cmake-consumer" >/dev/null
out=$(LD_LIBRARY_PATH=$libdir "$tmp/cmake-consumer/consumer")
[ "$(head -1 <<<"$out")" = "${expected%$'\n'}" ] || fail "CMake consumer printed: $out"
[ "$(sed -n 2p <<<"$out" | cut -d' ' -f2)" = "احمد" ] || fail "CMake consumer normalization: $out"

# 2. pkg-config
export PKG_CONFIG_PATH=$libdir/pkgconfig
pkg-config --exists xapian-arabic || fail "pkg-config does not find xapian-arabic"
# shellcheck disable=SC2046
g++ -o "$tmp/pc-consumer" "$src/examples/consumer/main.cc" $(pkg-config --cflags --libs xapian-arabic)
out2=$(LD_LIBRARY_PATH=$libdir "$tmp/pc-consumer")
[ "$out2" = "$out" ] || fail "pkg-config consumer printed: $out2"
echo "install + consumers: all checks passed"
