# Sourced by run.sh and insight.sh: builds the bench's programs and makes
# the generated customers, both reused between runs.
#   prepare_build TARGET...  configures $build with -DSEGC_BUILD_BENCH=ON and
#                            builds the targets; sets $segc and $time_command
#   prepare_data             generates $data_dir/customers-$rows.csv (as of
#                            $as_of) when missing; sets $data_dir and $data
# Both need $repo, $build, $rows and $as_of set.

prepare_build() {
  local launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake -S "$repo" -B "$build" -G Ninja -DSEGC_BUILD_BENCH=ON "${launcher[@]}" >/dev/null
  ninja -C "$build" -j2 "$@"
  segc="$build/cli/segc"
  time_command="$build/bench/segc_time_command"
}

prepare_data() {
  data_dir="$build/bench-data"
  data="$data_dir/customers-$rows.csv"
  mkdir -p "$data_dir"
  if [[ ! -s "$data" ]]; then
    echo "generating $rows customers into $data"
    "$build/tools/datagen/segc-datagen" --rows "$rows" --as-of "$as_of" -o "$data"
  fi
}
