#!/usr/bin/python3
"""Makes the golden answers of imbalanced-learn 0.10 / scikit-learn 1.2 for the tests (run from this folder;
needs Debian's python3-imblearn and python3-pandas). The tests only read the JSON it writes."""
import json
import subprocess

REF = "../../../../shared/tools/imblearn_reference.py"


def ref(*args):
    out = subprocess.run(["/usr/bin/python3", REF, *args], capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1]}
    return json.loads(out.stdout)


golden = {"neighbors": [], "strategy": [], "counts": []}
for data, target, k, cls in (("breast_cancer.csv", "diagnosis", 6, None), ("breast_cancer.csv", "diagnosis", 4, "malignant"),
                             ("glass_jitter.csv", "Type", 6, None), ("pima_jitter.csv", "diabetes", 4, None),
                             ("glass_jitter.csv", "Type", 3, "6")):
    args = [data, "--target", target, "--k", str(k)] + (["--class", cls] if cls else [])
    golden["neighbors"].append({"data": data, "target": target, "k": k, "class": cls, **ref("neighbors", *args)})

strategies = ["auto", "minority", "majority", "not-minority", "not-majority", "all", "0.5", "0.9",
              "1=50,2=80", "1=200", "5=3", "7,6", "2", "neg=120", "pos=300", "neg=600", "pos", "neg,pos", "9=1"]
for data, target in (("glass_jitter.csv", "Type"), ("pima_jitter.csv", "diabetes")):
    for kind in ("over", "under", "clean"):
        for s in strategies:
            golden["strategy"].append({"data": data, "target": target, "kind": kind, "strategy": s,
                                       **ref("strategy", data, "--target", target, "--kind", kind, "--strategy", s)})

for data, target in (("glass_jitter.csv", "Type"), ("pima_jitter.csv", "diabetes"), ("breast_cancer.csv", "diagnosis")):
    for method in ("random-over", "random-under", "smote"):
        for s in ("auto", "all", "not-minority", "minority", "majority", "0.8", "pos=300", "neg=100", "malignant=300", "1=40,7=40"):
            r = ref("resample", data, "--target", target, "--method", method, "--strategy", s)
            golden["counts"].append({"data": data, "target": target, "method": method, "strategy": s,
                                     **({"error": r["error"]} if "error" in r else {"counts_after": r["counts_after"]})})

with open("golden.json", "w") as f:
    json.dump(golden, f)
