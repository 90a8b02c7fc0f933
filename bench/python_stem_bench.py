#!/usr/bin/python3
"""Words/s of python3-xapian's TermGenerator.index_text with our stemmer, by each bridge,
against xapian.Stem("arabic") in the same run (docs/python.md, docs/benchmarks.md).

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_stem_bench.py [--articles N] [--rounds R]

Bodies come from news-bench (../shared/data/news-bench/articles.jsonl.gz). Each round times
every method once on the same bodies, in turn, so machine load hits all alike; the figure is
the best round, in CPU seconds of this process (the work is single-threaded, and CPU time is
steadier than wall time on a shared machine). Words are TermGenerator's positions.
"""

import argparse
import gzip
import json
import pathlib
import time

import xapian
import xapian_arabic as xa

DEFAULT_INPUT = pathlib.Path(__file__).resolve().parents[1] / "../shared/data/news-bench/articles.jsonl.gz"


def load_bodies(path, limit):
    bodies = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            bodies.append(json.loads(line)["body"])
            if limit and len(bodies) == limit:
                break
    return bodies


def termgenerator(stem, normalize=False):
    tg = xapian.TermGenerator()
    tg.set_stemmer(stem)

    def run(bodies):
        words = 0
        for body in bodies:
            tg.set_document(xapian.Document())
            tg.set_termpos(0)
            tg.index_text(xa.normalize(body) if normalize else body)
            words += tg.get_termpos()
        return words

    return run


def analyzer_index_text():
    analyzer = xa.Analyzer()

    def run(bodies):
        return sum(analyzer.index_text(xapian.Document(), body) for body in bodies)

    return run


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", default=str(DEFAULT_INPUT))
    ap.add_argument("--articles", type=int, default=3000, help="bodies to index (0 = all)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    bodies = load_bodies(args.input, args.articles)

    methods = [
        ('xapian.Stem("arabic")  [baseline: Snowball in libxapian]', termgenerator(xapian.Stem("arabic"))),
        ("xapian.Stem(xa.StemImplementation())  [Python subclass]",
         termgenerator(xapian.Stem(xa.StemImplementation()))),
        ("xa.stemmer()  [C++ Stem in a xapian.Stem]", termgenerator(xa.stemmer())),
        ("xa.stemmer() on xa.normalize(body)  [index = CLI terms]", termgenerator(xa.stemmer(), normalize=True)),
        ("xa.Analyzer().index_text(doc, body)  [all in C++]", analyzer_index_text()),
    ]
    best = [float("inf")] * len(methods)
    words = [0] * len(methods)
    for _ in range(args.rounds):
        for i, (_, run) in enumerate(methods):
            start = time.process_time()
            words[i] = run(bodies)
            best[i] = min(best[i], time.process_time() - start)

    print(f"{len(bodies)} news-bench bodies, {words[0]:,} words; best of {args.rounds} rounds, CPU seconds")
    print(f"xapian {xapian.version_string()}, xapian_arabic {xa.__version__}")
    base = words[0] / best[0]
    for (name, _), w, t in zip(methods, words, best):
        print(f"{w / t:>12,.0f} words/s  {w / t / base:5.2f}x  {name}")


if __name__ == "__main__":
    main()
