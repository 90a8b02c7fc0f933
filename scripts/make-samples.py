#!/usr/bin/env python3
"""Rebuilds samples/news/ (the bundled demo archive) from ../shared/data.

The two scraped news-samples are copied as they are (plain-text format); twelve
news-dev articles become a JSON Lines archive carrying their metadata (date,
source, url), so the demo shows both input formats and date/source filters.
"""
import json
import pathlib
import shutil

root = pathlib.Path(__file__).resolve().parent.parent
shared = root.parent / "shared" / "data"
out = root / "samples" / "news"
out.mkdir(parents=True, exist_ok=True)
for f in sorted((shared / "news-samples").glob("*.txt")):
    shutil.copyfile(f, out / f.name)

ids = ["snn-00612", "snn-02814", "snn-04445", "snn-00064", "snn-01099", "antj-08527", "antj-00145",
       "antm-00016", "antm-00646", "antm-01505", "antm-02426", "antm-03594"]
meta = {}
for line in (shared / "news-dev" / "metadata.jsonl").read_text(encoding="utf-8").splitlines():
    record = json.loads(line)
    meta[record["id"]] = record
with open(out / "news-dev-sample.jsonl", "w", encoding="utf-8") as jsonl:
    for article_id in ids:
        lines = (shared / "news-dev" / f"{article_id}.txt").read_text(encoding="utf-8").split("\n")
        m = meta[article_id]
        record = {"id": article_id, "title": lines[0], "body": "\n".join(lines[1:]), "date": m["date"],
                  "source": m["source"], "url": m["url"]}
        jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
