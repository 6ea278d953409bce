#!/usr/bin/python3
"""Makes the golden answers of imbalanced-learn 0.10 / scikit-learn 1.2 for the tests (run from this folder;
needs Debian's python3-imblearn and python3-pandas). The tests only read the JSON it writes.

  /usr/bin/python3 make_golden.py                 # every section
  /usr/bin/python3 make_golden.py danger counts   # only these sections, the others kept from golden.json

The "combined" section runs our own SMOTE through the command line first (IMBALANCED=path/to/imbalanced, or
`dotnet run` by default).
"""
import json
import os
import subprocess
import sys

REF = "../../../../shared/tools/imblearn_reference.py"
DATA = (("glass_jitter.csv", "Type"), ("pima_jitter.csv", "diabetes"), ("breast_cancer.csv", "diagnosis"))


def ref(*args):
    out = subprocess.run(["/usr/bin/python3", REF, *args], capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1]}
    return json.loads(out.stdout)


def neighbors():
    cases = []
    for data, target, k, cls in (("breast_cancer.csv", "diagnosis", 6, None), ("breast_cancer.csv", "diagnosis", 4, "malignant"),
                                 ("glass_jitter.csv", "Type", 6, None), ("pima_jitter.csv", "diabetes", 4, None),
                                 ("glass_jitter.csv", "Type", 3, "6")):
        args = [data, "--target", target, "--k", str(k)] + (["--class", cls] if cls else [])
        cases.append({"data": data, "target": target, "k": k, "class": cls, **ref("neighbors", *args)})
    return cases


def strategy():
    strategies = ["auto", "minority", "majority", "not-minority", "not-majority", "all", "0.5", "0.9",
                  "1=50,2=80", "1=200", "5=3", "7,6", "2", "neg=120", "pos=300", "neg=600", "pos", "neg,pos", "9=1"]
    cases = []
    for data, target in DATA[:2]:
        for kind in ("over", "under", "clean"):
            for s in strategies:
                cases.append({"data": data, "target": target, "kind": kind, "strategy": s,
                              **ref("strategy", data, "--target", target, "--kind", kind, "--strategy", s)})
    return cases


def counts():
    cases = []
    for data, target in DATA:
        for method in ("random-over", "random-under", "smote"):
            for s in ("auto", "all", "not-minority", "minority", "majority", "0.8", "pos=300", "neg=100", "malignant=300", "1=40,7=40"):
                cases.append(resample_counts(data, target, method, s))
        for method, params in (("adasyn", []), ("adasyn", ["n_neighbors=3"]), ("borderline-smote", []),
                               ("borderline-smote", ["m_neighbors=6", "k_neighbors=3"])):
            for s in ("auto", "0.8", "all"):
                cases.append(resample_counts(data, target, method, s, params))
    return cases


def resample_counts(data, target, method, s, params=()):
    args = ["resample", data, "--target", target, "--method", method, "--strategy", s]
    for p in params:
        args += ["--param", p]
    r = ref(*args)
    return {"data": data, "target": target, "method": method, "strategy": s, "params": dict(p.split("=") for p in params),
            **({"error": r["error"]} if "error" in r else {"counts_after": r["counts_after"]})}


def danger():
    return [{"data": data, "target": target, "m": m, **ref("danger", data, "--target", target, "--m", str(m))}
            for data, target in DATA for m in (10, 5)]


def smotenc():
    import numpy as np
    import pandas as pd
    from imblearn.over_sampling import SMOTENC
    df = pd.read_csv("attrition_mixed.csv")
    y = df.pop("Attrition").to_numpy(dtype=str)
    categorical = [i for i, c in enumerate(df.columns) if df[c].dtype == object]
    s = SMOTENC(categorical_features=categorical, random_state=0)
    _, yr = s.fit_resample(df, y)
    return {"data": "attrition_mixed.csv", "target": "Attrition", "class": "Yes", "median_std": float(s.median_std_),
            "rows": [int(i) for i in np.flatnonzero(y == "Yes")], "neighbors": s.nn_k_.kneighbors(return_distance=False).tolist(),
            "counts_after": {str(k): int(v) for k, v in zip(*np.unique(yr, return_counts=True))}}


