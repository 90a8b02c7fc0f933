#!/usr/bin/env bash
# xapian-arabic search on an index built by xapian-arabic index: fields, dates in any
# digits and as month names, source aliases, JSON output, sorting, and the errors
# (index built with other settings, bad date, missing index).
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}
src=${XA_SOURCE_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
if ! "$tool" index --help >/dev/null 2>&1; then
  echo "SKIP: this build has no 'xapian-arabic index' command yet"
  exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The two scraped samples (2024-11-20 from شبكة أخبار العراق, 2024-11-21 موسكو-سانا)
# and 300 news-bench articles (2012-2018, skynews/alarabia).
mkdir "$tmp/archive"
cp "$data"/news-samples/*.txt "$tmp/archive/"
{ zcat "$data/news-bench/articles.jsonl.gz" || true; } | head -300 >"$tmp/archive/bench.jsonl"
"$tool" index --quiet --db "$tmp/db" "$tmp/archive" || fail "index failed"
s() { "$tool" search --db "$tmp/db" "$@"; }
ids() { s --json --limit 1000 "$@" | /usr/bin/python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["results"])))'; }

# Words, through normalization: hamza and diacritics in the query don't matter.
putin=$(ids "بوتين")
[[ "$putin" == *000_2620c748157139b5.txt* ]] || fail "بوتين must find the Putin sample: $putin"
[ "$(ids "بُوتِين")" = "$putin" ] || fail "diacritics in the query must not change results"
# title: / عنوان: only look at titles; the Russia–Iraq sample has روسيا in its title.
[[ "$(ids "title:روسيا")" == *003_0aeccc47afcbd928.txt* ]] || fail "title:روسيا"
[ "$(ids "عنوان:روسيا")" = "$(ids "title:روسيا")" ] || fail "عنوان: must equal title:"

# Dates: ISO, Arabic-Indic digits, month names, ranges, --from/--to.
[ "$(ids "date:2024-11-21")" = "000_2620c748157139b5.txt" ] || fail "date:2024-11-21 gave: $(ids date:2024-11-21)"
[ "$(ids "date:٢٠٢٤-١١-٢٠..٢٠٢٤-١١-٢٠")" = "003_0aeccc47afcbd928.txt" ] || fail "Arabic-Indic date range"
both="000_2620c748157139b5.txt 003_0aeccc47afcbd928.txt"
[ "$(ids "date:نوفمبر 2024")" = "$both" ] || fail "date:نوفمبر 2024 gave: $(ids "date:نوفمبر 2024")"
[ "$(ids "date:2024-11")" = "$both" ] || fail "date:2024-11"
[ "$(ids --from 2024-11-21 "روسيا OR بوتين")" = "000_2620c748157139b5.txt" ] || fail "--from"
[ "$(ids --to 2024-11-20 --from 2024 "روسيا OR بوتين")" = "003_0aeccc47afcbd928.txt" ] || fail "--to"
n2018=$(ids "date:2018" | wc -w)
[ "$n2018" -gt 200 ] || fail "date:2018 must match most bench articles, got $n2018"
# The extractor's grammar: dates as articles write them, Hijri, relative to --today.
[ "$(ids "date:21/11/2024")" = "000_2620c748157139b5.txt" ] || fail "date:21/11/2024"
[ "$(ids "date:21 تشرين الثاني 2024")" = "000_2620c748157139b5.txt" ] || fail "date:21 تشرين الثاني 2024 (unquoted)"
[ "$(ids 'date:"جمادى الأولى 1446"')" = "$both" ] || fail "date:\"جمادى الأولى 1446\""
[ "$(ids --today 2024-11-22 --from أمس "روسيا OR بوتين")" = "000_2620c748157139b5.txt" ] || fail "--from أمس"
[ "$(ids --today 2024-11-27 "date:الأسبوع الماضي")" = "$both" ] || fail "date:الأسبوع الماضي"
if s "date:1446" >/dev/null 2>"$tmp/err"; then fail "date:1446 must not search the Gregorian year 1446"; fi
grep -q "1446هـ" "$tmp/err" || fail "date:1446 must say how to write a Hijri year: $(cat "$tmp/err")"
if s --from "أمس فلان" بوتين >/dev/null 2>"$tmp/err"; then fail "--from with a word that is no date accepted"; fi
grep -q "'فلان' was not understood" "$tmp/err" || fail "the part not understood must be named: $(cat "$tmp/err")"
if s --today 2024-02-30 --from أمس بوتين >/dev/null 2>"$tmp/err"; then fail "--today 2024-02-30 accepted"; fi
grep -q "2024-02-30" "$tmp/err" || fail "a bad --today must be named: $(cat "$tmp/err")"

# Sources: every alias of an agency selects the same articles.
sana=$(ids "source:سانا")
[[ "$sana" == *000_2620c748157139b5.txt* ]] || fail "source:سانا must find the موسكو-سانا article: '$sana'"
[ "$(ids "source:SANA")" = "$sana" ] || fail "source:SANA differs from source:سانا"
[ "$(ids 'source:"الوكالة العربية السورية للأنباء"')" = "$sana" ] || fail "full agency name differs"
[ "$(ids --source سانا "بوتين")" = "000_2620c748157139b5.txt" ] || fail "--source"
[ -z "$(ids --source سانا "روسيا")" ] || fail "--source must filter the query, not become part of it"
[ -z "$(ids --source سانا --source SANA "روسيا")" ] || fail "repeated --source"
[ -z "$(ids "source:SANA date:2018")" ] || fail "source and date filters must AND"

# JSON output: every field, highlighted snippet, spans that point at the words.
s --json "بوتين" >"$tmp/out.json"
/usr/bin/python3 - "$tmp/out.json" <<'PY' || fail "JSON output"
import json, sys
out = json.load(open(sys.argv[1]))
hit = out["results"][0]
for key in ("id", "docid", "url", "path", "title", "published", "source", "score", "snippet", "highlights"):
    assert key in hit, key
assert hit["id"] == "000_2620c748157139b5.txt", hit["id"]
assert hit["published"].startswith("2024-11-21"), hit["published"]
assert "<b>بوتين</b>" in hit["snippet"], hit["snippet"]
text = hit["snippet_text"].encode()
assert hit["highlights"] and all(text[b:e].decode() == "بوتين" for b, e in hit["highlights"]), hit["highlights"]
assert out["estimated"] >= 1
PY

# Plain output off a terminal: <b> marks, title, date, source, score.
s "بوتين" >"$tmp/out.txt"
grep -q "<b>بوتين</b>" "$tmp/out.txt" || fail "text output must mark matches with <b>: $(head -5 "$tmp/out.txt")"
grep -q "2024-11-21" "$tmp/out.txt" || fail "text output must show the date"
grep -q "score" "$tmp/out.txt" || fail "text output must show the score"

# --sort date: newest first.
s --json --sort date --limit 20 "date:2018" | /usr/bin/python3 -c '
import json, sys
dates = [h["published"][:10] for h in json.load(sys.stdin)["results"]]  # by day; relevance within a day
assert len(dates) == 20 and dates == sorted(dates, reverse=True), dates' || fail "--sort date"
# --limit / --offset page through the same ranking.
[ "$(s --json --limit 4 "الرئيس" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][3]["docid"])')" = \
  "$(s --json --limit 1 --offset 3 "الرئيس" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["docid"])')" ] ||
  fail "--offset"

# Errors: exit status 1 and a message that says what to do.
printf '[stemming]\nstemmer = "none"\n' >"$tmp/nostem.toml"
if s --config "$tmp/nostem.toml" "بوتين" >/dev/null 2>"$tmp/err"; then fail "other analysis settings accepted"; fi
grep -qi "reindex" "$tmp/err" || fail "incompatible index must say to reindex: $(cat "$tmp/err")"
grep -qF '[stemming] stemmer = "light" in the index, "none" here' "$tmp/err" ||
  fail "incompatible index must name the key and values that differ: $(cat "$tmp/err")"
# An index carries its settings: built with nostem.toml, searched (and added to) with no --config.
"$tool" index --quiet --db "$tmp/nostem-db" --config "$tmp/nostem.toml" "$tmp/archive" || fail "index nostem"
ns() { "$tool" search --db "$tmp/nostem-db" --json --limit 1000 "$@" |
  /usr/bin/python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["results"])))'; }
[ -n "$(ns "بوتين")" ] || fail "search with no --config must use the index's settings"
[ "$(ns "بوتين")" = "$(ns --config "$tmp/nostem.toml" "بوتين")" ] || fail "no --config must equal the index's config"
"$tool" index --quiet --db "$tmp/nostem-db" "$tmp/archive" || fail "index with no --config on a nostem index"
if ns --config "$src/config/default.toml" "بوتين" >/dev/null 2>"$tmp/err"; then fail "default.toml accepted"; fi
grep -qF '[stemming] stemmer = "none" in the index, "light" here' "$tmp/err" || fail "names the difference: $(cat "$tmp/err")"
if s "date:2024-13" >/dev/null 2>"$tmp/err"; then fail "bad date accepted"; fi
grep -q "2024-13" "$tmp/err" || fail "bad date must be named: $(cat "$tmp/err")"
if "$tool" search --db "$tmp/archive" "بوتين" >/dev/null 2>"$tmp/err"; then fail "a folder that is no index accepted"; fi
grep -q "cannot open the index" "$tmp/err" || fail "missing index: $(cat "$tmp/err")"
# --offset and --limit are range-checked, not wrapped at 2^32 or from -1 to SIZE_MAX.
for bad in "--offset 4294967296" "--offset -1" "--limit 4294967297" "--limit -1"; do
  # shellcheck disable=SC2086  # $bad is an option and its value
  if s $bad "الرئيس" >"$tmp/out" 2>"$tmp/err"; then fail "$bad accepted: $(head -3 "$tmp/out")"; fi
  grep -q -- "${bad#* }' is not a number from [01] to 4294967295" "$tmp/err" || fail "$bad: $(cat "$tmp/err")"
done
# --limit 0 would list nothing (it once listed the default 10): refused, naming the range.
if s --limit 0 "الرئيس" >"$tmp/out" 2>"$tmp/err"; then fail "--limit 0 accepted: $(head -3 "$tmp/out")"; fi
grep -q -- "'0' is not a number from 1 to 4294967295" "$tmp/err" || fail "--limit 0: $(cat "$tmp/err")"
# A --source that neither the alias table nor the index knows is named, not 0 silent results.
if s --source "وكالة لا وجود لها" "الرئيس" >"$tmp/out" 2>"$tmp/err"; then fail "unknown --source accepted"; fi
grep -q "unknown source" "$tmp/err" && grep -qF "وكالة لا وجود لها" "$tmp/err" || fail "unknown --source: $(cat "$tmp/err")"
s --json --offset 4294967295 "الرئيس" | /usr/bin/python3 -c 'import json,sys; assert json.load(sys.stdin)["results"] == []' ||
  fail "--offset 4294967295 is the last valid offset"
echo "search_cli: OK"
