#!/usr/bin/env bash
# `xapian-arabic extract --jsonl`: the exact contract external evaluation uses.
# In:  {"id": ..., "text": "...", "reference_date": "YYYY-MM-DD" or null}, one per line on stdin.
# Out: {"id": ..., "dates": [{"value", "kind", "text"}], "sources": [{"name", "kind", "city"}]}, one per input line.
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}/news-samples
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$data" >"$tmp/in.jsonl" <<'PY'
import json, sys
d = sys.argv[1]
rows = [
    {"id": "000", "text": open(d + "/000_2620c748157139b5.txt", encoding="utf-8").read(), "reference_date": "2024-11-21"},
    {"id": 3, "text": open(d + "/003_0aeccc47afcbd928.txt", encoding="utf-8").read(), "reference_date": "2024-11-20"},
    {"id": "rel-null", "text": "قال مسؤول أمس الثلاثاء إن الاجتماع عقد في 5 مارس 2023.", "reference_date": None},
    {"id": "rel", "text": "قال مسؤول أمس الثلاثاء إن الاجتماع عقد في 5 مارس 2023.", "reference_date": "2024-11-20"},
    {"id": "dl", "text": "الرياض - واس\nأعلنت الوزارة.", "reference_date": None},
    {"id": "none", "text": "", "reference_date": None},
]
for r in rows:
    print(json.dumps(r, ensure_ascii=False))
PY
"$tool" extract --jsonl <"$tmp/in.jsonl" >"$tmp/out.jsonl" || fail "exit status"
python3 - "$tmp/out.jsonl" <<'PY' || exit 1
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def check(cond, what):
    if not cond:
        sys.exit("FAIL: " + what)
check(len(rows) == 6, "one output line per input line")
for r in rows:
    check(set(r) == {"id", "dates", "sources"}, "exact keys: %r" % sorted(r))
    for d in r["dates"]:
        check(set(d) == {"value", "kind", "text"} and d["kind"] in ("published", "updated", "mentioned"), "date object %r" % d)
    for s in r["sources"]:
        check(set(s) == {"name", "kind", "city"} and s["kind"] in ("source", "agency", "dateline"), "source object %r" % s)
a, b, rel_null, rel, dl, none = rows
check(a["id"] == "000" and b["id"] == 3, "ids are echoed with their JSON type")
pub = [d for d in a["dates"] if d["kind"] == "published"]
check(pub and pub[0]["value"] == "2024-11-21" and pub[0]["text"] == "21st, November 2024 GMT", "published 000: %r" % pub)
check({"value": "2023-10", "kind": "mentioned", "text": "تشرين الأول 2023"} in a["dates"], "تشرين الأول 2023")
check({"name": "الوكالة العربية السورية للأنباء", "kind": "dateline", "city": "موسكو"} in a["sources"], "dateline 000: %r" % a["sources"])
check({"name": "الوكالة العربية السورية للأنباء", "kind": "source", "city": ""} in a["sources"], "source 000")
check(any(s["kind"] == "agency" and s["name"] == "سبوتنيك" for s in a["sources"]), "sputnik cited in 000")
upd = [d for d in b["dates"] if d["kind"] == "updated"]
check(upd and upd[0]["value"] == "2024-11-20T12:20", "updated 003: %r" % upd)
check({"value": "2024-11-19", "kind": "mentioned", "text": "أمس الثلاثاء"} in b["dates"], "أمس الثلاثاء: %r" % b["dates"])
check(any(d["value"] == "1967-06-04" for d in b["dates"]), "الرابع من يونيو ١٩٦٧")
check({"name": "شبكة أخبار العراق", "kind": "dateline", "city": "بغداد"} in b["sources"], "dateline 003: %r" % b["sources"])
check([d["value"] for d in rel_null["dates"]] == ["2023-03-05"], "null reference: relative dates give nothing: %r" % rel_null["dates"])
check("2024-11-19" in [d["value"] for d in rel["dates"]], "reference resolves أمس الثلاثاء")
check(dl["sources"] == [{"name": "وكالة الأنباء السعودية", "kind": "dateline", "city": "الرياض"}], "dateline-only text: %r" % dl["sources"])
check(none["dates"] == [] and none["sources"] == [], "empty text")
PY

# Bad lines keep their place: an error object, and exit status 1.
set +e
out=$(printf '%s\n' '{"id": 1, "text": "نص"}' 'not json' '{"id": 2, "text": 5}' '{"id": 3, "text": "أمس", "reference_date": "21/11/2024"}' | "$tool" extract --jsonl)
status=$?
set -e
[ "$status" -eq 1 ] || fail "bad input lines must give exit status 1"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 4 ] || fail "one output line per input line, got: $out"
printf '%s\n' "$out" | sed -n 2p | grep -q '"error"' || fail "invalid JSON line must give an error object"
printf '%s\n' "$out" | sed -n 4p | grep -q 'reference_date' || fail "bad reference_date must be named"
printf '%s\n' "$out" | sed -n 4p | grep -q 'line 4' || fail "a bad line's error must name the line: $out"

# reference_date must be a day of the calendar: 2024-02-31 and 2023-02-29 are none, 2024-02-29 is.
set +e
out=$(printf '%s\n' '{"id": 1, "text": "أمس", "reference_date": "2024-02-29"}' \
  '{"id": 2, "text": "أمس", "reference_date": "2024-02-31"}' '{"id": 3, "text": "أمس", "reference_date": "2023-02-29"}' |
  "$tool" extract --jsonl)
status=$?
set -e
[ "$status" -eq 1 ] || fail "impossible reference dates must give exit status 1"
printf '%s\n' "$out" | sed -n 1p | grep -q '"2024-02-28"' || fail "2024-02-29 is a leap day: $out"
printf '%s\n' "$out" | sed -n 2p | grep -q 'line 2: reference_date.*2024-02-31' || fail "2024-02-31 must be refused: $out"
printf '%s\n' "$out" | sed -n 3p | grep -q 'line 3: reference_date.*2023-02-29' || fail "2023-02-29 must be refused: $out"
echo OK
