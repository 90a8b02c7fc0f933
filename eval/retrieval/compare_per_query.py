#!/usr/bin/env python3
"""Compares two `xa-retrieval-eval --per-query` files (e.g. two builds): MRR@10, success@10, the
queries each side ranks better, and a two-sided paired randomization test (20,000 sign flips of the
per-query reciprocal-rank differences, seeded), per query set. docs/evaluation.md.

Usage: compare_per_query.py BEFORE.tsv AFTER.tsv [COLUMN]   (COLUMN: ours (default), plain, stem)
"""
import random
import sys


def read(path, column):
    rows = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        at = header.index(column)
        for line in f:
            fields = line.rstrip("\n").split("\t")
            rows[(fields[0], fields[1])] = float(fields[at])
    return rows


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    column = sys.argv[3] if len(sys.argv) == 4 else "ours"
    before, after = read(sys.argv[1], column), read(sys.argv[2], column)
    if before.keys() != after.keys():
        sys.exit("the two files have different queries")
    print("| query set | MRR@10 before | MRR@10 after | success@10 before | success@10 after | better / worse | p |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for qset in sorted({k[0] for k in before}):
        keys = [k for k in before if k[0] == qset]
        b = [before[k] for k in keys]
        a = [after[k] for k in keys]
        diffs = [y - x for x, y in zip(b, a)]
        observed = abs(sum(diffs))
        rng = random.Random(2018)
        trials = 20000
        hits = sum(1 for _ in range(trials) if abs(sum(d if rng.random() < 0.5 else -d for d in diffs)) >= observed - 1e-12)
        n = len(keys)
        print(f"| {qset} | {sum(b) / n:.3f} | {sum(a) / n:.3f} | {sum(1 for x in b if x > 0) / n:.3f} | "
              f"{sum(1 for x in a if x > 0) / n:.3f} | {sum(1 for d in diffs if d > 0)} / {sum(1 for d in diffs if d < 0)} | "
              f"{hits / trials:.4f} |")


if __name__ == "__main__":
    main()
