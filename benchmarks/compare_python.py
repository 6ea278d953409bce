#!/usr/bin/python3
"""`imbalanced compare` with its defaults, done with scikit-learn and imbalanced-learn: the reference side of
benchmarks/compare_side_by_side.sh.

    /usr/bin/python3 benchmarks/compare_python.py data/credit_data.csv --target Status [--seed 0] [--json out.json]

Protocol (docs/cli.md, `compare`): an imbalanced-learn Pipeline per technique x learner, scored by
cross_validate over RepeatedStratifiedKFold(n_splits=5, n_repeats=2, random_state=seed); everything is fitted
inside the training part of each fold:

- numeric features (every non-empty value a number): SimpleImputer(median); categorical features: an empty cell
  is a category of its own, OneHotEncoder(handle_unknown="ignore") (an unseen category encodes as all zeros);
- techniques: none; class-weight (class_weight="balanced"); random-over, random-under; smote (SMOTENC on the
  raw columns, numeric ones imputed, before the one-hot encoding when there are categorical features; SMOTEN
  when every feature is categorical; SMOTE otherwise), borderline-smote, adasyn, smote-tomek, smote-enn (on the
  one-hot encoded numbers); every sampler with random_state=seed and imbalanced-learn's defaults;
- learners, by the CLI's names: logistic = StandardScaler + LogisticRegression (max_iter raised so lbfgs
  converges), lightgbm = HistGradientBoostingClassifier, random-forest = RandomForestClassifier(n_estimators=100);
  defaults otherwise, random_state=seed, n_jobs left at None;
- metrics: average_precision and roc_auc of the positive class (the minority class unless --positive),
  balanced_accuracy, f1 (positive class), mcc and geometric_mean at the learner's own decision (predict).

Not reproduced: the CLI's default `--calibration prior` maps probabilities of resampled or class-weighted models
back to the training prior before deciding. That does not change average_precision or roc_auc (a monotone map
of the scores) but does change the metrics taken at a decision (balanced_accuracy, f1, mcc, geometric_mean), so
only the ranking metrics are like for like. The learners are scikit-learn's, not ML.NET's.

Prints the mean of each metric per combination, ranked by average_precision, the best combination and the total
wall-clock seconds (from the start of reading the file; Python start-up and imports not included); --json FILE
writes the same in the shape of `compare --json`.
"""
import argparse
import inspect
import json
import math
import platform
import sys
import time
import warnings

import numpy as np
import pandas as pd
import sklearn
import imblearn
from imblearn.combine import SMOTEENN, SMOTETomek
from imblearn.metrics import geometric_mean_score
from imblearn.over_sampling import ADASYN, SMOTE, SMOTEN, SMOTENC, BorderlineSMOTE, RandomOverSampler
from imblearn.pipeline import Pipeline
from imblearn.under_sampling import RandomUnderSampler
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import make_scorer, matthews_corrcoef
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate
from sklearn.preprocessing import OneHotEncoder, StandardScaler

LEARNERS = ["logistic", "lightgbm", "random-forest"]
TECHNIQUES = ["none", "class-weight", "random-over", "random-under", "smote", "borderline-smote", "adasyn",
              "smote-tomek", "smote-enn"]
SCORING = {
    "average_precision": "average_precision",
    "roc_auc": "roc_auc",
    "balanced_accuracy": "balanced_accuracy",
    "f1": "f1",
    "mcc": make_scorer(matthews_corrcoef),
    "geometric_mean": make_scorer(geometric_mean_score),
}
LOGISTIC_MAX_ITER = 10000
# sklearn >= 1.2 gives HistGradientBoostingClassifier class_weight; older ones get the same weights per row.
HGB_HAS_CLASS_WEIGHT = "class_weight" in inspect.signature(HistGradientBoostingClassifier).parameters
# OneHotEncoder's dense-output switch was renamed in sklearn 1.2.
DENSE = {"sparse_output": False} if "sparse_output" in inspect.signature(OneHotEncoder).parameters \
    else {"sparse": False}


