#!/usr/bin/env bash
# Table I/O, CSV against Parquet on the same generated table (ROWS x 20 numeric features + a label, 5% minority):
# reading (TableReader.Read + TableDataset.Build), writing a generated data set (DatasetFileWriter) and writing
# SMOTE's resampled table (ResampledTableWriter: input rows copied, then synthetic rows). Best of REPS runs each.
#
#   bash benchmarks/table_io.sh                 # 200,000 rows, best of 3, writes benchmarks/results/table_io.md
#   ROWS=50000 REPS=2 bash benchmarks/table_io.sh
#   BASE=<commit> bash benchmarks/table_io.sh   # also times the code of <commit> (a git archive in a temp folder),
#                                               # alternating with this checkout, so both see the same load
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-200000}
REPS=${REPS:-3}
OUT=${OUT:-benchmarks/results/table_io.md}
dotnet build benchmarks/Imbalanced.Benchmarks -c Release -v quiet -nologo >/dev/null
HERE=benchmarks/Imbalanced.Benchmarks/bin/Release/net10.0/Imbalanced.Benchmarks.dll
BASE_DLL=""
if [[ -n "${BASE:-}" ]]; then
  TMP=$(mktemp -d)
  trap 'rm -rf "$TMP"' EXIT
  git archive "$BASE" | tar -x -C "$TMP"
  dotnet build "$TMP/benchmarks/Imbalanced.Benchmarks" -c Release -v quiet -nologo >/dev/null
  BASE_DLL=$TMP/benchmarks/Imbalanced.Benchmarks/bin/Release/net10.0/Imbalanced.Benchmarks.dll
fi
{
  echo "# Table I/O: CSV and Parquet on the same data"
  echo
  echo "Made by \`benchmarks/table_io.sh\` (ROWS=$ROWS, best of REPS=$REPS): $ROWS rows x 20 numeric features + a"
  echo "label, 5% minority, from \`ClassificationGenerator\`. *read*: TableReader.Read + TableDataset.Build;"
  echo "*write generated*: DatasetFileWriter; *write resampled*: ResampledTableWriter of SMOTE's result. MB: file size."
  echo
  if [[ -n "$BASE_DLL" ]]; then
    echo "## before: $(git rev-parse --short "$BASE") (load average at start: $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    dotnet "$BASE_DLL" io "$ROWS" "$REPS"
    echo
    echo "## after: $(git rev-parse --short HEAD) (load average at start: $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
  fi
  dotnet "$HERE" io "$ROWS" "$REPS"
  echo
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
    "$(free -g | awk '/Mem:/ {print $2}') GB; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); code: $(git rev-parse --short HEAD); .NET SDK $(dotnet --version)"
} | tee "$OUT"
