#!/usr/bin/env bash
# End-to-end tests of the segc command line: exit codes, output streams and
# files. Usage: run_cli_tests.sh PATH_TO_SEGC PATH_TO_ROARING_KEYS (run from
# the repository root; roaring_keys is the test tool in tests/cli/roaring_keys.cpp).
set -u
segc=$1
roaring_keys=$2
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The compile cache of every run here; never the user's own.
export SEGC_CACHE_DIR="$work/cache"

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_exit CODE CMD...: runs CMD with stdout/stderr captured in $work/out, $work/err.
expect_exit() {
  local want=$1
  shift
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    fail "expected exit $want, got $got: $*"
    sed 's/^/    stderr: /' "$work/err" | head -20
  fi
}

for test_file in tests/cli/cases/*.sh; do
  [ -e "$test_file" ] || continue
  # shellcheck source=/dev/null
  . "$test_file"
done

if [ "$failures" -ne 0 ]; then
  echo "$failures CLI check(s) failed"
  exit 1
fi
echo "all CLI checks passed"
