#!/usr/bin/env bash
# `xapian-arabic extract FILE...`: one JSON object per article, per-file errors, exit status.
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}/news-samples
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$tool" extract "$data"/000_2620c748157139b5.txt "$data"/003_0aeccc47afcbd928.txt >"$tmp/out.jsonl" || fail "exit status on good files"
[ "$(wc -l <"$tmp/out.jsonl")" -eq 2 ] || fail "two articles expected"
python3 - "$tmp/out.jsonl" <<'PY' || exit 1
import json, sys
a, b = [json.loads(l) for l in open(sys.argv[1])]
def check(cond, what):
    if not cond:
        sys.exit("FAIL: " + what)
for field in ("id", "title", "published", "updated", "dates", "source", "agencies", "dateline_city", "body", "related", "encoding"):
    check(field in a and field in b, "missing field " + field)
check(a["title"] == "بوتين يبحث في اتصال هاتفي مع رئيس الوزراء العراقي التصعيد غير المسبوق في الشرق الأوسط", "title 000")
check(a["published"] == "2024-11-21" and a["updated"] is None, "dates 000: %s %s" % (a["published"], a["updated"]))
check(a["dateline_city"] == "موسكو" and a["source"]["key"] == "sana", "dateline/source 000")
check(a["source"]["name"] == "الوكالة العربية السورية للأنباء", "source name 000")
check(a["related"].startswith("سفير روسيا لدى بريطانيا"), "related 000")
check(b["title"] == "روسيا تؤكد على تعزيز علاقاتها مع العراق", "title 003")
check(b["published"] == "2024-11-20" and b["updated"] == "2024-11-20T12:20", "dates 003: %s %s" % (b["published"], b["updated"]))
check(b["dateline_city"] == "بغداد" and b["source"]["name"] == "شبكة أخبار العراق", "dateline/source 003")
values = {d["value"]: d for d in b["dates"]}
check(values.get("2024-11-19", {}).get("kind") == "mentioned", "أمس الثلاثاء")
check("1967-06-04" in values and "2024-11" in values, "mentioned dates 003")
check(all("begin" in d and "end" in d and "text" in d for d in b["dates"]), "date spans")
check(a["encoding"] == "UTF-8", "encoding")
PY

# A bad file among good ones: its error is reported as JSON and the exit status is 1.
printf '\x89PNG\r\n\x1a\n\0\0\0' >"$tmp/image.txt"
printf '{"id": "r1", "title": "عنوان", "body": "الرياض - واس\\nنص", "date": "2015-07-21T02:53:47"}\n{oops\n' >"$tmp/archive.jsonl"
set +e
"$tool" extract "$tmp/image.txt" "$tmp/archive.jsonl" "$data"/003_0aeccc47afcbd928.txt >"$tmp/mixed.jsonl" 2>"$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "exit status must be 1 when a file fails, got $status"
python3 - "$tmp/mixed.jsonl" <<'PY' || exit 1
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
errors = [r for r in rows if "error" in r]
articles = [r for r in rows if "error" not in r]
if len(errors) != 2 or len(articles) != 2:
    sys.exit("FAIL: expected 2 errors and 2 articles, got %d and %d" % (len(errors), len(articles)))
if not (errors[0]["path"].endswith("image.txt") and errors[0]["line"] == 0 and "binary" in errors[0]["error"]):
    sys.exit("FAIL: binary file error: %r" % errors[0])
if not (errors[1]["path"].endswith("archive.jsonl") and errors[1]["line"] == 2):
    sys.exit("FAIL: JSON Lines error must name line 2: %r" % errors[1])
r1 = articles[0]
if not (r1["id"] == "r1" and r1["published"] == "2015-07-21T02:53" and r1["dateline_city"] == "الرياض"):
    sys.exit("FAIL: JSON Lines record: %r" % r1)
PY
grep -q "image.txt" "$tmp/err.txt" || fail "errors must also go to stderr with the file name"

# Windows-1256 archive converted at test time.
iconv -f UTF-8 -t WINDOWS-1256 "$data"/000_2620c748157139b5.txt >"$tmp/cp1256.txt"
"$tool" extract "$tmp/cp1256.txt" | python3 -c '
import json, sys
a = json.loads(sys.stdin.readline())
assert a["encoding"] == "windows-1256", a["encoding"]
assert a["dateline_city"] == "موسكو" and a["published"] == "2024-11-21", a
' || fail "windows-1256 file"
echo OK
