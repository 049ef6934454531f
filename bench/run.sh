#!/usr/bin/env bash
# The segc bench in one command (README.md): builds segc_bench and segc-datagen
# into build-bench/, generates the customer CSV, installs the pinned DuckDB
# node package into bench/node/ if missing, runs segc's JIT, the reference
# interpreter, hand-written loops and DuckDB on the same data, checks that all
# counts agree and prints the table. Exit code 1 when counts disagree.
#
#   bench/run.sh [--rows N] [--reps N] [--interpreter-rows N] [--duckdb-threads N] [--many N]
#
# SEGC_BENCH_BUILD_DIR overrides the build folder (default build-bench/ in the
# repository); the data goes to its bench-data/ folder and is reused.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=10000000
reps=5
interpreter_rows=1000000
duckdb_threads=1
many=200
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --interpreter-rows) interpreter_rows="$2"; shift 2 ;;
    --duckdb-threads) duckdb_threads="$2"; shift 2 ;;
    --many) many="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--rows N] [--reps N] [--interpreter-rows N] [--duckdb-threads N] [--many N]" >&2
       exit 2 ;;
  esac
done
build="${SEGC_BENCH_BUILD_DIR:-$repo/build-bench}"
as_of=2026-11-01

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$repo" -B "$build" -G Ninja -DSEGC_BUILD_BENCH=ON "${launcher[@]}" >/dev/null
ninja -C "$build" segc_bench segc-datagen

data_dir="$build/bench-data"
data="$data_dir/customers-$rows.csv"
mkdir -p "$data_dir"
if [[ ! -s "$data" ]]; then
  echo "generating $rows customers into $data"
  "$build/tools/datagen/segc-datagen" --rows "$rows" --as-of "$as_of" -o "$data"
fi

if [[ ! -d "$repo/bench/node/node_modules/@duckdb/node-api" ]]; then
  echo "installing the pinned @duckdb/node-api into bench/node"
  # npm ci refuses a lock file without the other platforms' optional
  # bindings (a registry mirror may not have them); npm install --no-save
  # then installs the same locked versions and leaves the lock file alone.
  (cd "$repo/bench/node" &&
     { npm ci --no-audit --no-fund || npm install --no-save --no-audit --no-fund; })
fi

many_rules="$data_dir/many-$many.seg"
many_sql="$data_dir/many-$many.json"
node "$repo/bench/many_segments.mjs" --count "$many" --seg "$many_rules" --sql "$many_sql" \
  --as-of "$as_of"

tsv="$data_dir/segc-$rows.tsv"
many_tsv="$data_dir/segc-many-$rows.tsv"
"$build/bench/segc_bench" --data "$data" --rules "$repo/bench/reference_segments.seg" \
  --as-of "$as_of" --reps "$reps" --interpreter-rows "$interpreter_rows" --tsv "$tsv" \
  --many-rules "$many_rules" --many-tsv "$many_tsv"
node "$repo/bench/duckdb_counts.mjs" --data "$data" --cpp-tsv "$tsv" --as-of "$as_of" \
  --reps "$reps" --threads "$duckdb_threads" --many-sql "$many_sql" --many-tsv "$many_tsv"
