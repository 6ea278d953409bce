#!/usr/bin/python3
"""Derives the small fixture data sets from ../shared/datasets (run from this folder).

glass_jitter.csv: UCI Glass Identification via R package mlbench (GPL-2), every feature plus seeded
  Gaussian jitter (sd 1e-3), rounded to 6 decimals, so that no two distances tie.
pima_jitter.csv: first 300 rows of Pima Indians Diabetes via mlbench (GPL-2), with the same jitter.
breast_cancer.csv: UCI Breast Cancer Wisconsin (Diagnostic) via scikit-learn (CC BY 4.0), unchanged.
attrition_mixed.csv: first 400 rows of the IBM HR attrition sample via R package modeldata (MIT), five numeric
  columns with the same jitter and five categorical columns.
mode_ties_text.csv, mode_ties_numeric.csv: 120 seeded rows, two continuous features (uniform, 6 decimals, so no
  distances tie) and four randomly mixed classes, so that many 'mode' votes of 3 or 4 neighbours tie; the same
  rows labelled by words (in neither alphabetical nor frequency order) and by numbers (2 < 7 < 10 < 33,
  whose string order differs).
smoten_coded.csv: 26 hand-written rows of integer-coded categories (grade, zone) and one text column (colour);
  class 'rare' has 6 rows, so SMOTEN's neighbourhood (the seed and its 5 nearest) is the whole class and every
  synthetic row is the class's per-feature mode, whatever the random draws; grade's tie (9 and 10) tells numeric
  order from string order.
"""
import numpy as np
import pandas as pd

rng = np.random.RandomState(0)
for name, source, target, rows in (("glass_jitter.csv", "glass.csv", "Type", None),
                                   ("pima_jitter.csv", "pima_diabetes.csv", "diabetes", 300)):
    df = pd.read_csv("../../../../shared/datasets/" + source, dtype={target: str})
    if rows:
        df = df.head(rows)
    features = [c for c in df.columns if c != target]
    df[features] = (df[features].astype(float) + rng.normal(0, 1e-3, size=(len(df), len(features)))).round(6)
    df.to_csv(name, index=False, float_format="%.6f")

df = pd.read_csv("../../../../shared/datasets/attrition.csv").head(400)
numeric = ["Age", "DailyRate", "DistanceFromHome", "MonthlyIncome", "TotalWorkingYears"]
categorical = ["BusinessTravel", "Department", "Gender", "MaritalStatus", "OverTime"]
df = df[numeric + categorical + ["Attrition"]]
df[numeric] = (df[numeric].astype(float) + rng.normal(0, 1e-3, size=(len(df), len(numeric)))).round(6)
df.to_csv("attrition_mixed.csv", index=False, float_format="%.6f")

ties = np.random.RandomState(11)
x = ties.uniform(0, 10, size=(120, 2)).round(6)
classes = ties.choice(4, size=120, p=[0.35, 0.28, 0.22, 0.15])
for name, labels in (("mode_ties_text.csv", ["pear", "fig", "apple", "kiwi"]), ("mode_ties_numeric.csv", [10, 2, 33, 7])):
    pd.DataFrame({"x1": x[:, 0], "x2": x[:, 1], "label": [labels[c] for c in classes]}).to_csv(
        name, index=False, float_format="%.6f")

pd.DataFrame({
    "grade": [9, 10, 10, 9, 3, 4] + [1, 2, 3, 4, 9, 10, 1, 2, 3, 4, 1, 2, 3, 4, 9, 10, 1, 2, 3, 4],
    "zone": [10, 30, 30, 20, 30, 10] + [10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20],
    "colour": ["red", "blue", "blue", "red", "green", "red"] + ["blue", "green", "red", "green"] * 5,
    "y": ["rare"] * 6 + ["common"] * 20,
}).to_csv("smoten_coded.csv", index=False)