def is_number(text):
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def class_order(labels):
    """The CLI's class order: numeric ascending when every label is a number, else ordinal string order."""
    distinct = set(labels)
    if all(is_number(l) for l in distinct):
        return sorted(distinct, key=float)
    return sorted(distinct, key=lambda s: s.encode("utf-8"))


def read(path, target):
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, sep=None, engine="python")
    if target not in raw.columns:
        raise SystemExit(f"error: no column '{target}' in {path}")
    labels = raw.pop(target)
    numeric, categorical = [], []
    for c in raw.columns:
        values = raw[c][raw[c] != ""]
        (numeric if all(is_number(v) for v in values.unique()) else categorical).append(c)
    X = pd.DataFrame({c: (pd.to_numeric(raw[c].replace("", np.nan)) if c in numeric else raw[c])
                      for c in raw.columns})
    missing = {c: int((raw[c] == "").sum()) for c in raw.columns if (raw[c] == "").any()}
    return X, labels, numeric, categorical, missing


def learner(name, class_weight, seed):
    """The learner's steps (name, estimator), weighted by class when asked."""
    cw = "balanced" if class_weight else None
    if name == "logistic":
        return [("scale", StandardScaler()), ("model", LogisticRegression(max_iter=LOGISTIC_MAX_ITER, class_weight=cw))]
    if name == "lightgbm":
        extra = {"class_weight": cw} if HGB_HAS_CLASS_WEIGHT else {}
        return [("model", HistGradientBoostingClassifier(random_state=seed, **extra))]
    if name == "random-forest":
        return [("model", RandomForestClassifier(n_estimators=100, class_weight=cw, random_state=seed))]
    raise SystemExit(f"error: unknown learner '{name}'; use {', '.join(LEARNERS)}")


def numeric_sampler(technique, seed):
    return {
        "random-over": lambda: RandomOverSampler(random_state=seed),
        "random-under": lambda: RandomUnderSampler(random_state=seed),
        "smote": lambda: SMOTE(random_state=seed),
        "borderline-smote": lambda: BorderlineSMOTE(random_state=seed),
        "adasyn": lambda: ADASYN(random_state=seed),
        "smote-tomek": lambda: SMOTETomek(random_state=seed),
        "smote-enn": lambda: SMOTEENN(random_state=seed),
    }[technique]()


