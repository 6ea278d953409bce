#!/usr/bin/env python3
"""Make the committed test subsets of the modeldata tables (see README.md in this folder).

    /usr/bin/python3 tests/Imbalanced.Cli.Tests/Data/make_subsets.py SOURCE_DIR [--out DIR] [--rows 300] [--seed 0]

SOURCE_DIR holds attrition.csv, credit_data.csv, stackoverflow.csv and wa_churn.csv as distributed (the
development machine's real-data folder; credit_data, stackoverflow and wa_churn are also in the repository's
data/). Each subset is a seeded stratified random sample of about --rows rows that

- keeps the header line and every kept record's text byte for byte (records are cut out of the file, never
  re-serialised), in the order of the source file;
- gives each class its proportional share of the rows, the minority class at least MIN_MINORITY;
- holds at least EMPTY_PER_COLUMN rows with an empty cell in each column that has empty cells in the full table
  (all of them where there are fewer), so that imputation and the "empty is a category" rule stay exercised.

Only the Python standard library is used, and random.Random(seed), so the same source files give the same
subsets wherever this runs.
"""
import argparse
import csv
import io
import os
import random
import sys

TABLES = [("attrition", "Attrition"), ("credit_data", "Status"), ("stackoverflow", "Remote"), ("wa_churn", "churn")]
MIN_MINORITY = 30
EMPTY_PER_COLUMN = 3


def records(data):
    """Split the file's bytes into records (each with its line ending), honouring quoted newlines (RFC 4180)."""
    out, start, quotes = [], 0, 0
    pos = 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        end = len(data) if nl < 0 else nl + 1
        quotes += data.count(b'"', pos, end)
        pos = end
        if quotes % 2 == 0:
            out.append(data[start:end])
            start, quotes = end, 0
    if start < len(data):
        raise SystemExit("unterminated quoted field at the end of the file")
    return out


def fields(record):
    row = next(csv.reader(io.StringIO(record.decode("utf-8"), newline="")))
    return row


def quotas(counts, n):
    """Proportional shares of n (largest remainder), the smallest class raised to MIN_MINORITY."""
    total = sum(counts.values())
    exact = {c: n * k / total for c, k in counts.items()}
    share = {c: int(v) for c, v in exact.items()}
    for c in sorted(exact, key=lambda c: (share[c] - exact[c], c))[: n - sum(share.values())]:
        share[c] += 1
    minority = min(counts, key=lambda c: (counts[c], c))
    if share[minority] < MIN_MINORITY:
        share[minority] = min(MIN_MINORITY, counts[minority])
    return share


def subset(path, target, n, seed):
    data = open(path, "rb").read()
    recs = records(data)
    header, body = recs[0], recs[1:]
    names = fields(header)
    rows = [fields(r) for r in body]
    for i, r in enumerate(rows):
        if len(r) != len(names):
            raise SystemExit(f"{path}: record {i + 2} has {len(r)} fields, the header {len(names)}")
    t = names.index(target)
    by_class = {}
    for i, r in enumerate(rows):
        by_class.setdefault(r[t], []).append(i)
    share = quotas({c: len(ix) for c, ix in by_class.items()}, n)

    rng = random.Random(seed)
    chosen = set()
    # Rows with empty cells first, a few per column that has any, drawn at random among them.
    for j, name in enumerate(names):
        empty = [i for i, r in enumerate(rows) if r[j] == ""]
        chosen.update(rng.sample(empty, min(EMPTY_PER_COLUMN, len(empty))))
    # Then fill each class up to its share, in class order so that the draw is reproducible.
    for c in sorted(by_class):
        have = [i for i in by_class[c] if i in chosen]
        rest = [i for i in by_class[c] if i not in chosen]
        chosen.update(rng.sample(rest, max(0, share[c] - len(have))))
    kept = sorted(chosen)
    return header + b"".join(body[i] for i in kept), names, [rows[i] for i in kept], t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source_dir")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--rows", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    for name, target in TABLES:
        path = os.path.join(a.source_dir, name + ".csv")
        if not os.path.exists(path):
            print(f"{name}.csv: not in {a.source_dir}, skipped", file=sys.stderr)
            continue
        text, names, rows, t = subset(path, target, a.rows, a.seed)
        with open(os.path.join(a.out, name + ".csv"), "wb") as f:
            f.write(text)
        counts = {}
        for r in rows:
            counts[r[t]] = counts.get(r[t], 0) + 1
        empty = {names[j]: sum(r[j] == "" for r in rows) for j in range(len(names))}
        empty = {k: v for k, v in empty.items() if v}
        print(f"{name}.csv: {len(rows)} rows, {target} {counts}, empty cells {sum(empty.values())} {empty}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
