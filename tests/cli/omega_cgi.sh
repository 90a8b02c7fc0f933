#!/usr/bin/env bash
# Debian's Omega CGI, run from the command line with examples/omega/templates/query,
# on an index built by `xapian-arabic index` (news-dev + samples/news): unnormalized,
# unstemmed words reach the articles through the index's synonym table, and the date
# (START.0/END.0 on value slot 0, START/END on D terms) and source (source:, مصدر:, B=)
# filters work. Omega's hits must be the ones `xapian-arabic search` finds.
set -euo pipefail
tool=${XA_TOOL:?}
src=${XA_SOURCE_DIR:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
omega=$(dpkg -L xapian-omega 2>/dev/null | grep '/cgi-bin/omega/omega$' || true)
[ -x "$omega" ] || { echo "SKIP: Debian's xapian-omega is not installed (scripts/install-deps.sh)"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/archive" "$tmp/data" "$tmp/log"
cp "$data"/news-dev/*.txt "$src"/samples/news/* "$tmp/archive/"
"$tool" index --quiet --threads 2 --db "$tmp/data/news" "$tmp/archive" || fail "index failed"
cat >"$tmp/omega.conf" <<CONF
database_dir $tmp/data
template_dir $src/examples/omega/templates
log_dir $tmp/log
cdb_dir $tmp/cdb
CONF

# Omega reads NAME=VALUE arguments when it is not run by a web server.
omega_ids() {
  OMEGA_CONFIG_FILE="$tmp/omega.conf" "$omega" DB=news HITSPERPAGE=100 "$@" >"$tmp/out.html" ||
    fail "omega $*: exit $?"
  grep -q 'No documents match\|data-id=' "$tmp/out.html" || fail "omega $*: no result page: $(head -c 600 "$tmp/out.html")"
  grep -o 'data-id="[^"]*"' "$tmp/out.html" | sed 's/data-id="//; s/"$//' | sort | tr '\n' ' ' | sed 's/ $//'
}
search_ids() {
  "$tool" search --db "$tmp/data/news" --json --limit 1000 "$@" |
    /usr/bin/python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["results"])))'
}
# In rank order, top 10: the template's $set{weighting,dph} ranks as `xapian-arabic search` does.
omega_ranked() {
  OMEGA_CONFIG_FILE="$tmp/omega.conf" "$omega" DB=news HITSPERPAGE=10 "$@" >"$tmp/out.html" || fail "omega $*: exit $?"
  grep -o 'data-id="[^"]*"' "$tmp/out.html" | sed 's/data-id="//; s/"$//' | tr '\n' ' ' | sed 's/ $//'
}
search_ranked() {
  "$tool" search --db "$tmp/data/news" --json --limit 10 "$@" |
    /usr/bin/python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["results"]))'
}
expect() {  # expect LABEL "ids omega gives" "ids it must give"
  [ "$2" = "$3" ] || fail "$1: omega gives [$2], expected [$3]"
}

# القمة as typed (teh marbuta, no stemming): found through القمة → القمه, Zقمه.
summit=$(omega_ids "P=القمة")
[[ " $summit " == *" antm-09032.txt "* && " $summit " == *" antm-09998.txt "* ]] ||
  fail "القمة must find the two summit articles: [$summit]"
expect "P=القمة" "$summit" "$(search_ids "القمة")"
# المعلمين: through its stem معلم, as our search finds it.
teachers=$(omega_ids "P=المعلمين")
[[ " $teachers " == *" snn-29235.txt "* ]] || fail "المعلمين must find snn-29235: [$teachers]"
expect "P=المعلمين" "$teachers" "$(search_ids "المعلمين")"
# يستخدم: a derived verb, joined to its verbal noun استخدام by the synonym table as search joins them.
uses=$(omega_ids "P=يستخدم")
[[ " $uses " == *" antj-01514.txt "* ]] || fail "يستخدم must find antj-01514 (only استخدام): [$uses]"
expect "P=يستخدم" "$uses" "$(search_ids "يستخدم")"
# عنوان: (title:) reaches the S terms through their own synonyms.
expect "title:" "$(omega_ids "P=عنوان:القمة")" "$(search_ids "title:القمة")"

# Dates: value slot 0 is YYYYMMDD, what START.0/END.0 compare with; START/END use D terms.
feb2018="antm-00016 antm-00646"
expect "START.0/END.0" "$(omega_ids "START.0=20180201" "END.0=20180228")" "$feb2018"
expect "START/END" "$(omega_ids "START=20180201" "END=20180228")" "$feb2018"
expect "START.0/END.0 with words" "$(omega_ids "P=الرئيس" "START.0=20180601" "END.0=20180731")" \
  "$(search_ids --from 2018-06-01 --to 2018-07-31 "الرئيس")"

# Sources: boolean filters on XSOURCE, in English or Arabic, or as Omega's B parameter.
bbc=$(omega_ids "P=source:bbc")
expect "source:bbc" "$bbc" "$(search_ids --source bbc "")"
[ "$(echo "$bbc" | wc -w)" -eq 5 ] || fail "source:bbc must give the 5 BBC articles: [$bbc]"
expect "مصدر:bbc" "$(omega_ids "P=مصدر:bbc")" "$bbc"
expect "B=XSOURCEbbc" "$(omega_ids "B=XSOURCEbbc")" "$bbc"
expect "words + source" "$(omega_ids "P=الرئيس source:bbc")" "$(search_ids --source bbc "الرئيس")"
# Ranking: one word (Omega's default operator is AND, ours OR, so longer queries match other
# sets). With BM25, Omega's default, الرئيس comes out in another order.
for q in الرئيس مصر; do
  ranked=$(search_ranked "$q")
  [ "$(wc -w <<<"$ranked")" -eq 10 ] || fail "$q: expected 10 hits to rank, got [$ranked]"
  expect "P=$q in rank order" "$(omega_ranked "P=$q")" "$ranked"
done
echo "ok"
