#!/usr/bin/env python3
"""Ranks oversamplers with the procedure of Kovács 2019, from the runs of benchmarks/oversampler_ranking.sh.

  python3 benchmarks/rank_oversamplers.py benchmarks/results/oversampler_ranking \
      --out benchmarks/results/oversampler_ranking.md

Reads every RAW/DATASET/TECHNIQUE.json (one `imbalanced compare --techniques none,TECHNIQUE` run each; a later run of
the same pair has replaced the earlier one, so runs made at different times combine per data set, learner and
technique). A case is one (data set, learner). Within each case the techniques, `none` included, are ranked by mean
average precision over the folds and, separately, by mean G-mean (rank 1 = highest; means equal to 10 decimals share
the average of their ranks); the ranks are then averaged over the cases. The main table ranks the techniques that have a
result in every case; when some technique failed or was not run somewhere, a second table ranks every technique over
all cases with the missing one last where it has no result. `versus_none.verdict` is the command's own test of average
precision against `none` with the same learner (corrected resampled t-test, p < 0.05). Standard library only.
"""
import argparse
import glob
import json
import os
import sys
import textwrap
from collections import defaultdict

METRICS = ("average_precision", "geometric_mean")


def load(raw):
    runs = []
    for path in sorted(glob.glob(os.path.join(raw, "*", "*.json"))):
        with open(path) as f:
            runs.append(json.load(f))
    if not runs:
        sys.exit(f"no runs under {raw}")
    return runs


def ranks(values):
    """values: {key: float}; rank 1 for the highest, ties (to 10 decimals) share their average rank."""
    order = sorted(values, key=lambda k: -round(values[k], 10))
    out, i = {}, 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and round(values[order[j + 1]], 10) == round(values[order[i]], 10):
            j += 1
        for k in order[i : j + 1]:
            out[k] = (i + j) / 2 + 1
        i = j + 1
    return out


