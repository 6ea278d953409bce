#!/usr/bin/env bash
# Oversamplers ranked as in Kovács 2019 (Applied Soft Computing 83): every technique x two learners under repeated
# stratified cross-validation (`imbalanced compare`) on the real tables bundled in data/, then ranked within each
# (data set, learner) by mean average precision and by mean G-mean, ranks averaged over the cases
# (benchmarks/rank_oversamplers.py). Data sets (all in data/, sources and licences in data/README.md):
#
#   wine_class_2      178 rows, target class      13 numeric
#   breast_cancer     569 rows, target diagnosis  30 numeric
#   attrition        1470 rows, target Attrition  16 numeric + 14 categorical
#   optical_digits_8 1797 rows, target digit      64 numeric
#   credit_data      4454 rows, target Status      9 numeric +  4 categorical, empty cells
#   stackoverflow    5594 rows, target Remote     19 numeric +  1 categorical
#   wa_churn         7043 rows, target churn       9 numeric + 10 categorical, empty cells
#
#   bash benchmarks/oversampler_ranking.sh                      # everything: build, run, rank
#   TECHNIQUES=smote-ipf bash benchmarks/oversampler_ranking.sh # add a method; earlier results are kept and ranked
#   DATASETS="wine_class_2 breast_cancer" bash benchmarks/oversampler_ranking.sh   # some data sets only
#   SKIP_DONE=1 bash benchmarks/oversampler_ranking.sh          # resume: skip (data set, technique) already run
#   EXTRA="pima|/path/to/pima_diabetes.csv|diabetes" RAW=/tmp/r OUT=/tmp/r.md bash ...   # more tables, elsewhere
#
# Each (data set, technique) is one `imbalanced compare --techniques none,TECHNIQUE` process: a technique that fails
# or runs out of time (TIMEOUT seconds, default 2400) is recorded as such and cannot stop the others; `none` is
# rerun in every process (same seed, same folds, so the same figures, which the ranking script checks). Its result
# (the compare JSON cut to what the ranking needs) and its wall time and peak memory (/usr/bin/time -v) go to
# RAW/DATASET/TECHNIQUE.json (default RAW: benchmarks/results/oversampler_ranking), overwriting an earlier run of
# that pair only; the ranking reads every file under RAW. Protocol, overridable: FOLDS=5 REPEATS=2 SEED=0,
# LEARNERS=logistic,lightgbm, CALIBRATION=none and --tune-threshold none: the classifier fitted on the oversampled
# data is scored as it is, G-mean at the default threshold 0.5 (average precision does not depend on a threshold).
# Needs: the .NET SDK, jq, python3 (standard library only). Took 9.8 and 11.4 minutes of runs (84 processes) on 2
# shared cores, 2026-11-27.
set -euo pipefail
cd "$(dirname "$0")/.."
IMBLEARN=random-over,smote,borderline-smote,svm-smote,kmeans-smote,adasyn # imbalanced-learn's oversamplers
ISSUE17=polynom-fit-smote,prowsyn,lee,smobd,ccr,gsmote                     # the oversamplers of issue 17
TECHNIQUES=${TECHNIQUES:-$IMBLEARN,$ISSUE17}
LEARNERS=${LEARNERS:-logistic,lightgbm}
FOLDS=${FOLDS:-5}
REPEATS=${REPEATS:-2}
SEED=${SEED:-0}
CALIBRATION=${CALIBRATION:-none}
TIMEOUT=${TIMEOUT:-2400}
RAW=${RAW:-benchmarks/results/oversampler_ranking}
OUT=${OUT:-benchmarks/results/oversampler_ranking.md}
ALL="wine_class_2|data/wine_class_2.csv|class breast_cancer|data/breast_cancer.csv|diagnosis
attrition|data/attrition.csv|Attrition optical_digits_8|data/optical_digits_8.csv|digit
credit_data|data/credit_data.csv|Status stackoverflow|data/stackoverflow.csv|Remote wa_churn|data/wa_churn.csv|churn"
specs=()
EXTRA=${EXTRA:-}
for spec in $ALL ${EXTRA//;/ }; do
  name=${spec%%|*}
  if [ -z "${DATASETS:-}" ] || [[ " $DATASETS " == *" $name "* ]] || [[ "$EXTRA" == *"$spec"* ]]; then
    specs+=("$spec")
  fi
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- src || commit="$commit + uncommitted changes in src/"
if [ -z "${CLI:-}" ]; then # CLI=path/to/imbalanced: use that build instead (recorded as such, not as this tree's)
  echo "building the command line (Release) ..." >&2
  dotnet publish src/Imbalanced.Cli -c Release -o "$WORK/cli" >/dev/null
  CLI="$WORK/cli/imbalanced"
else
  commit="the command at $CLI (this tree: $commit)"
fi
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)

