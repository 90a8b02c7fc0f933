#!/usr/bin/env bash
# config check and config show: OK or FILE:LINE errors with exit status 1; show round-trips.
set -euo pipefail
tool=${XA_TOOL:?}
src=${XA_SOURCE_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

out=$("$tool" config check "$src/config/default.toml") || fail "default.toml must pass"
[ "$out" = "$src/config/default.toml: OK" ] || fail "check prints FILE: OK, got: $out"

check_error() {  # file content, expected "LINE: ..." part of the message
  printf "$1" >"$tmp/c.toml"
  if "$tool" config check "$tmp/c.toml" >/dev/null 2>"$tmp/err"; then fail "accepted: $1"; fi
  grep -q "c.toml:$2" "$tmp/err" || fail "for '$1' expected c.toml:$2, got: $(cat "$tmp/err")"
}
check_error '[bm25]\nk1 = 1.2\nk9 = 3\n' "3: unknown key 'k9'"
check_error '[bm25]\nk1 = -1\n' '2: \[bm25\] k1'
check_error '[bm25]\nb = "high"\n' '2:'
check_error '[recency]\nenabled = 1\n' '2:'
check_error '[search]\nlimit = 10\n[serch]\nlimit = 5\n' '3:'
check_error '[bm25\nk1 = 1\n' '1:'
if "$tool" config check "$tmp/none.toml" 2>/dev/null; then fail "missing file accepted"; fi
# Values that would only fail at use are caught by check, at the config's line.
check_error '[stemming]\nlatin_stemmer = "klingon"\n' '2: \[stemming\] latin_stemmer must be a Snowball language'
check_error '[stemming]\ntables_dir = "no-such-folder"\n' '2: \[stemming\] tables_dir no such folder'
check_error '[stopwords]\nenabled = true\nfile = "no-such-file.txt"\n' '3: \[stopwords\] file no such file'
check_error '[sources]\naliases_file = "no-such-file.tsv"\n' '2: \[sources\] aliases_file no such file'
printf 'related\tطالع كذلك\nrelated\n' >"$tmp/markers.tsv"
check_error "[layout]\nmarkers_file = \"$tmp/markers.tsv\"\n" "2: \\[layout\\] markers_file: .*markers.tsv:2: expected"
mkdir "$tmp/dates"
check_error "[dates]\ntables_dir = \"$tmp/dates\"\n" '2: \[dates\] tables_dir: .*months.tsv'

# show: the defaults, or a file over them; its output passes check and shows the same again.
"$tool" config show >"$tmp/default.toml"
grep -q '^k1 = 1.2$' "$tmp/default.toml" || fail "show must print the default k1"
printf '[bm25]\nk1 = 0.9\n[recency]\nenabled = true\n' >"$tmp/mine.toml"
"$tool" config show "$tmp/mine.toml" >"$tmp/shown.toml"
grep -q '^k1 = 0.9$' "$tmp/shown.toml" || fail "show must apply the file: $(grep k1 "$tmp/shown.toml")"
grep -q '^b = 0.75$' "$tmp/shown.toml" || fail "show must keep defaults for unset keys"
"$tool" config check "$tmp/shown.toml" >/dev/null || fail "show output must pass check"
"$tool" config show "$tmp/shown.toml" | diff - "$tmp/shown.toml" >/dev/null || fail "show must round-trip"
printf '[search]\nexact_form_weight = 0.0\n' >"$tmp/off.toml"
"$tool" config show "$tmp/off.toml" | grep -qx 'exact_form_weight = 0.0' || fail "show must print exact_form_weight"
echo "search_config: OK"
