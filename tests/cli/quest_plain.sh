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

quest_ids() {  # quest_ids DB QUERY
  quest -d "$1" -m 1000 -s none -f default,auto_synonyms -p title:S -b source:XSOURCE "$2" |
    sed -n 's/^id=//p' | sort | tr '\n' ' ' | sed 's/ $//'
}
search_ids() {  # search_ids DB QUERY
  "$tool" search --db "$1" --json --limit 1000 "$2" |
    /usr/bin/python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["results"])))'
}

# Both layouts ([index] layout, docs/index-format.md): the stems layout (the default) holds
# only Zقمه for القمة, the words layout القمه and Zقمه.
for layout in stems words; do
  db="$tmp/db-$layout"
  printf '[index]\nlayout = "%s"\n' "$layout" >"$tmp/$layout.toml"
  "$tool" index --quiet --threads 2 --config "$tmp/$layout.toml" --db "$db" "$tmp/archive" ||
    fail "index ($layout) failed"
  expected='Query((القمة@1 SYNONYM Zقمه@1))'
  [ "$layout" = words ] && expected='Query((القمة@1 SYNONYM Zقمه@1 SYNONYM القمه@1))'
  # (Into a variable first: grep -q would close the pipe on quest, a failure under pipefail.)
  parsed=$(quest -d "$db" -s none -f default,auto_synonyms "القمة")
  [[ "$parsed" == *"$expected"* ]] || fail "$layout: quest must parse القمة to $expected: $(head -2 <<<"$parsed")"
  # Each query as a user types it; none of them is normalized or stemmed before quest sees it.
  # (يستخدم: a derived verb, which search and the synonym table join to its verbal noun استخدام.)
  for q in "القمة" "المعلمين" "بوتين" "الرئيس OR روسيا" "title:روسيا" "التصعيد source:sana" "أكاديميون" "2018" \
    "يستخدم"; do
    got=$(quest_ids "$db" "$q")
    [ -n "$got" ] || fail "$layout: quest '$q' finds nothing"
    [ "$got" = "$(search_ids "$db" "$q")" ] ||
      fail "$layout: quest '$q' gives [$got], xapian-arabic search [$(search_ids "$db" "$q")]"
  done
done

# The verb reaches an article that has only its verbal noun (antj-01514: استخدام, never يستخدم).
[[ " $(quest_ids "$tmp/db-stems" "يستخدم") " == *" antj-01514.txt "* ]] ||
  fail "quest يستخدم must find antj-01514.txt (only استخدام) through the synonym table"

# Rank order, one word (quest's default operator differs for longer queries): with -w dph,
# quest ranks as our search does by default ([search] weighting); with quest's bm25 it doesn't.
ranked() { "$tool" search --db "$tmp/db-stems" --json --limit 10 "$1" |
  /usr/bin/python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["results"]))'; }
for q in الرئيس مصر; do
  want=$(ranked "$q")
  got=$(quest -d "$tmp/db-stems" -m 10 -w dph -s none -f default,auto_synonyms "$q" | sed -n 's/^id=//p' | tr '\n' ' ' | sed 's/ $//')
  [ "$got" = "$want" ] || fail "quest -w dph '$q' ranks [$got], xapian-arabic search [$want]"
done

# The switch off: quest looks for the term القمة, which the index never holds (it holds Zقمه).
printf '[index]\nsynonyms = false\n' >"$tmp/off.toml"
"$tool" index --quiet --threads 2 --config "$tmp/off.toml" --db "$tmp/off" "$tmp/archive" || fail "index (off) failed"
[ -z "$(quest_ids "$tmp/off" "القمة")" ] || fail "with synonyms = false, quest القمة must find nothing"
echo "ok"
