#!/usr/bin/env bash
# The normalize, stem and analyze subcommands, and the exact `stem` contract
# used by external evaluation: one line in, exactly one line out.
set -euo pipefail
tool=${XA_TOOL:?}
fail() { echo "FAIL: $*" >&2; exit 1; }

# normalize: stdin to stdout, line by line.
out=$(printf 'أَحْمَدُ في مدرسةٍ ٢٠٢٤\nOPEC\n' | "$tool" normalize)
[ "$out" = $'احمد في مدرسه 2024\nopec' ] || fail "normalize gave: $out"

# stem: exactly one output line per input line, empty line for empty input, order kept.
input=$'والمعلمين\n\nللمعلمين\nبوتين\nوبيروت\nGoogle\n2024\n'
out=$(printf '%s' "$input" | "$tool" stem)
[ "$(printf '%s\n' "$out" | wc -l)" -eq 7 ] || fail "stem must print 7 lines, got: $out"
mapfile -t stems <<<"$out"
[ "${stems[0]}" = "${stems[2]}" ] || fail "والمعلمين and للمعلمين must share a stem: ${stems[0]} vs ${stems[2]}"
[ -z "${stems[1]}" ] || fail "empty line must give an empty stem"
[ "${stems[3]}" = "بوتين" ] || fail "بوتين must survive, got ${stems[3]}"
[ "${stems[4]}" = "بيروت" ] || fail "وبيروت must stem to بيروت, got ${stems[4]}"
[ "${stems[6]}" = "2024" ] || fail "numbers are not stemmed"
# CRLF input and a last line without newline.
out=$(printf 'بوتين\r\nوبوتين' | "$tool" stem)
[ "$out" = $'بوتين\nبوتين' ] || fail "CRLF / no final newline: $out"
# Issue 9's first query: the bare word keeps its first letter and meets its ال form and plural.
out=$(printf 'وزير\nالوزير\nوالوزراء\n' | "$tool" stem)
[ "$out" = $'وزير\nوزير\nوزير' ] || fail "وزير, الوزير, والوزراء must all stem to وزير: $out"
# Invalid UTF-8 still gives one line.
out=$(printf 'abc\xff\n' | "$tool" stem | wc -l)
[ "$out" -eq 1 ] || fail "invalid UTF-8 must still give one line"

# analyze: positions, original word, term, stem (with the stopword list switched on).
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '[stopwords]\nenabled = true\n' >"$tmp/stop.toml"
out=$(printf 'وصل الرئيسُ إلى بيروت' | "$tool" analyze --config "$tmp/stop.toml")
echo "$out" | grep -q $'^2\tالرئيسُ\tالرييس\tZ' || fail "analyze must show position, original, term, stem: $out"
echo "$out" | grep -q $'^3\tإلى\tالي\t(stopword)' || fail "analyze must mark stopwords: $out"

# --help on every subcommand; a bad config is an error naming the file and line.
for cmd in normalize stem analyze; do "$tool" "$cmd" --help | grep -q -- "--config" || fail "$cmd --help"; done
printf '[stemming]\nstemmer = "heavy"\n' >"$tmp/bad.toml"
if "$tool" stem --config "$tmp/bad.toml" </dev/null 2>"$tmp/err"; then fail "bad config accepted"; fi
grep -q "bad.toml:2:" "$tmp/err" || fail "config error must name file and line: $(cat "$tmp/err")"
# --config with the stemmer switched off gives the normalized word back.
printf '[stemming]\nstemmer = "none"\n' >"$tmp/none.toml"
[ "$(echo 'والمعلمين' | "$tool" stem --config "$tmp/none.toml")" = "والمعلمين" ] || fail "stemmer = none"
echo "analysis commands: all checks passed"
