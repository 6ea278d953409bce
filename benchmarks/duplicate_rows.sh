#!/usr/bin/env bash
# Exact neighbours on a table of many duplicate rows: `resample --method enn --neighbors exact` on 2,000 generated
# rows x 20 features repeated 50 times (100,000 rows), beside the same number of rows without duplicates. Every
# query ties with more points than a candidate list holds there, so it is settled by a pass over every point.
#
#   bash benchmarks/duplicate_rows.sh                 # the command built from the working tree
#   BASE=<commit> bash benchmarks/duplicate_rows.sh   # also the command built from <commit>; outputs compared (cmp)
set -euo pipefail
cd "$(dirname "$0")/.."
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
dotnet publish src/Imbalanced.Cli -c Release -o "$TMP/here" -v quiet -nologo >/dev/null
builds=(here)
if [[ -n "${BASE:-}" ]]; then
  mkdir -p "$TMP/base-src"
  git archive "$BASE" | tar -x -C "$TMP/base-src"
  dotnet publish "$TMP/base-src/src/Imbalanced.Cli" -c Release -o "$TMP/base" -v quiet -nologo >/dev/null
  builds=(base here)
fi
cli="$TMP/here/imbalanced"
"$cli" generate --rows 2000 --features 20 --weights 0.95 --seed 0 --output "$TMP/few.csv"
{ head -n 1 "$TMP/few.csv"; for _ in $(seq 50); do tail -n +2 "$TMP/few.csv"; done; } > "$TMP/duplicates.csv"
"$cli" generate --rows 100000 --features 20 --weights 0.95 --seed 0 --output "$TMP/distinct.csv"
echo "| table (100,000 x 20) | build | seconds | peak MB |"
echo "|---|---|---|---|"
for table in duplicates distinct; do
  for b in "${builds[@]}"; do
    /usr/bin/time -f "%e %M" -o "$TMP/time.txt" "$TMP/$b/imbalanced" resample "$TMP/$table.csv" --target label \
      --method enn --neighbors exact --output "$TMP/$table.$b.csv" --quiet
    read -r seconds kb < "$TMP/time.txt"
    name="working tree at $(git rev-parse --short HEAD)"
    [[ $b == base ]] && name=$(git rev-parse --short "$BASE")
    echo "| $table | $name | $seconds | $((kb / 1024)) |"
  done
  if [[ -n "${BASE:-}" ]]; then
    cmp -s "$TMP/$table.base.csv" "$TMP/$table.here.csv" && echo "| $table | outputs | byte-identical | |" \
      || echo "| $table | outputs | DIFFER | |"
  fi
done
echo
echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores;" \
  "$(date -u '+%Y-%m-%d %H:%M UTC')"
