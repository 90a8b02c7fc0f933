#!/usr/bin/env bash
# quest (xapian-tools) with the flags docs/omega.md gives (-s none -f default,auto_synonyms)
# on an index built by `xapian-arabic index`: input as typed (teh marbuta, hamza,
# diacritics, prefixes, Arabic-Indic digits) finds what `xapian-arabic search` finds,
# through the synonym table; with [index] synonyms = false it does not.
set -euo pipefail
tool=${XA_TOOL:?}
src=${XA_SOURCE_DIR:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v quest >/dev/null || { echo "SKIP: quest (xapian-tools) is not installed"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/archive"
cp "$data"/news-dev/*.txt "$src"/samples/news/* "$tmp/archive/"
"$tool" index --quiet --threads 2 --db "$tmp/db" "$tmp/archive" || fail "index failed"

quest_ids() {  # quest_ids DB QUERY
  quest -d "$1" -m 1000 -s none -f default,auto_synonyms -p title:S -b source:XSOURCE "$2" |
    sed -n 's/^id=//p' | sort | tr '\n' ' ' | sed 's/ $//'
}
search_ids() {
  "$tool" search --db "$tmp/db" --json --limit 1000 "$@" |
    /usr/bin/python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["results"])))'
}

# (Into a variable first: grep -q would close the pipe on quest, a failure under pipefail.)
parsed=$(quest -d "$tmp/db" -s none -f default,auto_synonyms "القمة")
[[ "$parsed" == *'Query((القمة@1 SYNONYM Zقمه@1 SYNONYM القمه@1))'* ]] ||
  fail "quest must parse القمة to (القمة SYNONYM Zقمه SYNONYM القمه): $(head -2 <<<"$parsed")"
# Each query as a user types it; none of them is normalized or stemmed before quest sees it.
for q in "القمة" "المعلمين" "بوتين" "الرئيس OR روسيا" "title:روسيا" "التصعيد source:sana" "أكاديميون"; do
  got=$(quest_ids "$tmp/db" "$q")
  [ -n "$got" ] || fail "quest '$q' finds nothing"
  [ "$got" = "$(search_ids "$q")" ] || fail "quest '$q' gives [$got], xapian-arabic search [$(search_ids "$q")]"
done

# The switch off: quest looks for the term القمة, which the index never holds (it holds القمه).
printf '[index]\nsynonyms = false\n' >"$tmp/off.toml"
"$tool" index --quiet --threads 2 --config "$tmp/off.toml" --db "$tmp/off" "$tmp/archive" || fail "index (off) failed"
[ -z "$(quest_ids "$tmp/off" "القمة")" ] || fail "with synonyms = false, quest القمة must find nothing"
echo "ok"
