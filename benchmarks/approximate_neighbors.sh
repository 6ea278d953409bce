#!/usr/bin/env bash
# Exact against approximate neighbours, and hnswlib beside them, on `generate`d data (20 features, 5% minority):
# the 5-NN of every row (self excluded) by the approximate index (build + query) with its recall@5 against the
# exact engine on 2,000 rows spread over the file; hnswlib's build + query (M = 16, ef_construction = 200,
# ef = 50, 2 threads) and its recall on the same rows; and `resample --method enn` with --neighbors exact and
# approximate, with the share of exact ENN's keep/remove decisions the approximate run keeps.
#
#   bash benchmarks/approximate_neighbors.sh                    # 200,000 and 2,000,000 rows (long: exact ENN
#                                                               # at 2M takes many minutes)
#   ROWS="20000" bash benchmarks/approximate_neighbors.sh       # a quick check that it runs
#   ROWS="2000000" EXACT=0 bash benchmarks/approximate_neighbors.sh   # skip exact ENN and the exact 5-NN
#   ROWS="1000000" ENN_ONLY=1 bash benchmarks/approximate_neighbors.sh # only ENN exact vs approximate
#   ROWS="200000" METHODS_ONLY=1 bash benchmarks/approximate_neighbors.sh # only the Tomek links / SMOTE table
#   GRAPH_FROM=2147483647 ROWS=... bash benchmarks/approximate_neighbors.sh # the 5-NN by probing lists only, no
#                                                               # neighbour descent (ApproximateOptions.GraphFrom)
#   ROWS="10000000" EXACT=0 HNSW=0 ENN=0 bash benchmarks/approximate_neighbors.sh # the approximate 5-NN alone:
#                                                               # no exact runs, no hnswlib (hours at this size on
#                                                               # 2 cores), no ENN
#
# From 1,000,000 rows the approximate index answers a self-join by neighbour descent from a first graph of four
# probes per point ("+ descent" in the table); below, by probing lists for every point.
#
# A second table times `resample --method tomek-links` and `--method smote` with --neighbors exact and approximate
# (set METHODS to change the list, METHODS= for none): for Tomek links the share of exact's keep/remove decisions
# the approximate run keeps, for SMOTE the share of new rows made from the same (base, neighbour) pair (the draws
# are the same; only a neighbour the approximate index missed changes a row).
#
# Needs the .NET SDK, Debian's python3-hnswlib and python3-numpy (apt-get install -y python3-hnswlib).
# Every run also records its 5-NN times in benchmarks/results/neighbors_scaling.csv (replacing earlier figures for
# the same number of rows) and plots how they grow with rows into docs/neighbors_scaling.png.
# Timing: wall clock of the whole command for ENN (start-up, reading and writing included); the 5-NN times are
# the engine's and hnswlib's own, data loading excluded. Peak memory in MB (GNU time's maximum resident set).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/side-by-side.sh
ROWS=${ROWS:-200000 2000000}
SCALING=benchmarks/results/neighbors_scaling.csv
[ -f "$SCALING" ] || echo "rows,series,seconds" >"$SCALING"
EXACT=${EXACT:-1}
ENN_ONLY=${ENN_ONLY:-0}
METHODS_ONLY=${METHODS_ONLY:-0}
METHODS=${METHODS-tomek-links smote}
HNSW=${HNSW:-1}
ENN=${ENN:-1}
read -r first _ <<<"$ROWS"
bench_setup "$first"

