#!/usr/bin/env bash
# xapian-arabic index on a real archive: Omega terms and values read by plain
# Xapian (python3-xapian), incremental runs that read nothing unchanged, changed
# files replaced (never duplicated), --prune, bad inputs reported and counted,
# exit statuses, and the analysis fingerprint check.
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3
json() { $py -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }

mkdir -p "$tmp/archive/2024"
cp "$data"/news-samples/*.txt "$tmp/archive/2024/"
sana="$tmp/archive/2024/000_2620c748157139b5.txt"

# 1. First run: both articles added, summary on stdout, exit 0.
out=$("$tool" index --db "$tmp/db" --json "$tmp/archive" 2>"$tmp/err") || fail "first run failed: $(cat "$tmp/err")"
[ "$(json articles_added <<<"$out")" = 2 ] || fail "first run must add 2: $out"
[ "$(json files_read <<<"$out")" = 2 ] || fail "first run must read 2 files: $out"

# 2. Omega conventions, read with the plain Xapian Python bindings.
$py - "$tmp/db" <<'EOF' || fail "Omega terms and values"
import sys, xapian
db = xapian.Database(sys.argv[1])
assert db.get_doccount() == 2, db.get_doccount()
pl = list(db.postlist("Q2024/000_2620c748157139b5.txt"))
assert len(pl) == 1, "Q term of the SANA article (path relative to the indexed root)"
doc = db.get_document(pl[0].docid)
terms = {t.term.decode() for t in doc.termlist()}
for t in ["D20241121", "M202411", "Y2024", "Lar", "XSOURCEsana"]:
    assert t in terms, (t, sorted(x for x in terms if x[:1].isupper()))
assert any(t.startswith("ZS") and "بوتين" in t for t in terms), "ZS title terms (the stems layout)"
assert doc.get_value(0).decode() == "20241121", doc.get_value(0)
data = dict(l.split("=", 1) for l in doc.get_data().decode().split("\n") if l)
assert data["caption"].startswith("بوتين يبحث"), data["caption"]
assert data["published"].startswith("2024-11-21"), data["published"]
for field in ("url", "sample", "type", "modtime", "size", "id", "title", "source", "path", "text"):
    assert field in data, field
# A plain QueryParser search for a word (through the synonym table, docs/omega.md), and a date
# range on slot 0.
qp = xapian.QueryParser()
qp.set_database(db)
qp.add_rangeprocessor(xapian.DateRangeProcessor(0, "date:"))
qp.add_boolean_prefix("source", "XSOURCE")
flags = xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_AUTO_SYNONYMS
enq = xapian.Enquire(db)
enq.set_query(qp.parse_query("التصعيد date:20241121..20241121 source:sana", flags))
assert [m.docid for m in enq.get_mset(0, 10)] == [pl[0].docid]
enq.set_query(qp.parse_query("التصعيد date:20240101..20241031", flags))
assert enq.get_mset(0, 10).size() == 0
EOF

# 3. Second run: nothing read, nothing added. Proof that unchanged files are not
#    read: overwrite one with different bytes of the same size and restore its
#    mtime; the index must keep the old text.
stamp=$(stat -c %y "$sana")
sed -i 's/بوتين/نيتوب/' "$sana"
touch -d "$stamp" "$sana"
out=$("$tool" index --db "$tmp/db" --json "$tmp/archive" 2>"$tmp/err") || fail "second run: $(cat "$tmp/err")"
for k in articles_added replaced files_read bytes_read deleted failed; do
  [ "$(json $k <<<"$out")" = 0 ] || fail "second run: $k must be 0: $out"
done
[ "$(json unchanged_files <<<"$out")" = 2 ] || fail "second run: 2 unchanged files: $out"
$py -c "import xapian,sys; db=xapian.Database('$tmp/db'); sys.exit(0 if db.get_termfreq('نيتوب')==0 else 1)" ||
  fail "an unchanged (size+mtime) file was read"

# 4. Restoring the original bytes gives a new mtime but the recorded content hash:
#    the file is read for its hash only, not parsed, nothing re-indexed.
cp "$data/news-samples/000_2620c748157139b5.txt" "$sana"
out=$("$tool" index --db "$tmp/db" --json "$tmp/archive") || fail "restore run"
[ "$(json files_read <<<"$out")" = 0 ] && [ "$(json replaced <<<"$out")" = 0 ] &&
  [ "$(json unchanged_files <<<"$out")" = 2 ] || fail "new mtime, same content: $out"
[ "$(json bytes_read <<<"$out")" = "$(stat -c %s "$sana")" ] || fail "only the touched file is hashed: $out"

# 5. A changed file replaces its article: same document count, new text found.
sed -i '4s/$/ وضرب الزلزال المنطقة./' "$sana"
out=$("$tool" index --db "$tmp/db" --json "$tmp/archive") || fail "changed run"
[ "$(json replaced <<<"$out")" = 1 ] && [ "$(json articles_added <<<"$out")" = 0 ] || fail "changed file: $out"
[ "$(json documents <<<"$out")" = 2 ] || fail "changed file must not duplicate: $out"
quake="Z$(echo الزلزال | "$tool" stem)"  # the stems layout's term
$py -c "import xapian,sys; db=xapian.Database('$tmp/db'); sys.exit(0 if db.get_termfreq('$quake')==1 else 1)" ||
  fail "the changed text is not indexed"

# 6. JSON Lines: a record dropped from a changed file is deleted; a malformed line
#    is reported with file:line, counted, and the rest indexed (exit 2).
jl="$tmp/archive/feed.jsonl"
cat >"$jl" <<'EOF'
{"id": "a1", "title": "عنوان أول", "body": "نص الخبر الأول عن الاقتصاد", "date": "2024-11-20", "source": "سانا"}
{"id": "a2", "title": "عنوان ثان", "body": "نص الخبر الثاني عن الرياضة", "date": "2024-11-21"}
{"id": "a3", "title": "عنوان ثالث", "body": "نص الخبر الثالث عن الطقس", "date": "2024-11-22"}
EOF
out=$("$tool" index --db "$tmp/db" --json "$tmp/archive") || fail "jsonl run"
[ "$(json articles_added <<<"$out")" = 3 ] || fail "jsonl: 3 added: $out"
printf '%s\n' '{"id": "a1", "title": "عنوان أول", "body": "نص الخبر الأول عن الاقتصاد", "date": "2024-11-20", "source": "سانا"}' \
  '{"id": "a3", "title": "عنوان ثالث", "body": "نص الخبر الثالث عن الطقس", "date": "2024-11-22"' \
  '{"id": "a4", "title": "عنوان رابع", "body": "نص الخبر الرابع", "date": "2024-11-23"}' >"$jl"
set +e
out=$("$tool" index --db "$tmp/db" --json "$tmp/archive" 2>"$tmp/err"); status=$?
set -e
[ $status = 2 ] || fail "a malformed line must give exit status 2, got $status"
grep -q "feed.jsonl:2:" "$tmp/err" || fail "malformed line must be reported with file:line: $(cat "$tmp/err")"
[ "$(json failed <<<"$out")" = 1 ] || fail "jsonl: 1 failed: $out"
[ "$(json articles_added <<<"$out")" = 1 ] || fail "jsonl: a4 added: $out"
[ "$(json deleted <<<"$out")" = 2 ] || fail "jsonl: a2 and a3 (gone from the file) deleted: $out"
[ "$(json documents <<<"$out")" = 4 ] || fail "jsonl: 2 samples + a1 + a4: $out"

# 7. Bad files: binary, HTML without text. Reported with the file name, counted, the rest indexed.
head -c 3000 /dev/urandom | tr -d '\n' >"$tmp/archive/binary.txt"
printf '\0\0\0\1\2\3' >>"$tmp/archive/binary.txt"
printf '<html><head><title></title></head><body><script>x()</script></body></html>' >"$tmp/archive/empty.html"
set +e
out=$("$tool" index --db "$tmp/db" --json "$tmp/archive" 2>"$tmp/err"); status=$?
set -e
[ $status = 2 ] || fail "bad files must give exit status 2, got $status"
grep -q "binary.txt" "$tmp/err" || fail "binary file not reported: $(cat "$tmp/err")"
grep -q "empty.html" "$tmp/err" || fail "empty HTML not reported: $(cat "$tmp/err")"
[ "$(json failed <<<"$out")" -ge 2 ] || fail "bad files counted: $out"
[ "$(json documents <<<"$out")" = 4 ] || fail "bad files must not lose documents: $out"
rm "$tmp/archive/binary.txt" "$tmp/archive/empty.html"

# 8. --prune: without it a deleted file's article stays; with it, it goes.
rm "$tmp/archive/2024/003_0aeccc47afcbd928.txt"
out=$("$tool" index --db "$tmp/db" --json "$tmp/archive" 2>/dev/null) || true
[ "$(json deleted <<<"$out")" = 0 ] && [ "$(json documents <<<"$out")" = 4 ] || fail "no --prune, no deletion: $out"
out=$("$tool" index --db "$tmp/db" --json --prune "$tmp/archive" 2>/dev/null) || true
[ "$(json deleted <<<"$out")" = 1 ] && [ "$(json documents <<<"$out")" = 3 ] || fail "--prune: $out"

# 9. No Q term has two documents.
$py - "$tmp/db" <<'EOF' || fail "duplicate Q terms"
import sys, xapian
db = xapian.Database(sys.argv[1])
dups = [t.term for t in db.allterms("Q") if t.termfreq != 1]
assert not dups, dups
EOF

# 10. Another analysis config on this database: a clear error, exit 1, nothing written.
printf '[stemming]\nstemmer = "none"\n' >"$tmp/other.toml"
set +e
"$tool" index --db "$tmp/db" --config "$tmp/other.toml" "$tmp/archive" >/dev/null 2>"$tmp/err"; status=$?
set -e
[ $status = 1 ] || fail "incompatible config must give exit status 1, got $status"
grep -qi "reindex" "$tmp/err" || fail "incompatible config message: $(cat "$tmp/err")"

# 11. Usage errors: exit 1 (CLI11 usage errors are 1xx; a missing path is reported and counted).
set +e
"$tool" index --db "$tmp/db" >/dev/null 2>&1; status=$?
"$tool" index --db "$tmp/db" "$tmp/nowhere" >/dev/null 2>"$tmp/err"; status2=$?
set -e
[ $status != 0 ] || fail "index without PATH must fail"
[ $status2 = 2 ] && grep -q "nowhere" "$tmp/err" || fail "a missing path is reported: $status2 $(cat "$tmp/err")"
echo "index_archive: ok"
