# Shared by compare.sh and widths.sh (source it; it is not run on its own): builds the `imbalanced` command and
# the engine benchmark, generates the data, and times one resampling on each side, so that every side-by-side
# table in the repository is measured the same way.
#
# After bench_setup ROWS: $WORK (removed on exit), $CLI, $BENCH (the engine benchmark's dll), $DATA, $SIZE.
# Needs: the .NET SDK; Debian's python3-imblearn python3-pandas libopenblas0-pthread (for the reference side).

REF=${REF:-../shared/tools/imblearn_reference.py}

bench_setup() { # ROWS
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
  dotnet publish src/Imbalanced.Cli -c Release -o "$WORK/cli" >/dev/null
  dotnet build benchmarks/Imbalanced.Benchmarks -c Release -o "$WORK/bench" >/dev/null
  CLI="$WORK/cli/imbalanced"
  BENCH="$WORK/bench/Imbalanced.Benchmarks.dll"
  DATA="$WORK/data.csv"
  "$CLI" generate --rows "$1" --features 20 --weights 0.95 --seed 0 --output "$DATA"
  SIZE=$(stat -c %s "$DATA")
}

measure() { # COMMAND... -> "seconds peak_kb cpu_seconds" of the whole command; its stdout is kept in $WORK/out
  # CPU seconds (user + system) move less than wall-clock seconds when other work shares the machine.
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  awk '{ print $1, $2, $3 + $4 }' "$WORK/time"
}

# The reference side runs /usr/bin/python3 with OpenBLAS's kernel chosen by the environment given (by default,
# none: OpenBLAS picks the machine's best, as the environment notes advise; a preset OPENBLAS_CORETYPE is
# dropped either way).
python_env() { # [NAME=VALUE...] -> a command prefix
  echo env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$@" /usr/bin/python3
}

ours_resample() { # METHOD [NAME=VALUE...] -> "seconds peak_kb cpu_seconds": whole process, start-up included
  local method=$1
  shift
  measure env "$@" "$CLI" resample "$DATA" --target label --method "$method" --output "$WORK/ours.csv" --quiet
}

theirs_resample() { # METHOD [NAME=VALUE...] -> "seconds peak_kb cpu_seconds"
  # The reference reports its own read-resample-write time (Python start-up and imports excluded); its CPU
  # seconds are the whole process's, imports included.
  local method=$1 kb cpu
  shift
  read -r _ kb cpu < <(measure $(python_env "$@") "$REF" time "$DATA" --target label --method "$method" \
    --output "$WORK/theirs.csv")
  echo "$(sed 's/.*"seconds": \([0-9.]*\).*/\1/' "$WORK/out") $kb $cpu"
}
