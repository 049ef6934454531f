#!/usr/bin/env bash
# The main job on the bundled example: install what is missing, build, check
# the retail rule set, run its test blocks, and evaluate every segment and the
# November partition over the bundled customer data, printing their sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
tools/build.sh
build/cli/segc check examples/retail
build/cli/segc test examples/retail
build/cli/segc run examples/retail --data examples/retail/customers.csv --as-of 2026-11-01 \
  --out build/example-output
echo "member lists and manifest.json: build/example-output/"
# Why one customer got the partition group it got.
build/cli/segc explain examples/retail --data examples/retail/customers.csv --key 2 --as-of 2026-11-01 november
