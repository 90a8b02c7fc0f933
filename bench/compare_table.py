#!/usr/bin/env python3
"""Table for bench/compare.sh: reads RUN_DIR/<bench>.<side>.<round>.txt and prints, per measure,
the best of the rounds for base and current and the ratio current/base (Markdown)."""
import re
import sys
from pathlib import Path

run_dir, rounds, base_name, current_name = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
SIDES = ("base", "current")


def outputs(bench, side):
    for r in range(1, rounds + 1):
        path = run_dir / f"{bench}.{side}.{r}.txt"
        if path.exists() and path.stat().st_size:
            yield path.read_text(encoding="utf-8")


def extract(text):
    """extract_bench: per corpus, µs per article of extraction, of analysis, and of both."""
    found = {}
    for line in text.splitlines():
        f = line.split()
        if len(f) in (11, 12, 13) and f[1].isdigit():
            ext, ana = 1e6 / float(f[4]), 1e6 / float(f[6])
            found[f"extraction µs/article, {f[0]}"] = ext
            found[f"analysis µs/article, {f[0]}"] = ana
            # Both as the indexer runs them: one token stream per article when the bench has the
            # column (12 fields and more), else the two passes of a build that tokenized each on its own.
            both = 1e6 / float(f[11]) if len(f) >= 12 else ext + ana
            found[f"extraction + analysis µs/article, {f[0]}"] = both
            # Since the reader's layout makes the article's stream (13 fields), the tokenization is
            # part of reading: reading and the pass together compare across that change.
            read = float(f[2]) / float(f[3]) / int(f[1]) * 1e6
            found[f"reading + extraction + analysis µs/article, {f[0]}"] = float(f[12]) if len(f) == 13 else read + both
    return found


def analysis(text):
    """analysis_bench: MB/s of each step, and µs per article of the full analysis."""
    found = {}
    m = re.search(r"^(\d+) articles", text, re.M)
    articles = int(m.group(1)) if m else 0
    for line in text.splitlines():
        f = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(f) == 3 and re.fullmatch(r"[\d.]+", f[1]):
            found[f"{f[0]}, MB/s"] = float(f[2])
            if f[0].startswith("full analysis") and articles:
                found["full analysis µs/article"] = float(f[1]) / articles * 1e6
    return found


def index(text):
    """index_bench: per row, articles/s, CPU ms per article, peak RSS MB."""
    found = {}
    for line in text.splitlines():
        f = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(f) != 11 or not f[3].isdigit():
            continue
        name = f"{f[0]}, {f[1]} thread(s), batch {f[2]}"
        articles, rate = int(f[3]), float(f[5].split()[0])
        found[f"{name}: articles/s"] = rate
        found[f"{name}: CPU ms/article"] = float(f[7]) / articles * 1000
        found[f"{name}: peak RSS MB"] = float(f[8])
    return found


def higher_is_better(measure):
    return measure.endswith("MB/s") or measure.endswith("articles/s")


def best(bench, side, parse):
    result = {}
    for text in outputs(bench, side):
        for k, v in parse(text).items():
            if k not in result:
                result[k] = v
            else:
                result[k] = max(result[k], v) if higher_is_better(k) else min(result[k], v)
    return result


def fmt(v):
    if v is None:
        return "—"
    return f"{v:,.0f}" if v >= 100 else f"{v:.2f}" if v >= 1 else f"{v:.3f}"


print(f"| bench | measure | base {base_name} | current {current_name} | current/base |")
print("|---|---|---:|---:|---:|")
all_best = {}
for bench, parse in (("extract_bench", extract), ("analysis_bench", analysis), ("index_bench", index)):
    b, c = best(bench, "base", parse), best(bench, "current", parse)
    all_best[bench] = (b, c)
    for k in list(b) + [k for k in c if k not in b]:
        bv, cv = b.get(k), c.get(k)
        ratio = f"{cv / bv:.2f}×" if bv and cv else "—"
        print(f"| {bench} | {k} | {fmt(bv)} | {fmt(cv)} | {ratio} |")

# Issue 8's targets, from the figures above.
print()
eb, ec = all_best["extract_bench"]
key = "extraction + analysis µs/article, news-bench"
if key in eb and key in ec:
    r = ec[key] / eb[key]
    print(f"- extraction + analysis per article (news-bench): {r:.2f}× the base (target ≤ 0.60×: "
          f"{'met' if r <= 0.6 else 'not met'})")
key = "reading + extraction + analysis µs/article, news-bench"
if key in eb and key in ec:
    print(f"- reading + extraction + analysis per article (news-bench): {ec[key] / eb[key]:.2f}× the base "
          "(the comparable figure once the reader's layout makes the article's stream)")
ib, ic = all_best["index_bench"]
two = [k for k in ic if k.startswith("xapian-arabic index, 2 thread(s)") and k.endswith("articles/s")]
for k in two:
    if k in ib:
        r = ic[k] / ib[k]
        print(f"- {k.replace(': articles/s', '')}: articles/s {r:.2f}× the base (target ≥ 1.25×: "
              f"{'met' if r >= 1.25 else 'not met'})")
lucene = [k for k in ic if k.startswith("Lucene") and k.endswith("articles/s")]
if lucene:
    lk = lucene[0].replace(": articles/s", "")
    for k in ic:
        if k.startswith("xapian-arabic index") and k.endswith("articles/s"):
            name = k.replace(": articles/s", "")
            print(f"- {name} / Lucene 4.10: articles/s {ic[k] / ic[lk + ': articles/s']:.2f}×, CPU per article "
                  f"{ic[name + ': CPU ms/article'] / ic[lk + ': CPU ms/article']:.2f}×")
