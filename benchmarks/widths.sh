#!/usr/bin/env bash
# Side by side at each SIMD width, in one run: the `imbalanced` command with its neighbour engine held to 512-,
# 256- or 128-bit vectors, against imbalanced-learn with OpenBLAS held to the matching kernel.
#
#   bash benchmarks/widths.sh                          # 200,000 rows x 20 features, 5% minority
#   ROWS=50000 METHODS="enn" bash benchmarks/widths.sh # smaller, fewer methods
#   WIDTHS="256 128" bash benchmarks/widths.sh         # some widths only
#
# Our width is forced through the .NET runtime's switches, so the JIT compiles exactly what a machine without
# the wider instructions gets: DOTNET_EnableAVX512=0 leaves AVX2 with its 16 vector registers (an AVX2 laptop);
# DOTNET_EnableAVX2=0 leaves 128-bit SSE/AVX without FMA (closest to an old x64; ARM64 NEON has FMA and 32
# registers, so it does better). OpenBLAS: SkylakeX (AVX-512), Haswell (AVX2), Nehalem (SSE).
# A width this machine cannot run is reported and skipped. Timing protocol as in compare.sh (side-by-side.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/side-by-side.sh
ROWS=${ROWS:-200000}
bench_setup "$ROWS"
"$CLI" generate --rows 600 --features 20 --weights 0.95 --seed 0 --output "$WORK/probe.csv"

dotnet_env() { # BITS -> the runtime switches that hold the engine to that width
  case $1 in
    512) echo DOTNET_EnableAVX512=1 ;;
    256) echo DOTNET_EnableAVX512=0 ;;
    128) echo DOTNET_EnableAVX2=0 ;;
  esac
}
openblas_kernel() { # BITS -> OpenBLAS core type with that vector width
  case $1 in 512) echo SkylakeX ;; 256) echo Haswell ;; 128) echo Nehalem ;; esac
}

# Wall clock as in compare.sh, and CPU seconds (user + system, whole process on both sides), which other work on
# the machine disturbs less.
echo "| vector width | task ($ROWS x 20, 5% minority) | imbalanced | imbalanced-learn | speed-up \
| imbalanced CPU | imbalanced-learn CPU | CPU ratio |"
echo "|---|---|---|---|---|---|---|---|"
for bits in ${WIDTHS:-512 256 128}; do
  ours_env=$(dotnet_env "$bits")
  kernel=$(openblas_kernel "$bits")
  # The width the engine really uses under these switches (the probe prints it).
  width=$(env "$ours_env" dotnet "$BENCH" knn "$WORK/probe.csv" label 5 | sed 's/.*"width": "\([A-Za-z0-9]*\)".*/\1/')
  if [ "$width" != "W$bits" ]; then
    echo "$bits-bit: skipped, the engine runs $width here" >&2
    continue
  fi
  for method in ${METHODS:-enn tomek-links smote}; do
    read -r ours_s _ ours_cpu < <(ours_resample "$method" "$ours_env")
    read -r ref_s _ ref_cpu < <(theirs_resample "$method" "OPENBLAS_CORETYPE=$kernel")
    printf "| %d-bit (\`%s\`; OpenBLAS %s) | resample --method %s | %.2f s | %.2f s | %.1fx | %.1f s | %.1f s | %.1fx |\n" \
      "$bits" "$ours_env" "$kernel" "$method" "$ours_s" "$ref_s" "$(awk "BEGIN{print $ref_s / $ours_s}")" \
      "$ours_cpu" "$ref_cpu" "$(awk "BEGIN{print $ref_cpu / $ours_cpu}")"
  done
done
echo
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
