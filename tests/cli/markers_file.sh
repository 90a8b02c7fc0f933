#!/usr/bin/env bash
# [layout] markers_file: the tool's reader and extractors read a user's markers table, so a
# label or marker of one's own makes a header line, a publication date and the end of the body.
set -euo pipefail
tool=${XA_TOOL:?}
src=${XA_SOURCE_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

printf 'عنوان الخبر\nوقت الإصدار: 12 مارس 2024\nقال الوزير إن الاجتماع ناجح.\nطالع كذلك\nخبر آخر لا صلة له\n' >"$tmp/a.txt"
"$tool" extract "$tmp/a.txt" >"$tmp/builtin.json"
grep -q '"published":null' "$tmp/builtin.json" || fail "built-in table: no publication line expected"
grep -q '"related":""' "$tmp/builtin.json" || fail "built-in table: no related material expected"

{ cat "$src/config/layout/markers.tsv"; printf 'published\tوقت الإصدار\nrelated\tطالع كذلك\n'; } >"$tmp/markers.tsv"
printf '[layout]\nmarkers_file = "markers.tsv"\n' >"$tmp/xa.toml"
"$tool" config check "$tmp/xa.toml" >/dev/null || fail "a good markers table must pass config check"
"$tool" extract --config "$tmp/xa.toml" "$tmp/a.txt" >"$tmp/mine.json"
grep -q '"published":"2024-03-12"' "$tmp/mine.json" || fail "user's label: $(cat "$tmp/mine.json")"
grep -q '"related":"خبر آخر لا صلة له"' "$tmp/mine.json" || fail "user's related marker: $(cat "$tmp/mine.json")"
"$tool" config show "$tmp/xa.toml" | grep -qx "markers_file = \"$tmp/markers.tsv\"" || fail "show must print markers_file"
echo "markers_file: OK"
