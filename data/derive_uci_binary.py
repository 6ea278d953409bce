#!/usr/bin/env python3
"""Writes data/optical_digits_8.csv and data/wine_class_2.csv from the copies of two UCI data sets that ship with
scikit-learn (sklearn/datasets/data/digits.csv.gz and wine_data.csv), made binary one-class-versus-rest:

  optical_digits_8.csv  UCI Optical Recognition of Handwritten Digits (the 1797-row test set that scikit-learn
                        ships): 64 pixel counts pixel_R_C (0..16) and target `digit`: `eight` (digit 8) / `other`;
                        digit 8 versus the rest, as imbalanced-learn's benchmark set `optical_digits` does
  wine_class_2.csv      UCI Wine: 13 numeric features named as scikit-learn names them and target `class`:
                        `class_2` (scikit-learn's class_2, the third cultivar) / `other`

Every feature cell is copied as text from scikit-learn's file (no re-formatting of numbers); rows keep their order.
Both UCI data sets are licensed CC BY 4.0 (see data/README.md). Needs python3 and scikit-learn (Debian:
python3-sklearn) only to locate its data folder; the files are read with the standard library.

  /usr/bin/python3 data/derive_uci_binary.py            # writes next to this script
"""
import csv
import gzip
import os
import sys

import sklearn.datasets

src = os.path.join(os.path.dirname(sklearn.datasets.__file__), "data")
out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))


def write(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    counts = {}
    for r in rows:
        counts[r[-1]] = counts.get(r[-1], 0) + 1
    print(f"{path}: {len(rows)} rows, {len(header) - 1} features, {counts}", file=sys.stderr)


with gzip.open(os.path.join(src, "digits.csv.gz"), "rt", newline="") as f:
    digits = [r for r in csv.reader(f) if r]
assert all(len(r) == 65 for r in digits), "digits.csv.gz: expected 64 pixels and the digit on every line"
write(os.path.join(out, "optical_digits_8.csv"),
      [f"pixel_{i}_{j}" for i in range(8) for j in range(8)] + ["digit"],
      [r[:64] + ["eight" if int(r[64]) == 8 else "other"] for r in digits])

with open(os.path.join(src, "wine_data.csv"), newline="") as f:
    _, *wine = [r for r in csv.reader(f) if r]  # first line: 178,13,class_0,class_1,class_2
assert len(wine) == 178 and all(len(r) == 14 for r in wine), "wine_data.csv: expected 178 rows of 13 + class"
names = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
         "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines",
         "proline"]  # sklearn.datasets.load_wine().feature_names
write(os.path.join(out, "wine_class_2.csv"), names + ["class"],
      [r[:13] + ["class_2" if int(r[13]) == 2 else "other"] for r in wine])
