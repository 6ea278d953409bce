#!/usr/bin/env bash
# Side by side, in one run: the `imbalanced` command against imbalanced-learn / scikit-learn on the same CSV.
#
#   bash benchmarks/compare.sh                 # 200,000 rows x 20 features, 5% minority
#   ROWS=50000 bash benchmarks/compare.sh      # smaller
#   METHODS="smote borderline-smote adasyn" KNN_ALGORITHMS="" bash benchmarks/compare.sh   # resample only
#
# Needs: the .NET SDK; Debian's python3-imblearn python3-pandas libopenblas0-pthread (for the reference side).
# Prints a Markdown table: seconds (wall clock, whole process) and peak memory of each side.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/side-by-side.sh
ROWS=${ROWS:-200000}
bench_setup "$ROWS"
PY=($(python_env))

echo "| task ($ROWS x 20, 5% minority, CSV $((SIZE / 1000000)) MB) | imbalanced | peak MB | imbalanced-learn | peak MB | speed-up |"
echo "|---|---|---|---|---|---|"

# Exact 5-NN of all rows against all rows (the core of ENN and Tomek links): engine only, CSV already in memory.
ours=$(dotnet "$BENCH" knn "$DATA" label 5 | sed 's/.*"seconds": \([0-9.]*\).*/\1/')
for algorithm in ${KNN_ALGORITHMS-brute auto}; do
theirs=$("${PY[@]}" - "$DATA" "$algorithm" <<'PY'
import sys, time
import pandas as pd
from sklearn.neighbors import NearestNeighbors
X = pd.read_csv(sys.argv[1]).drop(columns=["label"]).to_numpy()
t = time.perf_counter()
NearestNeighbors(n_neighbors=5, algorithm=sys.argv[2]).fit(X).kneighbors(X)
print(time.perf_counter() - t)
PY
)
printf "| 5-NN of every row, search only (scikit-learn algorithm='%s') | %.2f s | | %.2f s | | %.1fx |\n" "$algorithm" "$ours" "$theirs" "$(awk "BEGIN{print $theirs / $ours}")"
done

for method in ${METHODS:-smote}; do
  read -r ours_s ours_kb _ < <(ours_resample "$method")
  read -r ref_s ref_kb _ < <(theirs_resample "$method")
  printf "| resample --method %s (read, resample, write) | %.2f s | %d | %.2f s | %d | %.1fx |\n" "$method" "$ours_s" $((ours_kb / 1024)) "$ref_s" $((ref_kb / 1024)) "$(awk "BEGIN{print $ref_s / $ours_s}")"
  echo "peak memory of imbalanced / CSV size for $method: $(awk "BEGIN{printf \"%.2f\", $ours_kb * 1024 / $SIZE}")x" >&2
done

# How the cost grows: enn on five times the rows (ours only; set BIG_ROWS=0 to skip).
BIG_ROWS=${BIG_ROWS:-1000000}
if [ "$BIG_ROWS" -gt 0 ]; then
  "$CLI" generate --rows "$BIG_ROWS" --features 20 --weights 0.95 --seed 0 --output "$WORK/big.csv"
  BIG_SIZE=$(stat -c %s "$WORK/big.csv")
  read -r big_s big_kb _ < <(measure "$CLI" resample "$WORK/big.csv" --target label --method enn --output "$WORK/big_out.csv" --quiet)
  echo
  printf "enn on %d x 20 (CSV %d MB): %.1f s, peak %d MB\n" "$BIG_ROWS" $((BIG_SIZE / 1000000)) "$big_s" $((big_kb / 1024))
fi
