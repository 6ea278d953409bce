#!/usr/bin/env bash
# Peak memory and wall time of `imbalanced resample` (whole process, /usr/bin/time) for each method on one generated
# CSV (ROWS x 20 numeric features + a label, 5% minority), as a ratio to the CSV's size: random under- and
# over-sampling and SMOTE stream a delimited file (two passes; only the rows of the classes they grow are held),
# the other methods read the table whole. smoten, which needs every feature categorical, runs on the same rows with
# each of the first 10 features cut into seven categories (v-3 ... v3), against that CSV's own size.
#
#   bash benchmarks/streaming.sh                       # 2,000,000 rows, writes benchmarks/results/streaming.md
#   ROWS=200000 METHODS="smote enn" bash benchmarks/streaming.sh
#   BASE=<commit> bash benchmarks/streaming.sh         # also runs the command built from <commit>, same file
#   TIMEOUT=600 METHODS="nearmiss cnn" bash benchmarks/streaming.sh  # stop a method after 600 s (peak so far shown)
#   METHODS="svm-smote:--max-iter,1000 kmeans-smote:--cluster-balance-threshold,0.01" bash benchmarks/streaming.sh
#                                      # a method's options after a colon, separated by commas
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-2000000}
METHODS=${METHODS:-random-under random-over smote smote-nc enn tomek-links smote-enn}
OUT=${OUT:-benchmarks/results/streaming.md}
TIMEOUT=${TIMEOUT:-0}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
dotnet publish src/Imbalanced.Cli -c Release -o "$TMP/here" -v quiet -nologo >/dev/null
if [[ -n "${BASE:-}" ]]; then
  mkdir -p "$TMP/base-src"
  git archive "$BASE" | tar -x -C "$TMP/base-src"
  dotnet publish "$TMP/base-src/src/Imbalanced.Cli" -c Release -o "$TMP/base" -v quiet -nologo >/dev/null
fi
"$TMP/here/imbalanced" generate --rows "$ROWS" --features 20 --weights 0.95 --seed 0 --output "$TMP/in.csv"
# smote-nc needs a categorical column: the same table with a three-valued text column added.
awk -F, 'NR==1 {print $0 ",segment"; next}
  {print $0 "," (NR % 3 == 0 ? "retail" : NR % 3 == 1 ? "online" : "branch")}' "$TMP/in.csv" > "$TMP/mixed.csv"
if [[ " $METHODS " == *" smoten"[\ :]* ]]; then
  awk -F, 'NR==1 {print "f0,f1,f2,f3,f4,f5,f6,f7,f8,f9,label"; next}
    {s=""; for (i = 1; i <= 10; i++) {v = int(1.5 * $i); if (v > 3) v = 3; if (v < -3) v = -3; s = s "v" v ","}
     print s $21}' "$TMP/in.csv" > "$TMP/categorical.csv"
fi
size=$(stat -c %s "$TMP/in.csv")
run() { # build method[:option,value,...] input
  local out="$TMP/out.csv" log="$TMP/time.txt" status=0 method="${2%%:*}" options=() size=$size
  [[ "$method" == smoten ]] && size=$(stat -c %s "$3")
  [[ "$2" == *:* ]] && IFS=, read -r -a options <<< "${2#*:}"
  /usr/bin/time -f "%e %M" -o "$log" timeout "$TIMEOUT" "$TMP/$1/imbalanced" resample "$3" --target label \
    --method "$method" "${options[@]}" --output "$out" --quiet > /dev/null 2> "$TMP/err.txt" || status=$?
  read -r seconds kb < <(tail -n 1 "$log")
  if [[ $status -eq 0 ]]; then
    awk -v s="$seconds" -v kb="$kb" -v size="$size" \
      'BEGIN {printf "%.1f s | %.0f MB | %.2f×", s, kb / 1024, kb * 1024 / size}'
  elif [[ $status -eq 124 ]]; then
    awk -v t="$TIMEOUT" -v kb="$kb" -v size="$size" \
      'BEGIN {printf "stopped at %d s | %.0f MB so far | %.2f× so far", t, kb / 1024, kb * 1024 / size}'
  else
    printf 'failed: %s | | ' "$(head -c 120 "$TMP/err.txt" | tr '\n' ' ')"
  fi
  rm -f "$out"
}
{
  echo "# resample: peak memory against the CSV's size"
  echo
  echo "Made by \`benchmarks/streaming.sh\` (ROWS=$ROWS): $ROWS rows x 20 numeric features + a label, 5% minority"
  echo "(\`imbalanced generate --weights 0.95\`), $((size / 1048576)) MB of CSV; smote-nc runs on the same table with a"
  echo "categorical column added; smoten on its first 10 features cut into seven categories, against that CSV's size."
  echo "Whole process, \`/usr/bin/time\`: wall time, peak resident memory, peak / CSV size."
  echo
  if [[ -n "${BASE:-}" ]]; then
    b=$(git rev-parse --short "$BASE") h=$(git rev-parse --short HEAD)
    echo "| method | before ($b) | peak | peak / CSV | now ($h) | peak | peak / CSV |"
    echo "|---|---|---|---|---|---|---|"
  else
    echo "| method | now ($(git rev-parse --short HEAD)) | peak | peak / CSV |"
    echo "|---|---|---|---|"
  fi
  for m in $METHODS; do
    input="$TMP/in.csv"
    [[ "${m%%:*}" == smote-nc ]] && input="$TMP/mixed.csv"
    [[ "${m%%:*}" == smoten ]] && input="$TMP/categorical.csv"
    if [[ -n "${BASE:-}" ]]; then
      echo "| $m | $(run base "$m" "$input") | $(run here "$m" "$input") |"
    else
      echo "| $m | $(run here "$m" "$input") |"
    fi
  done
  echo
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
    "$(free -g | awk '/Mem:/ {print $2}') GB; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); code: $(git rev-parse --short HEAD); .NET SDK $(dotnet --version)"
} | tee "$OUT"
