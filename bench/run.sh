#!/usr/bin/env bash
# The segc bench in one command (README.md): builds segc, the bench tools and
# segc-datagen into build-bench/, generates the customer CSV, installs the
# pinned DuckDB node package into bench/node/ if missing, then measures every
# speed target of the issue on that one data set:
#   1. each reference segment: segc's JIT, the reference interpreter,
#      hand-written loops and DuckDB (segc_bench, duckdb_counts.mjs);
#   2. --many segments in one fused pass against reading their columns once,
#      and against DuckDB;
#   3. compiling those segments with an empty and with a warm compile cache;
#   4. `segc import` of the CSV against DuckDB's read_csv into a table (per
#      --import-threads), and opening the imported file;
#   5. `segc run` of --run-segments segments over the imported file, writing
#      Roaring bitmaps: wall time and peak RSS.
# It checks that all counts agree (exit code 1 when one does not, after the
# tables) and ends with one table of targets: measured, goal, met.
#
#   bench/run.sh [--rows N] [--reps N] [--interpreter-rows N] [--duckdb-threads N] [--many N]
#                [--run-segments N] [--import-threads 1,2] [--import-reps N] [--skip-import]
#                [--duckdb-many-reps N]
#
# --duckdb-many-reps: reps of DuckDB's --many-count statement (default --reps;
# at 10M rows one rep takes minutes).
#
# SEGC_BENCH_BUILD_DIR overrides the build folder (default build-bench/ in the
# repository); the data goes to its bench-data/ folder and is reused, the
# results of this run to bench-data/results-ROWS/ (emptied first).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=10000000
reps=5
interpreter_rows=1000000
duckdb_threads=1
many=200
run_segments=50
import_threads=1,2
import_reps=1
duckdb_many_reps=
skip_import=0
usage="usage: bench/run.sh [--rows N] [--reps N] [--interpreter-rows N] [--duckdb-threads N] [--many N]
                    [--run-segments N] [--import-threads 1,2] [--import-reps N] [--skip-import]
                    [--duckdb-many-reps N]"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --interpreter-rows) interpreter_rows="$2"; shift 2 ;;
    --duckdb-threads) duckdb_threads="$2"; shift 2 ;;
    --many) many="$2"; shift 2 ;;
    --run-segments) run_segments="$2"; shift 2 ;;
    --import-threads) import_threads="$2"; shift 2 ;;
    --import-reps) import_reps="$2"; shift 2 ;;
    --duckdb-many-reps) duckdb_many_reps="$2"; shift 2 ;;
    --skip-import) skip_import=1; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
if (( run_segments > many )); then
  echo "--run-segments must not exceed --many: the run's counts are checked against those of --many" >&2
  exit 2
fi
build="${SEGC_BENCH_BUILD_DIR:-$repo/build-bench}"
as_of=2026-11-01
schema="$repo/examples/retail/schema.seg"

# shellcheck source=bench/prepare.sh
. "$repo/bench/prepare.sh"
prepare_build segc segc_bench segc-datagen segc_columnar_open segc_time_command
prepare_data
results="$data_dir/results-$rows"
rm -rf "$results"
mkdir -p "$results"

if [[ ! -d "$repo/bench/node/node_modules/@duckdb/node-api" ]]; then
  echo "installing the pinned @duckdb/node-api into bench/node"
  # npm ci refuses a lock file without the other platforms' optional
  # bindings (a registry mirror may not have them); npm install --no-save
  # then installs the same locked versions and leaves the lock file alone.
  (cd "$repo/bench/node" &&
     { npm ci --no-audit --no-fund || npm install --no-save --no-audit --no-fund; })
fi

# Exit code 1 of a check means counts disagree: noted, and the run goes on to
# the targets table; any other failure stops the run.
disagree=0
check() {
  "$@" && return 0
  local code=$?
  if (( code == 1 )); then disagree=1; else exit "$code"; fi
}

many_rules="$data_dir/many-$many.seg"
many_sql="$data_dir/many-$many.json"
node "$repo/bench/many_segments.mjs" --count "$many" --seg "$many_rules" --sql "$many_sql" \
  --as-of "$as_of"