def vdm():
    import pandas as pd
    df = pd.read_csv("attrition_mixed.csv")
    df[["BusinessTravel", "Department", "Gender", "MaritalStatus", "OverTime", "Attrition"]].head(120).to_csv("attrition_categorical.csv", index=False)
    return {"data": "attrition_categorical.csv", "target": "Attrition", **ref("vdm", "attrition_categorical.csv", "--target", "Attrition")}


def sparsity():
    import numpy as np
    import pandas as pd
    from imblearn.over_sampling import KMeansSMOTE
    cases = []
    for data, target, label, rows, exponent in (("breast_cancer.csv", "diagnosis", "malignant", 50, "auto"),
                                                ("pima_jitter.csv", "diabetes", "pos", 80, "auto"),
                                                ("pima_jitter.csv", "diabetes", "pos", 80, 2.5)):
        df = pd.read_csv(data, dtype={target: str})
        X = df[df[target] == label].drop(columns=[target]).to_numpy(dtype=float)[:rows]
        s = KMeansSMOTE(density_exponent=exponent)
        cases.append({"data": data, "target": target, "class": label, "rows": rows,
                      "density_exponent": exponent, "sparsity": float(s._find_cluster_sparsity(X))})
    return cases


def svm():
    import numpy as np
    import pandas as pd
    from sklearn.svm import SVC
    cases = []
    for data, target, label in (("pima_jitter.csv", "diabetes", "pos"), ("breast_cancer.csv", "diagnosis", "malignant"),
                                ("glass_jitter.csv", "Type", "7")):
        df = pd.read_csv(data, dtype={target: str})
        y = (df.pop(target) == label).astype(int).to_numpy()
        svc = SVC(gamma="scale").fit(df.to_numpy(dtype=float), y)
        cases.append({"data": data, "target": target, "class": label, "support": sorted(int(i) for i in svc.support_)})
    return cases


def kept():
    cases = []
    for data, target in DATA:
        for method, params in (("tomek-links", []), ("enn", []), ("enn", ["kind_sel=mode"]), ("enn", ["n_neighbors=5"]),
                               ("renn", []), ("renn", ["kind_sel=mode", "max_iter=3"]), ("allknn", []), ("allknn", ["allow_minority=true"]),
                               ("nearmiss", ["version=1"]), ("nearmiss", ["version=2"]), ("nearmiss", ["version=3"]),
                               ("cluster-centroids", [])):
            args = ["resample", data, "--target", target, "--method", method]
            for p in params:
                args += ["--param", p]
            r = ref(*args)
            cases.append({"data": data, "target": target, "method": method, "params": dict(p.split("=") for p in params),
                          **({"error": r["error"]} if "error" in r else
                             {"counts_after": r["counts_after"], "sample_indices": r["sample_indices"]})})
    return cases


def ncr():
    """NCR where imbalanced-learn 0.10 and the current rule agree: two classes, kind_sel='mode', and the majority
    larger than both half the data (0.10's size test) and half the minority (the current one)."""
    cases = []
    for data, target in DATA[1:]:
        r = ref("resample", data, "--target", target, "--method", "ncr", "--param", "kind_sel=mode")
        cases.append({"data": data, "target": target, "counts_after": r["counts_after"], "sample_indices": r["sample_indices"]})
    return cases


def condensed():
    """OSS and CNN with random_state=0, and the rows imbalanced-learn drew to start each class's store."""
    import numpy as np
    import pandas as pd
    from collections import Counter
    cases = []
    for data, target in DATA:
        y = pd.read_csv(data, dtype={target: str})[target].to_numpy(dtype=str)
        stats = Counter(y)
        minority = min(stats, key=stats.get)
        rng = np.random.RandomState(0)
        seeds = {}
        for c in np.unique(y):
            if c != minority:
                seeds[str(c)] = [int(np.flatnonzero(y == c)[rng.randint(low=0, high=stats[c], size=1)][0])]
        for method in ("oss", "cnn"):
            r = ref("resample", data, "--target", target, "--method", method, "--param", "random_state=0")
            cases.append({"data": data, "target": target, "method": method, "seeds": seeds,
                          "counts_after": r["counts_after"], "sample_indices": r["sample_indices"]})
    return cases


