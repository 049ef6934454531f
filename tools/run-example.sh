#!/usr/bin/env bash
# The main job on the bundled example: install what is missing, build, and
# check the retail rule set.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
tools/build.sh
build/cli/segc check examples/retail
echo "examples/retail: no problems found"
