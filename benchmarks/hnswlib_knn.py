#!/usr/bin/python3
"""hnswlib's k-NN of every row of a CSV (self excluded), for benchmarks/approximate_neighbors.sh.

    hnswlib_knn.py FILE TARGET K EXACT_FILE

Builds an HNSW index (M = 16, ef_construction = 200, ef = 50, 2 threads: the issue's anchor), queries every row
for K + 1 neighbours, drops the row itself, and measures recall@K against the exact neighbours of the rows in
EXACT_FILE (`row n1 ... nK`, written by the engine benchmark's `ann` mode). Prints one JSON line.
Needs Debian's python3-hnswlib and python3-numpy (run with /usr/bin/python3).
"""
import json
import sys
import time

import hnswlib
import numpy as np


def main():
    path, target, k, exact_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with open(path) as f:
        header = f.readline().strip().split(",")
    columns = [i for i, name in enumerate(header) if name != target]
    x = np.loadtxt(path, delimiter=",", skiprows=1, usecols=columns, dtype=np.float32)
    n, d = x.shape
    index = hnswlib.Index(space="l2", dim=d)
    index.init_index(max_elements=n, M=16, ef_construction=200, random_seed=0)
    index.set_num_threads(2)
    start = time.perf_counter()
    index.add_items(x, np.arange(n))
    build = time.perf_counter() - start
    index.set_ef(50)
    start = time.perf_counter()
    labels, _ = index.knn_query(x, k=k + 1)
    query = time.perf_counter() - start
    hits = total = 0
    with open(exact_file) as f:
        for line in f:
            row, *truth = (int(v) for v in line.split())
            found = [j for j in labels[row] if j != row][:k]
            hits += len(set(found) & set(truth))
            total += k
    print(json.dumps({"rows": n, "build": round(build, 2), "query": round(query, 2),
                      "seconds": round(build + query, 2), "recall": round(hits / total, 4)}))


if __name__ == "__main__":
    main()
