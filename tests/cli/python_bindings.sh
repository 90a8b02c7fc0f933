#!/usr/bin/env bash
# The index is a plain Xapian index: Debian's python3-xapian and xapian-tools (delve,
# quest) read it without xapian-arabic. A normalized word finds the article with a plain
# QueryParser, value slot 0 ("YYYYMMDD") filters by date, Q/XSOURCE terms are Omega-style.
set -euo pipefail
tool=${XA_TOOL:?}
data=${XA_SHARED_DATA_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
if ! "$tool" index --help >/dev/null 2>&1; then
  echo "SKIP: this build has no 'xapian-arabic index' command yet"
  exit 0
fi
/usr/bin/python3 -c 'import xapian' || fail "Debian's python3-xapian is not installed (apt install python3-xapian)"
command -v xapian-delve >/dev/null || fail "xapian-tools is not installed (xapian-delve, quest)"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# news-samples: 000_… (Moscow-SANA, 2024-11-21, mentions الرئاسة الروسية) and 003_… (2024-11-20).
"$tool" index --quiet --db "$tmp/db" "$data/news-samples" || fail "index failed"

/usr/bin/python3 - "$tmp/db" <<'PY' || fail "python3-xapian checks"
import sys
import xapian

db = xapian.Database(sys.argv[1])
assert db.get_doccount() == 2, db.get_doccount()

def ids(query):
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    found = []
    for m in enquire.get_mset(0, 10):
        fields = dict(line.split("=", 1) for line in m.document.get_data().decode().split("\n") if "=" in line)
        found.append(fields["id"])
    return sorted(found)

# A plain QueryParser (no stemmer, no xapian-arabic) reaches the index's stem terms through the
# synonym table (docs/omega.md), from the spelling as written and from the normalized form of
# الرئاسة (hamza seat ئ → ي and teh marbuta ة → ه, as `xapian-arabic normalize` prints it).
qp = xapian.QueryParser()
qp.set_database(db)
flags = xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_AUTO_SYNONYMS
for spelling in ("الرياسه", "الرئاسة"):
    got = ids(qp.parse_query(spelling, flags))
    assert got == ["000_2620c748157139b5.txt"], (spelling, got)
# Without the table, neither is an index term: the stems layout holds Z + the stem only.
assert ids(qp.parse_query("الرئاسة")) == [], "a word as written should not be a term"

# Value slot 0 holds YYYYMMDD: a value range and DateRangeProcessor both select by date.
got = ids(xapian.Query(xapian.Query.OP_VALUE_RANGE, 0, "20241121", "20241121"))
assert got == ["000_2620c748157139b5.txt"], got
got = ids(xapian.Query(xapian.Query.OP_VALUE_RANGE, 0, "20241101", "20241130"))
assert got == ["000_2620c748157139b5.txt", "003_0aeccc47afcbd928.txt"], got
qp.add_rangeprocessor(xapian.DateRangeProcessor(0, "date:"))
got = ids(qp.parse_query("روسيا date:2024-11-20..2024-11-20", flags))
assert got == ["003_0aeccc47afcbd928.txt"], got

# Omega conventions: unique Q term per article, boolean source filter, stemmed Z terms.
assert db.term_exists("Q000_2620c748157139b5.txt")
qp2 = xapian.QueryParser()
qp2.set_database(db)
qp2.add_boolean_prefix("source", "XSOURCE")
got = ids(qp2.parse_query("بوتين source:sana", flags))
assert got == ["000_2620c748157139b5.txt"], got
assert any(t.term.startswith(b"Z") for t in db.allterms()), "no stemmed Z terms"
print("python3-xapian: OK")
PY

# xapian-delve: document count, the date value slot, the terms of a document.
xapian-delve "$tmp/db" >"$tmp/delve" || fail "xapian-delve cannot open the index"
grep -q "number of documents = 2" "$tmp/delve" || fail "delve: $(cat "$tmp/delve")"
xapian-delve -V0 "$tmp/db" | grep -q "20241121" || fail "delve -V0 must list the YYYYMMDD values"
xapian-delve -t Q000_2620c748157139b5.txt "$tmp/db" | grep -q "1" || fail "delve -t Q… must find the article"
# quest: free text, and a boolean source filter.
quest -d "$tmp/db" "بوتين" >"$tmp/quest" || fail "quest cannot search the index"
grep -q "MSet" "$tmp/quest" && grep -q "000_2620c748157139b5.txt" "$tmp/quest" || fail "quest: $(cat "$tmp/quest")"
quest -d "$tmp/db" --boolean-prefix=source:XSOURCE "source:sana" | grep -q "000_2620c748157139b5.txt" ||
  fail "quest with a boolean source filter"
echo "python_bindings: OK"
