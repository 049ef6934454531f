#!/bin/bash
# Static cost of the word code segc generates for a rule file: the
# instructions in the loop bodies of its word-code groups (one iteration
# computes 64 rows of every segment of the group), and how many of them are
# register spills and reloads. Load-independent, so changes to code
# generation can be compared on a busy machine where timings cannot.
#
#   tools/word-code-stats.sh SEGC RULES DATA [CPU]
#
# SEGC is a built segc binary, RULES a rule file (e.g. from
# bench/many_segments.mjs), DATA a CSV it runs on (the column widths come
# from the data), CPU an llc -mcpu name (default: the host's).
set -euo pipefail
if (( $# < 3 )); then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
segc=$1 rules=$2 data=$3 cpu=${4:-native}
llc=$(command -v llc-19 || command -v llc) || { echo "llc-19 not found (Debian llvm-19)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$segc" run "$rules" --data "$data" --emit-llvm > "$work/all.ll"
# --emit-llvm prints each module in turn; llc takes one at a time.
awk -v dir="$work" '/^; ModuleID/ { n++ } n { print > (dir "/module" n ".ll") }' "$work/all.ll"
for module in "$work"/module*.ll; do
  "$llc" -O3 -mcpu="$cpu" "$module" -o "${module%.ll}.s"
done
cat "$work"/module*.s | awk '
  /# %lanes.body$/ { body = 1; groups++; next }
  /^[.A-Za-z_].*:/ && !/# %lanes.body$/ { body = 0 }
  body && /^\tj[a-z]+\t/ { body = 0 }
  body && /^\t[a-z]/ { instructions++; if (/Spill/) spills++; if (/Reload/) reloads++ }
  END {
    printf "word-code groups: %d\nloop-body instructions: %d\n", groups, instructions
    printf "  spills: %d\n  reloads: %d\n", spills, reloads
  }'