def metrics():
    return [{"data": data, "args": args, **ref("metrics", data, *args)} for data, args in (
        ("predictions_binary.csv", ["--target", "truth", "--predicted", "predicted", "--score", "score", "--positive", "fraud"]),
        ("predictions_binary.csv", ["--target", "truth", "--predicted", "predicted"]),
        ("predictions_multiclass.csv", ["--target", "truth", "--predicted", "predicted"]),
        ("predictions_margin.csv", ["--target", "y", "--predicted", "yhat", "--score", "margin", "--positive", "1"]),
    )]


def extra_metrics():
    """Keys the reference script has no command for, computed with scikit-learn and imbalanced-learn directly."""
    import numpy as np
    import pandas as pd
    from sklearn import metrics as m
    from imblearn import metrics as im
    df = pd.read_csv("predictions_proba.csv")
    yt, yp, w = df["truth"].to_numpy(str), df["predicted"].to_numpy(str), df["weight"].to_numpy(float)
    labels = ["a", "b", "c"]
    proba = df[["p_a", "p_b", "p_c"]].to_numpy(float)
    proba = proba / proba.sum(axis=1, keepdims=True)
    code = {"a": 0, "b": 1, "c": 2}
    pre, rec, f2, sup = m.precision_recall_fscore_support(yt, yp, labels=labels, beta=2, sample_weight=w, zero_division=0)
    cm = m.confusion_matrix(yt, yp, labels=labels, sample_weight=w)
    n = cm.sum()
    spe = [(n - cm[i, :].sum() - cm[:, i].sum() + cm[i, i]) / (n - cm[i, :].sum()) for i in range(3)]
    return {"data": "predictions_proba.csv",
            "roc_auc_ovr_macro": m.roc_auc_score(yt, proba, multi_class="ovr", average="macro", labels=labels),
            "roc_auc_ovr_weighted": m.roc_auc_score(yt, proba, multi_class="ovr", average="weighted", labels=labels),
            "mae_macro": im.macro_averaged_mean_absolute_error([code[v] for v in yt], [code[v] for v in yp]),
            "balanced_accuracy_adjusted": m.balanced_accuracy_score(yt, yp, adjusted=True),
            "geometric_mean_correction": im.geometric_mean_score(yt, np.where(yp == "c", "a", yp), labels=labels, correction=0.001),
            "weighted": {"precision": pre.tolist(), "recall": rec.tolist(), "f2": f2.tolist(), "support": sup.tolist(),
                         "specificity": [float(v) for v in spe], "accuracy": m.accuracy_score(yt, yp, sample_weight=w),
                         "mcc": m.matthews_corrcoef(yt, yp, sample_weight=w)}}


def mode_ties():
    """ENN, RENN and AllKNN with kind_sel='mode' on four classes whose votes often tie. imbalanced-learn 0.10 takes
    SciPy 1.10's mode of the neighbours' labels: on the object array of string labels pandas gives it counts with
    collections.Counter and keeps the tied label met first in neighbour order (nearest first); on numeric labels
    it counts with numpy.unique and keeps the smallest. Labels are read as pandas reads them (not as strings);
    'other_rule' is what the opposite tie rule would keep, to show that the fixture tells the rules apart."""
    import warnings
    import numpy as np
    import pandas as pd
    from imblearn.under_sampling import AllKNN, EditedNearestNeighbours, RepeatedEditedNearestNeighbours
    warnings.simplefilter("ignore")
    cases = []
    for data in ("mode_ties_text.csv", "mode_ties_numeric.csv"):
        df = pd.read_csv(data)
        y = df.pop("label").to_numpy()
        other = y.astype(str) if y.dtype == object else y.astype(str).astype(object)
        X = df.to_numpy(dtype=float)
        for method, cls, params in (("enn", EditedNearestNeighbours, {"n_neighbors": 3}),
                                    ("enn", EditedNearestNeighbours, {"n_neighbors": 4}),
                                    ("renn", RepeatedEditedNearestNeighbours, {"n_neighbors": 3}),
                                    ("allknn", AllKNN, {"n_neighbors": 4}),
                                    ("allknn", AllKNN, {"n_neighbors": 3, "allow_minority": True})):
            s1, s2 = cls(kind_sel="mode", **params), cls(kind_sel="mode", **params)
            s1.fit_resample(X, y)
            s2.fit_resample(X, other)
            cases.append({"data": data, "target": "label", "method": method,
                          "params": {k: str(v).lower() for k, v in params.items()},
                          "label_dtype": str(y.dtype), "sample_indices": sorted(int(i) for i in s1.sample_indices_),
                          "other_rule": sorted(int(i) for i in s2.sample_indices_)})
    return cases


