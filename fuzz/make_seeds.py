#!/usr/bin/env python3
"""Builds the seed corpus of every fuzz target from real data, at run time (nothing large is
committed): ../shared/data (news-dev, news-samples, news-bench, stem-dev), samples/news,
config/, the hand-made seeds of fuzz/seeds/ and the HTML page of tests/news_reader_test.cc.

usage: make_seeds.py OUT_DIR   (writes OUT_DIR/<target>/<n>; existing files are kept)
"""
import gzip
import html
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
data = root.parent / "shared" / "data"
out = pathlib.Path(sys.argv[1])


def put(target, name, content):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(content if isinstance(content, bytes) else content.encode())


def texts(limit):
    paths = sorted((data / "news-dev").glob("*.txt"))[:limit]
    paths += sorted((data / "news-samples").glob("*.txt")) + sorted((root / "samples" / "news").glob("*.txt"))
    return [(p.stem, p.read_bytes()) for p in paths]


articles = texts(60)
for name, body in articles:
    for target in ("normalizer_fuzzer", "tokenizer_fuzzer", "article_extractor_fuzzer", "text_reader_fuzzer"):
        put(target, name, body)
    # Dates: 4 bytes of reference day first (date_fuzzer.cc), then the text.
    put("date_fuzzer", name, b"\x00\x7c\x0a\x14" + body)
    put("source_extractor_fuzzer", name, body)
put("text_reader_fuzzer", "gzipped", gzip.compress(articles[0][1]))
# Windows-1256: the reader's legacy-encoding path.
put("text_reader_fuzzer", "cp1256", articles[0][1].decode("utf-8").encode("cp1256", errors="replace"))

words = set()
for _, body in articles[:10]:
    words.update(re.findall(r"\w+", body.decode("utf-8")))
gold = data / "stem-dev" / "gold.tsv"
if gold.exists():
    for line in gold.read_text(encoding="utf-8").splitlines()[:300]:
        words.update(line.split("\t")[:1])
for i, w in enumerate(sorted(words)[:600]):
    put("stemmer_fuzzer", str(i), w)

records = []
bench = data / "news-bench" / "articles.jsonl.gz"
if bench.exists():
    with gzip.open(bench, "rt", encoding="utf-8") as f:
        for line in f:
            records.append(line.rstrip("\n"))
            if len(records) == 60:
                break
for i in range(0, len(records), 3):
    put("jsonl_reader_fuzzer", "bench%d" % i, "\n".join(records[i:i + 3]) + "\n")
for p in (root / "samples" / "news").glob("*.jsonl"):
    put("jsonl_reader_fuzzer", p.stem, b"\n".join(p.read_bytes().splitlines()[:5]) + b"\n")
if records:
    put("jsonl_reader_fuzzer", "gzipped", gzip.compress(("\n".join(records[:3]) + "\n").encode()))

test = (root / "tests" / "news_reader_test.cc").read_text(encoding="utf-8")
page = re.search(r'R"\((<!DOCTYPE html>.*?)\)"', test, re.S)
if page:
    put("html_reader_fuzzer", "test-page", page.group(1))
for name, body in articles[:30]:
    lines = body.decode("utf-8").splitlines()
    paras = "".join("<div><p>%s</p></div>" % html.escape(l) for l in lines[1:] if l.strip())
    put("html_reader_fuzzer", name,
        '<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>%s</title>'
        '<meta property="article:published_time" content="2024-11-21T08:15:00+02:00">'
        '<script type="application/ld+json">%s</script></head><body><article><h1>%s</h1>%s</article></body></html>'
        % (html.escape(lines[0] if lines else ""), json.dumps({"@type": "NewsArticle", "headline": lines[0] if lines else ""},
                                                            ensure_ascii=False),
           html.escape(lines[0] if lines else ""), paras))

put("config_fuzzer", "default.toml", (root / "config" / "default.toml").read_bytes())
for target in ("config_fuzzer", "query_fuzzer"):
    for p in (root / "fuzz" / "seeds" / target.replace("_fuzzer", "")).iterdir():
        put(target, p.name, p.read_bytes())
queries = data / "news-bench" / "queries.tsv"
if queries.exists():
    for i, line in enumerate(queries.read_text(encoding="utf-8").splitlines()[:100]):
        put("query_fuzzer", "bench%d" % i, line.split("\t")[-1])
