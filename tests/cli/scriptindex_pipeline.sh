#!/usr/bin/env bash
# An Omega site's own pipeline: `xapian-arabic extract --scriptindex` records indexed by
# Debian's scriptindex with examples/omega/news.script. The result has our terms (quest
# with -s none finds what `xapian-arabic search` finds on our own index), dates in value
# slot 0 and D terms, sources as XSOURCE, and ids and urls in their own case.
set -euo pipefail
tool=${XA_TOOL:?}
src=${XA_SOURCE_DIR:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v scriptindex >/dev/null || { echo "SKIP: scriptindex (xapian-omega) is not installed"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/archive"
cp "$data"/news-dev/*.txt "$src"/samples/news/* "$tmp/archive/"
# Ids and urls with capitals, and a newline in the sample: scriptindex's continuation lines.
printf '%s\n' '{"id": "ABC-12", "url": "https://example.com/News/ABC-12", "title": "قمة المعلمين", "body": "اجتمع المعلمون في القمة.\nسطر ثان", "date": "2019-03-04", "source": "bbc"}' \
  >"$tmp/archive/upper.jsonl"
"$tool" index --quiet --threads 2 --db "$tmp/ours" "$tmp/archive" || fail "index failed"
"$tool" extract --scriptindex --synonyms "$tmp/site" --id-root "$tmp/archive" "$tmp/archive"/* >"$tmp/dump" ||
  fail "extract --scriptindex failed"
grep -qx 'id=ABC-12' "$tmp/dump" || fail "the id must keep its case: $(grep '^id=' "$tmp/dump" | tail -1)"
grep -qx 'url=https://example.com/News/ABC-12' "$tmp/dump" || fail "the url must keep its case"
grep -qx '=سطر ثان' "$tmp/dump" || fail "a newline in a value must be a continuation line"
scriptindex -s none "$tmp/site" "$src/examples/omega/news.script" "$tmp/dump" >"$tmp/scriptindex.log" 2>&1 ||
  fail "scriptindex failed: $(tail -5 "$tmp/scriptindex.log")"
grep -i "warning\|error" "$tmp/scriptindex.log" && fail "scriptindex warned"

quest_ids() {  # quest_ids DB QUERY
  quest -d "$1" -m 1000 -s none -f default,auto_synonyms -p title:S "$2" | sed -n 's/^id=//p' | sort | tr '\n' ' ' |
    sed 's/ $//'
}
search_ids() {
  "$tool" search --db "$tmp/ours" --json --limit 1000 "$@" |
    /usr/bin/python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["results"])))'
}
# (يستخدم: a derived verb, joined to its verbal noun استخدام by the synonym pairs extract writes.)
for q in "القمة" "المعلمين" "بوتين" "التصعيد" "title:روسيا" "يستخدم"; do
  got=$(quest_ids "$tmp/site" "$q")
  [ -n "$got" ] || fail "the scriptindex site finds nothing for '$q'"
  [ "$got" = "$(search_ids "$q")" ] || fail "scriptindex site '$q' gives [$got], xapian-arabic search [$(search_ids "$q")]"
done
[[ " $(quest_ids "$tmp/site" "القمة") " == *" ABC-12 "* ]] || fail "القمة must find ABC-12"

/usr/bin/python3 - "$tmp/site" <<'PY' || fail "terms and values of the scriptindex site"
import sys, xapian
db = xapian.Database(sys.argv[1])
assert db.get_termfreq("QABC-12") == 1, "Q term in its own case"
assert db.get_termfreq("Uhttps://example.com/News/ABC-12") == 1, "U term in its own case"
doc = db.get_document(next(db.postlist("QABC-12")).docid)
terms = {t.term.decode() for t in doc.termlist()}
for t in ["D20190304", "M201903", "Y2019", "XSOURCEbbc", "القمه", "Zقمه", "Sقمه", "ZSقمه", "Zمعلم"]:
    assert t in terms, t
assert doc.get_value(0) == b"20190304", doc.get_value(0)
# Value slot 0 is YYYYMMDD: Omega's START.0/END.0 and a plain range over it agree with the D terms.
enq = xapian.Enquire(db)
enq.set_query(xapian.Query(xapian.Query.OP_VALUE_RANGE, 0, "20180201", "20180228"))
assert sorted(m.document.get_data().decode().split("id=")[1].split("\n")[0] for m in enq.get_mset(0, 100)) == \
    ["antm-00016", "antm-00646"]
PY
echo "ok"
