#!/usr/bin/env bash
# Fuzzes the targets of tests/fuzz with libFuzzer, under ASan and UBSan.
#
#   tools/fuzz.sh TARGET SECONDS [--merge] [LIBFUZZER_FLAG...]
#
# TARGET is rules, csv, columnar, differential, or all (each in turn for
# SECONDS). The first run builds build-fuzz/ with clang-19 (SEGC_FUZZ=ON).
# libFuzzer starts from the committed corpus (tests/fuzz/corpus/TARGET) and
# the seeds (tests/fuzz/CMakeLists.txt); inputs that reach new code go to the
# working corpus build-fuzz/corpus/TARGET. --merge then folds those, minimised,
# into tests/fuzz/corpus/TARGET, to commit. A crash or a broken invariant is
# saved as build-fuzz/crashes/TARGET/crash-* and the script exits 1: fix it,
# then add the input to tests/fuzz/corpus/TARGET, where CTest replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
target=$1
seconds=$2
shift 2
merge=false
if [ "${1:-}" = --merge ]; then
  merge=true
  shift
fi
all_targets=(rules csv columnar differential)
case "$target" in
  all) targets=("${all_targets[@]}") ;;
  rules | csv | columnar | differential) targets=("$target") ;;
  *) echo "tools/fuzz.sh: unknown target '$target' (rules, csv, columnar, differential, all)" >&2; exit 2 ;;
esac

build=${FUZZ_BUILD_DIR:-build-fuzz}
# Several campaigns may start at once (one per core): one configures and
# builds while the others wait, since two CMake runs in one build folder
# break each other.
mkdir -p "$build"
(
  flock 9
  CC=clang-19 CXX=clang++-19 cmake -S . -B "$build" -G Ninja -DSEGC_FUZZ=ON -DSEGC_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j "${JOBS:-2}" --target "${targets[@]/#/fuzz_}"
) 9>"$build/.fuzz-build.lock"

status=0
for name in "${targets[@]}"; do
  mkdir -p "$build/corpus/$name" "$build/crashes/$name"
  seeds=()
  case "$name" in
    rules) seeds=(tests/golden/check tests/golden/eval tests/golden/format examples/retail stdlib) ;;
  esac
  flags=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1
         -artifact_prefix="$build/crashes/$name/")
  [ "$name" = rules ] && flags+=(-dict=tests/fuzz/seg.dict)
  # The JIT engine and the rule checker's caches live for the whole process:
  # not leaks of one input.
  case "$name" in columnar | differential) flags+=(-detect_leaks=0) ;; esac
  echo "== fuzz_$name for ${seconds}s"
  if ! ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_may_return_null=1} UBSAN_OPTIONS=print_stacktrace=1 \
      "$build/tests/fuzz/fuzz_$name" "${flags[@]}" "$@" "$build/corpus/$name" "tests/fuzz/corpus/$name" \
      "${seeds[@]}"; then
    echo "tools/fuzz.sh: fuzz_$name failed; the input is in $build/crashes/$name/" >&2
    status=1
    continue
  fi
  if $merge; then
    mkdir -p "$build/merged/$name"
    "$build/tests/fuzz/fuzz_$name" -merge=1 -detect_leaks=0 "tests/fuzz/corpus/$name" "$build/corpus/$name"
  fi
done
exit $status