def smoten_coded():
    """SMOTEN on integer-coded categories as pandas reads them (int64 columns and one text column): imbalanced-learn
    ordinal-encodes every feature, so the numbers are categories. With k_neighbors=5 and a class of 6 rows every new
    row is the class's per-feature mode, so the synthetic rows do not depend on the random draws."""
    import numpy as np
    import pandas as pd
    from imblearn.over_sampling import SMOTEN
    df = pd.read_csv("smoten_coded.csv")
    y = df.pop("y").to_numpy()
    Xr, yr = SMOTEN(random_state=0).fit_resample(df, y)
    synthetic = Xr.iloc[len(df):]
    return {"data": "smoten_coded.csv", "target": "y", "dtypes": [str(t) for t in df.dtypes],
            "counts_after": {str(k): int(v) for k, v in zip(*np.unique(yr, return_counts=True))},
            "synthetic_labels": [str(v) for v in yr[len(df):]],
            "synthetic": [[str(v) for v in row] for row in synthetic.itertuples(index=False)]}


def combined():
    """The cleaning step of SMOTETomek and SMOTEENN (TomekLinks / EditedNearestNeighbours with
    sampling_strategy='all', as imbalanced-learn's combine module runs them) applied to *our* SMOTE's output: the
    SMOTE step draws from a different random generator than numpy's, so only the cleaning can be compared exactly.
    Our SMOTE's output is made by the command line (IMBALANCED: the built command, by default `dotnet run`); its row
    count and value sum are kept so that the test notices when SMOTE's output is no longer the one cleaned here."""
    import tempfile
    import numpy as np
    import pandas as pd
    from imblearn.under_sampling import EditedNearestNeighbours, TomekLinks
    command = os.environ.get("IMBALANCED", "dotnet run --project ../../../src/Imbalanced.Cli -c Release --").split()
    cases = []
    for data, target in DATA:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "smote.csv")
            subprocess.run([*command, "resample", data, "--target", target, "--method", "smote", "--output", out],
                           check=True, capture_output=True)
            df = pd.read_csv(out, dtype={target: str})
        y = df.pop(target).to_numpy(dtype=str)
        X = df.to_numpy(dtype=float)
        for method, cleaner in (("smote-enn", EditedNearestNeighbours(sampling_strategy="all")),
                                ("smote-tomek", TomekLinks(sampling_strategy="all"))):
            cleaner.fit_resample(X, y)
            cases.append({"data": data, "target": target, "method": method, "smote_rows": int(len(y)),
                          "smote_sum": float(np.sum(X)),
                          "sample_indices": sorted(int(i) for i in cleaner.sample_indices_)})
    return cases


SECTIONS = {"combined": combined, "smoten_coded": smoten_coded, "mode_ties": mode_ties, "extra_metrics": extra_metrics, "metrics": metrics, "ncr": ncr, "condensed": condensed, "kept": kept, "svm": svm, "sparsity": sparsity, "smotenc": smotenc, "vdm": vdm, "neighbors": neighbors, "strategy": strategy, "counts": counts, "danger": danger}
golden = json.load(open("golden.json")) if os.path.exists("golden.json") else {}
for name in sys.argv[1:] or SECTIONS:
    golden[name] = SECTIONS[name]()
with open("golden.json", "w") as f:
    json.dump(golden, f)