if [ "$METHODS_ONLY" != 1 ]; then
echo "| rows | approximate 5-NN s | lists / probes | recall@5 | exact 5-NN s | hnswlib build + query s \
| hnswlib recall@5 | ENN exact s (MB) | ENN approximate s (MB) | ENN decisions kept |"
echo "|---|---|---|---|---|---|---|---|---|---|"
field() { local v; v=$(sed -n "s/.*\"$2\": \([^,}]*\).*/\1/p" <<<"$1"); echo "${v:-–}"; }
for rows in $ROWS; do
  "$CLI" generate --rows "$rows" --features 20 --weights 0.95 --seed 0 --output "$DATA"
  ann="{}" hnsw="{}"
  if [ "$ENN_ONLY" != 1 ]; then
    FULL_EXACT=$EXACT dotnet "$BENCH" ann "$DATA" label 5 "$WORK/exact.txt" >"$WORK/ann.json"
    ann=$(cat "$WORK/ann.json")
    if [ "$HNSW" = 1 ]; then
      hnsw=$(/usr/bin/python3 benchmarks/hnswlib_knn.py "$DATA" label 5 "$WORK/exact.txt")
    fi
  fi
  enn_exact="–"
  if [ "$EXACT" = 1 ] && [ "$ENN" = 1 ]; then
    read -r s kb _ < <(measure "$CLI" resample "$DATA" --target label --method enn --neighbors exact \
      --index-column row --output "$WORK/enn_exact.csv" --quiet)
    enn_exact="$s ($((kb / 1024)))"
  fi
  enn_approx="–"
  if [ "$ENN" = 1 ]; then
    read -r s kb _ < <(measure "$CLI" resample "$DATA" --target label --method enn --neighbors approximate \
      --index-column row --output "$WORK/enn_approx.csv" --quiet)
    enn_approx="$s ($((kb / 1024)))"
  fi
  kept="–"
  if [ "$EXACT" = 1 ] && [ "$ENN" = 1 ]; then
    # A row's decision is kept when it is kept by both runs or removed by both.
    kept=$(awk -F, -v n="$rows" 'FNR == 1 { next } FILENAME == ARGV[1] { a[$NF] = 1; next } { b[$NF] = 1 }
      END { same = 0; for (i = 0; i < n; i++) same += ((i in a) == (i in b)); printf "%.4f", same / n }' \
      "$WORK/enn_exact.csv" "$WORK/enn_approx.csv")
  fi
  descent=""
  [ "$(field "$ann" graph)" = true ] && descent=" + descent"
  echo "| $rows | $(field "$ann" seconds) | $(field "$ann" lists) / $(field "$ann" probes)$descent | $(field "$ann" recall) \
| $(field "$ann" exact_seconds) | $(field "$hnsw" build) + $(field "$hnsw" query) | $(field "$hnsw" recall) \
| $enn_exact | $enn_approx | $kept |"
  [ "$ENN_ONLY" = 1 ] && continue
  awk -F, -v n="$rows" '$1 != n' "$SCALING" >"$WORK/scaling" && cp "$WORK/scaling" "$SCALING"
  {
    echo "$rows,approximate (IVF),$(field "$ann" seconds)"
    if [ "$EXACT" = 1 ]; then echo "$rows,exact,$(field "$ann" exact_seconds)"; fi
    if [ "$HNSW" = 1 ]; then
      echo "$rows,hnswlib build + query,$(awk -v b="$(field "$hnsw" build)" -v q="$(field "$hnsw" query)" \
        'BEGIN { printf "%.2f", b + q }')"
    fi
  } >>"$SCALING"
done
dotnet "$BENCH" plot-scaling "$SCALING" docs/neighbors_scaling.png >&2
fi

[ "$ENN_ONLY" = 1 ] || [ -z "$METHODS" ] && exit 0
echo
echo "| rows | method | exact s (MB) | approximate s (MB) | agreement with exact |"
echo "|---|---|---|---|---|"
for rows in $ROWS; do
  "$CLI" generate --rows "$rows" --features 20 --weights 0.95 --seed 0 --output "$DATA"
  for method in $METHODS; do
    kinds="exact approximate"
    [ "$EXACT" = 1 ] || kinds=approximate
    time_exact="not run"
    for kind in $kinds; do
      read -r s kb _ < <(measure "$CLI" resample "$DATA" --target label --method "$method" --neighbors "$kind" \
        --index-column row --provenance "$WORK/$kind.prov.csv" --output "$WORK/$kind.csv" --quiet)
      declare "time_$kind=$s ($((kb / 1024)))"
    done
    if [ "$EXACT" != 1 ]; then
      agree="–"
    elif [ "$method" = smote ]; then
      # Synthetic rows made from the same base and neighbour rows (provenance columns 4 and 5).
      agree=$(awk -F, 'FNR == 1 { next } $2 != "synthetic" { next }
        FILENAME == ARGV[1] { a[$1] = $4 "," $5; next } { n++; same += (a[$1] == $4 "," $5) }
        END { printf "%.4f of new rows", same / n }' "$WORK/exact.prov.csv" "$WORK/approximate.prov.csv")
    else
      agree=$(awk -F, -v n="$rows" 'FNR == 1 { next } FILENAME == ARGV[1] { a[$NF] = 1; next } { b[$NF] = 1 }
        END { same = 0; for (i = 0; i < n; i++) same += ((i in a) == (i in b))
              printf "%.4f of decisions", same / n }' \
        "$WORK/exact.csv" "$WORK/approximate.csv")
    fi
    echo "| $rows | $method | $time_exact | $time_approximate | $agree |"
  done
done
