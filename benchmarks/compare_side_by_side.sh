#!/usr/bin/env bash
# `imbalanced compare` against the same protocol in scikit-learn / imbalanced-learn (benchmarks/compare_python.py),
# with the defaults of both (5 folds x 2 repeats, 3 learners x 9 techniques, seed 0), on real tables of data/:
#
#   data/stackoverflow.csv                 5594 rows, target Remote, 19 numeric + 1 categorical feature
#   wa_churn numeric, 5000 rows            derived from data/wa_churn.csv: its numeric columns and churn, rows with
#                                          an empty total_charges dropped, a seeded stratified 5000-row sample
#
#   bash benchmarks/compare_side_by_side.sh
#   NOTE="provisional: ..." bash benchmarks/compare_side_by_side.sh   # a line put at the top of the results
#   OUT=/tmp/x.md bash benchmarks/compare_side_by_side.sh             # results elsewhere
#
# Each side runs as one process, one after the other, under /usr/bin/time -v: seconds are wall clock of the whole
# process (start-up, reading and Python's imports included), memory is the peak resident set. The CLI runs with its
# default --threads (all cores); the Python side leaves n_jobs at None (one process; HistGradientBoosting still uses
# OpenMP threads on all cores). Needs: the .NET SDK; Debian's python3-imblearn python3-sklearn python3-pandas.
# Writes a Markdown table to benchmarks/results/compare_side_by_side.md (or $OUT) and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/side-by-side.sh # python_env: the reference side's interpreter and OpenBLAS environment
OUT=${OUT:-benchmarks/results/compare_side_by_side.md}
SEED=${SEED:-0}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

dotnet build src/Imbalanced.Cli -c Release -o "$WORK/cli" >/dev/null
CLI="$WORK/cli/imbalanced"
PY=($(python_env))

# The numeric table: every cell copied as text from wa_churn.csv (no re-formatting of numbers); the sample is drawn
# per class (largest-remainder shares of 5000) with Python's random.Random(SEED), rows kept in file order.
NUMERIC="$WORK/wa_churn_numeric_5000.csv"
"${PY[@]}" - data/wa_churn.csv "$NUMERIC" "$SEED" <<'PY'
import csv, math, random, sys
src, dst, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, newline="") as f:
    header, *rows = list(csv.reader(f))
def number(s):
    try:
        return math.isfinite(float(s))
    except ValueError:
        return False
target = header.index("churn")
keep = [j for j in range(len(header)) if j == target or all(r[j] == "" or number(r[j]) for r in rows)]
rows = [r for r in rows if r[header.index("total_charges")] != ""]
by_class = {}
for i, r in enumerate(rows):
    by_class.setdefault(r[target], []).append(i)
n = 5000
exact = {c: n * len(ix) / len(rows) for c, ix in by_class.items()}
share = {c: int(v) for c, v in exact.items()}
for c in sorted(exact, key=lambda c: (share[c] - exact[c], c))[: n - sum(share.values())]:
    share[c] += 1
rng = random.Random(seed)
chosen = sorted(i for c in sorted(by_class) for i in rng.sample(by_class[c], share[c]))
with open(dst, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow([header[j] for j in keep])
    w.writerows([rows[i][j] for j in keep] for i in chosen)
print(f"{dst}: {len(chosen)} rows, columns {[header[j] for j in keep]}, {share}", file=sys.stderr)
PY

measure() { # COMMAND... -> "seconds peak_kb" (wall clock and peak RSS of the whole command, from /usr/bin/time -v)
  /usr/bin/time -v -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" "$WORK/time" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
              /Maximum resident set size/ { kb = $2 }
              END { print s, kb }' "$WORK/time"
}

best() { # JSON -> "technique / learner (AP)"
  jq -r '.best | "\(.technique) / \(.learner) (\(.mean * 10000 | round / 10000))"' "$1"
}

rows=()
for spec in "stackoverflow|data/stackoverflow.csv|Remote" "wa_churn numeric, 5000 rows|$NUMERIC|churn"; do
  IFS='|' read -r name input target <<<"$spec"
  echo "$name: imbalanced compare ..." >&2
  read -r ours_s ours_kb < <(measure "$CLI" compare "$input" --target "$target" --seed "$SEED" --quiet --json "$WORK/ours.json")
  echo "$name: compare_python.py ..." >&2
  read -r ref_s ref_kb < <(measure "${PY[@]}" benchmarks/compare_python.py "$input" --target "$target" --seed "$SEED" \
    --json "$WORK/theirs.json")
  n=$(jq .dataset.rows "$WORK/ours.json")
  rows+=("$(printf "| %s | %d | %.1f s | %.1f s | %.1fx | %d | %d | %s | %s |" "$name" "$n" "$ours_s" "$ref_s" \
    "$(awk "BEGIN{print $ref_s / $ours_s}")" $((ours_kb / 1024)) $((ref_kb / 1024)) \
    "$(best "$WORK/ours.json")" "$(best "$WORK/theirs.json")")")
done

commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- src || commit="$commit + uncommitted changes in src/"
versions=$("${PY[@]}" -c 'import sklearn, imblearn; print(f"scikit-learn {sklearn.__version__}, imbalanced-learn {imblearn.__version__}")')
mkdir -p "$(dirname "$OUT")"
{
  echo "# \`imbalanced compare\` side by side with scikit-learn / imbalanced-learn"
  echo
  if [ -n "${NOTE:-}" ]; then echo "**${NOTE}**"; echo; fi
  echo "Made by \`benchmarks/compare_side_by_side.sh\` (protocol and caveats at its top and in \`benchmarks/compare_python.py\`):"
  echo "defaults of both sides, 5-fold stratified cross-validation repeated twice, learners logistic / lightgbm /"
  echo "random-forest (Python: LogisticRegression, HistGradientBoostingClassifier, RandomForestClassifier) x 9 techniques,"
  echo "seed $SEED. Seconds: wall clock of the whole process; peak: maximum resident set size."
  echo
  echo "| data set | rows | Imbalanced | Python | speed-up | Imbalanced peak MB | Python peak MB | best by average precision, Imbalanced | best by average precision, Python |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "- machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); code: $commit; .NET SDK $(dotnet --version); Python $("${PY[@]}" -c 'import platform; print(platform.python_version())'), $versions"
  echo "- wa_churn numeric table: sha256 $(sha256sum "$NUMERIC" | cut -c1-16)…, $(($(wc -l <"$NUMERIC") - 1)) rows x $(head -1 "$NUMERIC" | tr ',' '\n' | wc -l) columns"
} >"$OUT"
cat "$OUT"