def fmt(x, digits=4):
    return "" if x is None else f"{x:.{digits}f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    runs = load(args.raw)

    datasets = []  # in order of size
    info = {}  # dataset -> compare.dataset of one run
    status = {}  # (dataset, technique) -> run
    result = {}  # (dataset, learner, technique) -> result
    none_mismatch = []
    protocols = set()
    for r in runs:
        run, cmp = r["run"], r["compare"]
        d, t = run["dataset"], run["technique"]
        status[(d, t)] = run
        protocols.add((run["folds"], run["repeats"], run["seed"], run["learners"], run["calibration"]))
        if d not in datasets:
            datasets.append(d)
        if cmp is None:
            continue
        info[d] = cmp["dataset"]
        for res in cmp["results"]:
            key = (d, res["learner"], res["technique"])
            if res["technique"] == "none" and key in result:
                a, b = result[key]["metrics"], res["metrics"]
                if any(abs(a[m]["mean"] - b[m]["mean"]) > 1e-12 for m in METRICS):
                    none_mismatch.append(f"{d} / {res['learner']}")
                continue
            result[key] = res
    datasets.sort(key=lambda d: (info.get(d, {}).get("rows", 0), d))
    learners = sorted({k[1] for k in result}, key=lambda l: (l != "logistic", l))
    techniques = ["none"] + sorted({t for (_, t) in status})
    cases = [(d, l) for d in datasets for l in learners if (d, l, "none") in result]
    full = [t for t in techniques if all((d, l, t) in result for d, l in cases)]

    def table(case_list, techniques, missing_last):
        rank_sum = {m: defaultdict(float) for m in METRICS}
        value_sum = {m: defaultdict(float) for m in METRICS}
        counted = defaultdict(int)
        better, worse = defaultdict(int), defaultdict(int)
        for d, l in case_list:
            present = [t for t in techniques if (d, l, t) in result]
            for m in METRICS:
                rk = ranks({t: result[(d, l, t)]["metrics"][m]["mean"] for t in present})
                missing = [t for t in techniques if t not in present]
                for t in missing:  # last, sharing the places left
                    rk[t] = len(present) + (len(missing) + 1) / 2
                for t in techniques:
                    rank_sum[m][t] += rk[t]
            for t in present:
                counted[t] += 1
                for m in METRICS:
                    value_sum[m][t] += result[(d, l, t)]["metrics"][m]["mean"]
                verdict = (result[(d, l, t)].get("versus_none") or {}).get("verdict")
                better[t] += verdict == "better"
                worse[t] += verdict == "worse"
        n = len(case_list)
        rows = []
        for t in techniques:
            rows.append((rank_sum["average_precision"][t] / n, rank_sum["geometric_mean"][t] / n, t,
                         value_sum["average_precision"][t] / counted[t] if counted[t] else None,
                         value_sum["geometric_mean"][t] / counted[t] if counted[t] else None,
                         better[t], worse[t], counted[t]))
        rows.sort()
        lines = ["| # | technique | mean rank, AP | mean rank, G-mean | mean AP | mean G-mean | AP better than none "
                 "| AP worse than none |" + (" cases with a result |" if missing_last else ""),
                 "|---|---|---|---|---|---|---|---|" + ("---|" if missing_last else "")]
        for i, (rap, rgm, t, vap, vgm, b, w, c) in enumerate(rows, 1):
            vs = ("", "") if t == "none" else (f"{b} of {c}", f"{w} of {c}")
            lines.append(f"| {i} | `{t}` | {rap:.2f} | {rgm:.2f} | {fmt(vap)} | {fmt(vgm)} | {vs[0]} | {vs[1]} |"
                         + (f" {c} of {n} |" if missing_last else ""))
        return lines

    out = []

    def w(line):  # prose wrapped at 120 characters (tables and headings as they are)
        if line.startswith(("|", "#")) or len(line) <= 120:
            out.append(line)
        else:
            indent = "  " if line.startswith("- ") else ""
            out.extend(textwrap.wrap(line, 120, subsequent_indent=indent, break_on_hyphens=False,
                                     break_long_words=False))
    w("# Oversamplers ranked by average precision and G-mean (the ranking procedure of Kovács 2019)")
    w("")
    w("Made by `bash benchmarks/oversampler_ranking.sh` (runs) and `benchmarks/rank_oversamplers.py` (this page).")
    w("")
    w("## Protocol")
    w("")
    protos = sorted(protocols)
    for folds, repeats, seed, lrn, calib in protos:
        w(f"- `imbalanced compare DATA --target T --techniques none,TECHNIQUE --learners {lrn} --folds {folds} "
          f"--repeats {repeats} --seed {seed} --tune-threshold none --calibration {calib} --json ... --quiet`, "
          f"one process per (data set, technique): stratified {folds}-fold cross-validation repeated {repeats} "
          f"time{'s' if repeats != 1 else ''}, the same folds for every technique; every sampler is fitted on the "
          "training part of each fold only, the test fold is scored untouched.")
    if len(protos) > 1:
        w("- **More than one protocol among the runs** (each run's protocol is in its file under the raw folder).")
    w("- Average precision (AP) is threshold-free; G-mean (√(sensitivity × specificity)) is taken at the "
      "classifier's default threshold 0.5 with no calibration: the classifier fitted on the oversampled data is "
      "scored as it is (`--calibration prior`, the command's default, would map its probabilities back to the class "
      "prior of the unresampled training part). Each method runs with its registered defaults (those of "
      "`imbalanced resample --method M` without options); nothing was tuned, per data set or otherwise.")
    w("- Ranking (the procedure of Kovács 2019): within each case, i.e. (data set, learner), the techniques, `none` "
      "included, are ranked by mean AP and by mean G-mean over the folds (1 = best; equal means share the average "
      "rank); the table averages each technique's ranks over the cases. Mean AP / G-mean average the per-case means. "
      "\"AP better / worse than none\": cases where the command's corrected resampled t-test (Nadeau & Bengio) "
      "over the paired folds finds AP above / below `none` with the same learner at p < 0.05.")
    w("- On tables with categorical features `compare` runs `smote` in its categorical form, SMOTE-NC (the *ran as* "
      "column of the per-data-set tables says what ran); samplers that take categories (`random-over`, SMOTE-NC) get "
      "them, every other sampler works on the training part's one-hot encoding. Empty numeric cells are filled with "
      "the training part's median first.")
    if none_mismatch:
        w(f"- **`none` differed between runs** in: {', '.join(sorted(set(none_mismatch)))}.")
    w("")
    w("## Ranking")
    w("")
    missing = [(d, t) for d in datasets for t in techniques[1:] if status.get((d, t), {}).get("outcome") != "ok"]
    missing += [(d, t) for d, l in cases for t in techniques[1:]
                if (d, t) not in missing and (d, l, t) not in result]
    w(f"Over all {len(cases)} cases ({len({d for d, _ in cases})} data sets × {len(learners)} learners: "
      f"{', '.join(learners)}), the techniques with a result in every case"
      + (f" ({len(techniques) - len(full)} without: see below)" if len(full) < len(techniques) else "")
      + "; sorted by mean rank of AP, then of G-mean.")
    w("")
    for line in table(cases, full, False):
        w(line)
    w("")
    if missing:
        w("Without a result:")
        w("")
        for d, t in missing:
            run = status.get((d, t))
            why = "not run" if run is None else f"{run['outcome']}: {run['error']}"
            w(f"- `{t}` on {d}: {why}" + ("" if run is None else f" (after {run['seconds']:.1f} s)"))
        w("")
        w(f"Every technique over all {len(cases)} cases, a technique without a result in a case ranked last "
          "there (sharing the places left); mean AP and G-mean over the cases with a result:")
        w("")
        for line in table(cases, techniques, True):
            w(line)
        w("")

    w("## Machine and runs")
    w("")
    cpus = sorted({f"{r['run']['cpu']}, {r['run']['cores']} cores" for r in runs})
    dates = sorted(r["run"]["started"] for r in runs)
    commits = sorted({r["run"]["commit"] for r in runs})
    loads = sorted(float(r["run"]["load_average"]) for r in runs)
    total = sum(r["run"]["seconds"] for r in runs)
    w(f"- machine: {'; '.join(cpus)} (CPU model from /proc/cpuinfo, `nproc`); shared with other work: 1-minute "
      f"load average at the start of a run {loads[0]:.2f} to {loads[-1]:.2f}")
    w(f"- runs: {len(runs)} processes from {dates[0]} to {dates[-1]}, {total / 60:.1f} min of wall time in all; "
      f"code: {', '.join(commits)}")
    w("- seconds below: wall time of the whole `compare` process (start-up, reading, `none` and the technique, "
      "both learners, all folds); peak: its maximum resident set size")
    w("")
    w("| data set | " + " | ".join(f"`{t}`" for t in techniques[1:]) + " | all |")
    w("|---|" + "---|" * len(techniques))
    for d in datasets:
        cells = []
        for t in techniques[1:]:
            run = status.get((d, t))
            cells.append("not run" if run is None else f"{run['seconds']:.0f} s"
                         + ("" if run["outcome"] == "ok" else f" ({run['outcome']})"))
        tot = sum(status[(d, t)]["seconds"] for t in techniques[1:] if (d, t) in status)
        w(f"| {d} | " + " | ".join(cells) + f" | {tot / 60:.1f} min |")
    w("")

    w("## Per data set")
    for d in datasets:
        w("")
        i = info.get(d)
        first = next(r["run"] for r in runs if r["run"]["dataset"] == d)
        if i:
            classes = " / ".join(f"{c['label']} {c['count']}" for c in i["classes"])
            w(f"### {d}")
            w("")
            w(f"`{first['input']}`, target `{first['target']}`: {i['rows']} rows, {classes}, imbalance ratio "
              f"{i['imbalance_ratio']}, positive class {i['minority']}.")
        else:
            w(f"### {d}")
            w("")
            w(f"`{first['input']}`, target `{first['target']}`: no run succeeded.")
        w("")
        head = ["technique", "ran as"]
        head += [f"AP {l}" for l in learners] + [f"G-mean {l}" for l in learners]
        head += [f"AP vs none, {l}" for l in learners] + ["seconds", "peak MB"]
        w("| " + " | ".join(head) + " |")
        w("|" + "---|" * len(head))
        present = [t for t in techniques if any((d, l, t) in result for l in learners)]
        mean_rank = {}
        for t in present:
            rs = [ranks({u: result[(d, l, u)]["metrics"]["average_precision"]["mean"] for u in techniques
                         if (d, l, u) in result})[t] for l in learners if (d, l, t) in result]
            mean_rank[t] = sum(rs) / len(rs)
        for t in sorted(present, key=lambda t: (mean_rank[t], t)) + [t for t in techniques if t not in present]:
            run = status.get((d, t)) if t != "none" else None
            if t not in present:
                why = "not run" if run is None else f"{run['outcome']}: {run['error']}"
                w(f"| `{t}` | {why} |" + " |" * (len(head) - 4)
                  + (" | |" if run is None else f" {run['seconds']:.0f} | {run['peak_mb']} |"))
                continue
            rs = [result.get((d, l, t)) for l in learners]
            ran = sorted({r["ran_as"] for r in rs if r})
            cells = [f"`{t}`", ", ".join(ran)]
            for m in METRICS:
                cells += [f"{r['metrics'][m]['mean']:.4f} ± {r['metrics'][m]['std']:.4f}" if r else "" for r in rs]
            for r in rs:
                v = (r or {}).get("versus_none")
                shown = v and t != "none"
                cells.append(f"{v['verdict']} ({v['difference']:+.4f}, p = {v['p']:.2f})" if shown else "")
            cells += ["", ""] if run is None else [f"{run['seconds']:.0f}", str(run["peak_mb"])]
            w("| " + " | ".join(cells) + " |")
    w("")
    with open(args.out, "w") as f:
        f.write("\n".join(out))
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
