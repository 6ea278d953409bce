#!/usr/bin/env bash
# The cost of running methods over P = 1, 2, 4, 8 partitions on one machine (PartitionedResampling, docs/scale.md):
# generated data (20 features, 5% minority), ROWS rows (default 200000). Writes benchmarks/results/partitions.md.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
dotnet build benchmarks/Imbalanced.Benchmarks -c Release -o /tmp/imbalanced-bench >/dev/null
out=benchmarks/results/partitions.md
{
  echo "# Partitioned runs: cost of P = 1, 2, 4, 8 on one machine"
  echo
  echo "Made by \`benchmarks/partitions.sh $rows\`: $rows generated rows x 20 features, 5% minority, seed 0;"
  echo "partitions run in parallel on this machine's cores; bytes are what a cluster would move (8 per value, 4 per"
  echo "row number). Exact neighbour index; the k-NN join broadcasts the whole table here (docs/scale.md)."
  echo
  dotnet /tmp/imbalanced-bench/Imbalanced.Benchmarks.dll partitions "$rows"
  echo
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); code: $(git rev-parse --short HEAD); .NET SDK $(dotnet --version)"
} > "$out"
cat "$out"