run_rules="$data_dir/many-$run_segments.seg"
node "$repo/bench/many_segments.mjs" --count "$run_segments" --seg "$run_rules" \
  --sql "$data_dir/many-$run_segments.json" --as-of "$as_of"

echo
echo "== 1-3. reference segments, $many segments in one pass, compile cache"
check "$build/bench/segc_bench" --data "$data" --rules "$repo/bench/reference_segments.seg" \
  --as-of "$as_of" --reps "$reps" --interpreter-rows "$interpreter_rows" \
  --tsv "$results/reference.tsv" --many-rules "$many_rules" --many-tsv "$results/many.tsv" \
  --cache-root "$data_dir"
check node "$repo/bench/duckdb_counts.mjs" --data "$data" --cpp-tsv "$results/reference.tsv" \
  --as-of "$as_of" --reps "$reps" --threads "$duckdb_threads" --many-sql "$many_sql" \
  --many-tsv "$results/many.tsv" --many-out "$results/duckdb-many.tsv" \
  --many-reps "${duckdb_many_reps:-$reps}"

echo
echo "== 4. segc import against DuckDB read_csv (threads $import_threads, $import_reps rounds, medians)"
columnar="$data_dir/customers-$rows.segcol"
if (( skip_import )); then
  echo "skipped (--skip-import)"
  if [[ ! -s "$columnar" ]]; then
    echo "importing $data once, untimed, for the next steps"
    "$segc" import "$data" --schema "$schema" -o "$columnar" >/dev/null
  fi
else
  # In rounds: each round imports once with segc and once with DuckDB per
  # thread count, the two back to back and in turn first, so that both see
  # the same state of the machine (on a virtual one the cost of fresh pages
  # moves by seconds within minutes); targets.mjs takes the medians.
  first=""
  # One timed import of each kind, for $threads in round $round.
  segc_import() {
    local out="$data_dir/customers-$rows-t$threads.segcol"
    "$time_command" --reps 1 --tsv "$results/import-segc-t$threads-r$round.tsv" \
      --label "segc import --threads $threads, round $round" -- \
      "$segc" import "$data" --schema "$schema" -o "$out" --threads "$threads"
    # The file must not depend on the thread count or the round
    # (docs/columnar-format.md).
    if [[ -z "$first" ]]; then
      first="$data_dir/customers-$rows-first.segcol"
      mv "$out" "$first"
    else
      if ! cmp -s "$first" "$out"; then
        echo "MISMATCH segc import: $out differs from the first import" >&2
        disagree=1
      fi
      rm -f "$out"
    fi
  }
  duckdb_import() {
    check node "$repo/bench/duckdb_import.mjs" --data "$data" --rows "$rows" \
      --threads "$threads" --reps 1 --out "$results/import-duckdb-t$threads-r$round.tsv"
  }
  for (( round = 1; round <= import_reps; ++round )); do
    for threads in ${import_threads//,/ }; do
      if (( round % 2 == 1 )); then segc_import; duckdb_import; else duckdb_import; segc_import; fi
    done
  done
  mv "$first" "$columnar"
fi
"$build/bench/segc_columnar_open" "$columnar" --rules "$run_rules" --reps 7 \
  --tsv "$results/open.tsv"

echo
echo "== 5. segc run of $run_segments segments over the imported file, Roaring out, 1 thread"
# A compile cache of its own, filled by the first run; the timed runs are
# new processes that load the code from it.
# Both in the results folder, which is new for each run and row count.
run_cache="$results/run-cache"
run_out="$results/run-out"
run_command=(env "SEGC_CACHE_DIR=$run_cache" "$segc" run "$run_rules" --data "$columnar"
             --as-of "$as_of" --threads 1 --out "$run_out" --out-format roaring)
"${run_command[@]}" >/dev/null
"$time_command" --reps "$reps" --tsv "$results/run.tsv" --label "segc run" -- "${run_command[@]}"
check node "$repo/bench/check_run_output.mjs" --out "$run_out" --many-tsv "$results/many.tsv" \
  --rows "$rows"

node "$repo/bench/targets.mjs" --results "$results" --run-segments "$run_segments"
if (( disagree )); then
  echo "COUNTS DISAGREE (see MISMATCH above)"
  exit 1
fi
echo "all counts agree"
