#!/usr/bin/env bash
# Every test: install what is missing, build, run the test suite, then build
# again with AddressSanitizer + UndefinedBehaviorSanitizer and run it there too;
# then fuzz each libFuzzer target briefly (tests/fuzz/README.md). The corpora
# are replayed by CTest in both builds.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh

tools/build.sh
ctest --test-dir build --output-on-failure -j 2

BUILD_DIR=build-asan tools/build.sh -DSEGC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j 2

tools/fuzz.sh all "${FUZZ_SECONDS:-45}"