def pipeline(technique, learner_name, numeric, categorical, seed):
    """(imblearn Pipeline, the sampler that ran, as the CLI names it)."""
    steps = learner(learner_name, technique == "class-weight", seed)
    encode = ColumnTransformer(
        [("num", SimpleImputer(strategy="median"), numeric),
         ("cat", OneHotEncoder(handle_unknown="ignore", **DENSE), categorical)])
    if technique in ("none", "class-weight"):
        return Pipeline([("encode", encode)] + steps), technique
    if technique == "smote" and categorical:
        if not numeric:
            # SMOTEN on the raw categories, then one-hot for the learner.
            return Pipeline([("sample", SMOTEN(random_state=seed)),
                             ("encode", OneHotEncoder(handle_unknown="ignore", **DENSE))] + steps), "smoten"
        # SMOTE-NC on the raw columns (numeric ones imputed first), then one-hot: numeric columns come out first.
        n, k = len(numeric), len(categorical)
        impute = ColumnTransformer([("num", SimpleImputer(strategy="median"), numeric),
                                    ("cat", "passthrough", categorical)])
        after = ColumnTransformer([("num", "passthrough", list(range(n))),
                                   ("cat", OneHotEncoder(handle_unknown="ignore", **DENSE), list(range(n, n + k)))])
        return Pipeline([("impute", impute),
                         ("sample", SMOTENC(categorical_features=list(range(n, n + k)), random_state=seed)),
                         ("encode", after)] + steps), "smote-nc"
    return Pipeline([("encode", encode), ("sample", numeric_sampler(technique, seed))] + steps), technique


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input")
    ap.add_argument("--target", required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", metavar="FILE")
    ap.add_argument("--positive")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--learners", default=",".join(LEARNERS))
    ap.add_argument("--techniques", default=",".join(TECHNIQUES))
    a = ap.parse_args()
    start = time.perf_counter()

    X, labels, numeric, categorical, missing = read(a.input, a.target)
    classes = class_order(labels)
    counts = labels.value_counts()
    if len(classes) != 2:
        raise SystemExit(f"error: {len(classes)} classes; this reference handles binary targets only")
    minority = min(classes, key=lambda c: (counts[c], classes.index(c)))
    majority = max(classes, key=lambda c: (counts[c], -classes.index(c)))
    positive = a.positive or minority
    if positive not in classes:
        raise SystemExit(f"error: positive '{positive}' is not a class; the classes are: {', '.join(classes)}")
    y = (labels == positive).astype(int).to_numpy()

    cv = RepeatedStratifiedKFold(n_splits=a.folds, n_repeats=a.repeats, random_state=a.seed)
    results = []
    for technique in a.techniques.split(","):
        for learner_name in a.learners.split(","):
            pipe, ran_as = pipeline(technique, learner_name, numeric, categorical, a.seed)
            t = time.perf_counter()
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ConvergenceWarning)
                scores = cross_validate(pipe, X, y, cv=cv, scoring=SCORING, error_score="raise")
            seconds = time.perf_counter() - t
            not_converged = sum(issubclass(w.category, ConvergenceWarning) for w in caught)
            if not_converged:
                print(f"warning: {technique} / {learner_name}: {not_converged} fits did not converge", file=sys.stderr)
            metrics = {m: {"mean": float(np.mean(scores[f"test_{m}"])), "std": float(np.std(scores[f"test_{m}"], ddof=1)),
                           "folds": [float(v) for v in scores[f"test_{m}"]]} for m in SCORING}
            results.append({"technique": technique, "ran_as": ran_as, "learner": learner_name,
                            "estimator": type(pipe.steps[-1][1]).__name__, "metrics": metrics,
                            "fit_seconds": float(np.sum(scores["fit_time"])), "seconds": seconds,
                            "not_converged": not_converged})
            print(f"{technique:>16} {learner_name:>13}  AP {metrics['average_precision']['mean']:.4f}  "
                  f"{seconds:6.1f} s", file=sys.stderr)
    results.sort(key=lambda r: -r["metrics"]["average_precision"]["mean"])
    best = results[0]
    total = time.perf_counter() - start

    names = list(SCORING)
    print("| technique | ran as | learner | " + " | ".join(names) + " | seconds |")
    print("|---|---|---|" + "---|" * len(names) + "---|")
    for r in results:
        print(f"| {r['technique']} | {r['ran_as']} | {r['learner']} ({r['estimator']}) | "
              + " | ".join(f"{r['metrics'][m]['mean']:.4f}" for m in names) + f" | {r['seconds']:.1f} |")
    print(f"\nbest by average_precision: {best['technique']} / {best['learner']} "
          f"{best['metrics']['average_precision']['mean']:.4f}")
    print(f"total wall-clock seconds: {total:.2f}")

    if a.json:
        report = {
            "dataset": {"rows": len(y), "target": a.target,
                        "classes": [{"label": c, "count": int(counts[c]), "fraction": counts[c] / len(y)}
                                    for c in sorted(classes, key=lambda c: (-counts[c], classes.index(c)))],
                        "majority": majority, "minority": minority, "imbalance_ratio": counts[majority] / counts[minority],
                        "numeric_features": numeric, "categorical_features": categorical, "missing": missing},
            "protocol": {"folds": a.folds, "repeats": a.repeats, "seed": a.seed, "metric": "average_precision",
                         "positive": positive, "calibration": "none", "impute": "median",
                         "cv": "RepeatedStratifiedKFold", "logistic_max_iter": LOGISTIC_MAX_ITER},
            "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
                         "imbalanced-learn": imblearn.__version__, "numpy": np.__version__, "pandas": pd.__version__},
            "results": results,
            "best": {"technique": best["technique"], "learner": best["learner"], "metric": "average_precision",
                     "mean": best["metrics"]["average_precision"]["mean"]},
            "seconds": total,
        }
        with open(a.json, "w") as f:
            json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