for spec in "${specs[@]}"; do
  IFS='|' read -r name input target <<<"$spec"
  mkdir -p "$RAW/$name"
  for technique in ${TECHNIQUES//,/ }; do
    dest="$RAW/$name/$technique.json"
    if [ -n "${SKIP_DONE:-}" ] && [ -f "$dest" ]; then continue; fi
    echo "$(date -u +%H:%M:%S) $name: $technique ..." >&2
    started=$(date -u '+%Y-%m-%d %H:%M UTC')
    load=$(cut -d' ' -f1 /proc/loadavg)
    rm -f "$WORK/out.json"
    status=0
    /usr/bin/time -v -o "$WORK/time" timeout -k 30 "$TIMEOUT" "$CLI" compare "$input" --target "$target" \
      --techniques "none,$technique" --learners "$LEARNERS" --folds "$FOLDS" --repeats "$REPEATS" --seed "$SEED" \
      --tune-threshold none --calibration "$CALIBRATION" --json "$WORK/out.json" --quiet \
      >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
                                                    for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/time")
    peak_mb=$(awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }' "$WORK/time")
    if [ "$status" -eq 0 ] && [ -f "$WORK/out.json" ]; then
      outcome=ok; error=""
    elif [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
      outcome=timeout; error="not finished in $TIMEOUT s"
    else
      outcome=failed; error=$(grep -v '^\s*$' "$WORK/stderr" | head -n 1 || true)
      [ -n "$error" ] || error="exit status $status"
    fi
    echo "$(date -u +%H:%M:%S) $name: $technique $outcome in $seconds s, $peak_mb MB ${error:+($error)}" >&2
    if [ "$outcome" = ok ]; then
      compare=$(jq -c '{dataset: {rows: .dataset.rows, classes: .dataset.classes, minority: .dataset.minority,
                                  imbalance_ratio: .dataset.imbalance_ratio},
                        protocol: .protocol,
                        results: [.results[] | {technique, ran_as, learner, versus_none, fit_seconds,
                                  metrics: {average_precision: .metrics.average_precision,
                                            geometric_mean: .metrics.geometric_mean}}]}' "$WORK/out.json")
    else
      compare=null
      cp "$WORK/stderr" "$RAW/$name/$technique.stderr.txt"
    fi
    jq -n --arg dataset "$name" --arg input "$input" --arg target "$target" --arg technique "$technique" \
      --arg outcome "$outcome" --arg error "$error" --argjson seconds "$seconds" --argjson peak_mb "$peak_mb" \
      --arg started "$started" --arg load "$load" --arg commit "$commit" --arg cpu "$cpu" --argjson cores "$(nproc)" \
      --arg learners "$LEARNERS" --argjson folds "$FOLDS" --argjson repeats "$REPEATS" --argjson seed "$SEED" \
      --arg calibration "$CALIBRATION" --argjson compare "$compare" \
      '{run: {dataset: $dataset, input: $input, target: $target, technique: $technique, outcome: $outcome,
              error: $error, seconds: $seconds, peak_mb: $peak_mb, started: $started, load_average: $load,
              commit: $commit, cpu: $cpu, cores: $cores, learners: $learners, folds: $folds, repeats: $repeats,
              seed: $seed, calibration: $calibration, tune_threshold: "none"},
        compare: $compare}' >"$dest"
    [ "$outcome" != ok ] || rm -f "$RAW/$name/$technique.stderr.txt"
  done
done

python3 benchmarks/rank_oversamplers.py "$RAW" --out "$OUT"
cat "$OUT"
