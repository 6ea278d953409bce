#!/usr/bin/python3
"""Makes decision_tree.json: scikit-learn 1.2's DecisionTreeClassifier (gini, best splitter) on small fixed data
sets, for DecisionTreeTests (run from this folder: /usr/bin/python3 make_tree.py; needs python3-sklearn). The tests
only read the JSON. Values are whole numbers, so that scikit-learn's float32 copy and our doubles agree, and each
case is checked to give the same tree for 30 random_state values: no tie between features decides it, so our
lowest-feature tie rule cannot differ."""
import json

import numpy as np
from sklearn.tree import DecisionTreeClassifier


def case(name, X, y, **params):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    trees = [DecisionTreeClassifier(random_state=s, **params).fit(X, y).tree_ for s in range(30)]
    t = trees[0]
    for u in trees[1:]:
        assert np.array_equal(t.feature, u.feature) and np.array_equal(t.threshold, u.threshold), name
    leaf = t.feature < 0
    clf = DecisionTreeClassifier(random_state=2, **params).fit(X, y)
    return {
        "name": name,
        "params": params,
        "X": X.tolist(),
        "y": y.tolist(),
        "feature": [int(f) if f >= 0 else -1 for f in t.feature],
        "threshold": [None if lf else float(v) for lf, v in zip(leaf, t.threshold)],
        "left": [int(c) for c in t.children_left],
        "right": [int(c) for c in t.children_right],
        "node_class": [int(np.argmax(v[0])) for v in t.value],
        "depth": int(t.max_depth),
        "queries": QUERIES[X.shape[1]].tolist(),
        "predicted": [int(np.searchsorted(clf.classes_, p)) for p in clf.predict(QUERIES[X.shape[1]])],
    }


QUERIES = {d: np.random.default_rng(17).integers(-2, 103, size=(25, d)).astype(float) for d in (2, 3)}


def invariant(X, y, **params):
    """Whether 30 random_state values give one tree: then no tie between features decides any split."""
    trees = [DecisionTreeClassifier(random_state=s, **params).fit(X, y).tree_ for s in range(30)]
    return all(np.array_equal(trees[0].feature, t.feature) and np.array_equal(trees[0].threshold, t.threshold)
               for t in trees[1:])


def noisy(seed, n=60):
    """Three overlapping classes over three whole-number features in [0, 100]."""
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 101, size=(n, 3))
    score = X[:, 0] + 0.5 * X[:, 1] - 0.3 * X[:, 2]
    return X, np.digitize(score + rng.normal(0, 15, n), [40, 70])


def first_tie_free(name, **params):
    """The first data seed from 1 up whose tree no tie decides (fully grown trees nearly always end on one: two
    rows of two classes are separated equally well by every feature where they differ)."""
    for seed in range(1, 500):
        X, y = noisy(seed)
        if invariant(X, y, **params):
            return case(f"{name} (data seed {seed})", X, y, **params)
    raise SystemExit(f"no tie-free data for {name}")


# Hand-checkable: x0 <= 4.5 is pure class 0 (proxy 4 + 10/4 = 6.5, the best); on the right, x1 <= 7 leaves
# three 1s and one 0 (proxy 3 + 1 = 4, against 3 at x0 <= 6.5).
tiny_X = [[1, 2], [2, 7], [3, 1], [4, 5], [5, 3], [6, 8], [7, 2], [8, 6]]
tiny_y = [0, 0, 0, 0, 1, 0, 1, 1]

cases = [
    case("tiny", tiny_X, tiny_y),
    first_tie_free("three_classes_depth_3", max_depth=3),
    first_tie_free("three_classes_depth_4", max_depth=4),
    first_tie_free("three_classes_leaf_6", min_samples_leaf=6),
    first_tie_free("three_classes_split_12", min_samples_split=12),
]
with open("decision_tree.json", "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")
print({c["name"]: len(c["feature"]) for c in cases})
