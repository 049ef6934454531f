#!/usr/bin/env bash
# The speed targets of issue 17 (explain, diff, report) on generated
# customers, each against a baseline measured in the same run, ending with a
# table of targets (measured, goal, met):
#   1. `segc explain` of one customer on the columnar file, against `segc run`
#      of the same segment (a full scan); goal: at most 0.2 s;
#   2. `segc diff --base HEAD` of --segments rules, a tenth of them edited,
#      against two `segc run`s (the base rules and the edited ones); goal:
#      at most 2x;
#   3. `segc report` of those rules, against one `segc run` of them; goal:
#      at most 3 s.
# Every command's output is checked too: explain's membership against the
# run's member list, the diff's sizes against the two runs' summaries, the
# report's counts against the run's manifest.
#
#   bench/insight.sh [--rows N] [--reps N] [--segments N]
#
# Builds segc, segc-datagen and segc_time_command with -DSEGC_BUILD_BENCH=ON
# into SEGC_BENCH_BUILD_DIR (default build-bench/), generates and imports the
# customers into its bench-data/ (reused, as bench/run.sh does), writes the
# rules with bench/many_segments.mjs (Node.js) and this run's files into
# bench-data/insight-ROWS/ (emptied first). Exit 1 when an output disagrees.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=10000000
reps=5
segments=200
usage="usage: bench/insight.sh [--rows N] [--reps N] [--segments N]"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --segments) segments="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
build="${SEGC_BENCH_BUILD_DIR:-$repo/build-bench}"
as_of=2026-11-01
schema="$repo/examples/retail/schema.seg"
# shellcheck source=bench/prepare.sh
. "$repo/bench/prepare.sh"
prepare_build segc segc-datagen segc_time_command
prepare_data
columnar="$data_dir/customers-$rows.segcol"
if [[ ! -s "$columnar" ]]; then
  echo "importing $data into $columnar"
  "$segc" import "$data" --schema "$schema" -o "$columnar" >/dev/null
fi
results="$data_dir/insight-$rows"
rm -rf "$results"
mkdir -p "$results"
# A compile cache of this run's own, warmed by the first (untimed) commands.
export SEGC_CACHE_DIR="$results/cache"
disagree=0
mismatch() { echo "MISMATCH: $*" >&2; disagree=1; }

# The rules: --segments generated segments in a git repository; the work
# tree has every tenth segment's first number moved by one.
repo_dir="$results/rules"
mkdir -p "$repo_dir"
node "$repo/bench/many_segments.mjs" --count "$segments" --seg "$repo_dir/many.seg" --sql "$results/many.json" \
  --as-of "$as_of" >/dev/null
git -C "$repo_dir" init -q
git -C "$repo_dir" add -A
git -C "$repo_dir" -c user.name=bench -c user.email=bench@localhost commit -q -m base
python3 - "$repo_dir/many.seg" <<'PY'
import re, sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
count = 0
for i, line in enumerate(lines):
    if line.startswith("segment "):
        if count % 10 == 0:
            head, _, rule = line.partition(" = ")
            lines[i] = head + " = " + re.sub(r"(?<![\w.-])(\d+)(?![\w.-])", lambda m: str(int(m.group(1)) + 1), rule, count=1)
        count += 1
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
git -C "$repo_dir" show HEAD:many.seg >"$results/base.seg"
cp "$repo_dir/retail-schema.seg" "$results/"  # base.seg and head.seg import it
cp "$repo_dir/many.seg" "$results/head.seg"
first=$(grep -m1 -o '^segment [A-Za-z0-9_]*' "$results/head.seg" | cut -d' ' -f2)
key=$((rows / 2 + 1))
day=(--as-of "$as_of")

echo
echo "== 1. segc explain of customer $key in $first, against segc run of $first"
"$segc" run "$results/head.seg" --data "$columnar" "${day[@]}" --segments "$first" --out "$results/one" >/dev/null
"$time_command" --reps "$reps" --tsv "$results/explain.tsv" --label "segc explain" -- \
  "$segc" explain "$results/head.seg" --data "$columnar" "${day[@]}" --key "$key" "$first" --format json
"$time_command" --reps "$reps" --tsv "$results/explain-run.tsv" --label "segc run --segments $first" -- \
  "$segc" run "$results/head.seg" --data "$columnar" "${day[@]}" --segments "$first"
member=$("$segc" explain "$results/head.seg" --data "$columnar" "${day[@]}" --key "$key" "$first" --format json |
  python3 -c 'import json, sys; print(str(json.load(sys.stdin)["member"]).lower())')
if grep -qx "$key" "$results/one/$first.keys"; then want=true; else want=false; fi
[[ "$member" == "$want" ]] || mismatch "explain says member=$member for $key, run's list says $want"

echo
echo "== 2. segc diff of $segments segments (a tenth edited) against two segc runs"
"$segc" run "$results/base.seg" --data "$columnar" "${day[@]}" --format json >"$results/base-summary.json"
"$segc" run "$results/head.seg" --data "$columnar" "${day[@]}" --format json >"$results/head-summary.json"
"$time_command" --reps "$reps" --tsv "$results/run-base.tsv" --label "segc run (base rules)" -- \
  "$segc" run "$results/base.seg" --data "$columnar" "${day[@]}"
"$time_command" --reps "$reps" --tsv "$results/run-head.tsv" --label "segc run (edited rules)" -- \
  "$segc" run "$results/head.seg" --data "$columnar" "${day[@]}"
"$time_command" --reps "$reps" --tsv "$results/diff.tsv" --label "segc diff" -- \
  "$segc" diff "$repo_dir/many.seg" --base HEAD --data "$columnar" "${day[@]}" --format json
"$segc" diff "$repo_dir/many.seg" --base HEAD --data "$columnar" "${day[@]}" --format json >"$results/diff.json"
python3 - "$results/diff.json" "$results/base-summary.json" "$results/head-summary.json" <<'PY' || disagree=1
import json, sys
diff = json.load(open(sys.argv[1]))
def counts(path):
    summary = json.load(open(path))
    items = summary["segments"] if isinstance(summary, dict) else summary
    return {item["segment"] if "segment" in item else item["name"]: item["members"] for item in items}
base, head = counts(sys.argv[2]), counts(sys.argv[3])
bad = [s["name"] for s in diff["segments"] if s["before"] != base.get(s["name"]) or s["after"] != head.get(s["name"])]
changed = sum(1 for s in diff["segments"] if s["status"] == "changed")
print(f"diff: {len(diff['segments'])} segments, {changed} changed; sizes agree with the runs: {not bad}")
if bad:
    sys.exit(f"MISMATCH: diff sizes differ from the runs for {bad[:5]}")
PY

echo
echo "== 3. segc report of $segments segments against segc run of them"
"$time_command" --reps "$reps" --tsv "$results/report.tsv" --label "segc report" -- \
  "$segc" report "$results/head.seg" --data "$columnar" "${day[@]}" -o "$results/report.html"
"$segc" run "$results/head.seg" --data "$columnar" "${day[@]}" --out "$results/run" >/dev/null
python3 - "$results/report.html" "$results/run/manifest.json" <<'PY' || disagree=1
import html, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
shown = {html.unescape(n): int(c) for n, c in re.findall(
    r'<th scope="row"><a href="#segment-\d+">([^<]*)</a></th><td class="num" data-sort="(\d+)">', page)}
want = {s["name"]: s["members"] for s in json.load(open(sys.argv[2]))["segments"]}
print(f"report: {len(shown)} segments on the page, {len(page) / 1e6:.1f} MB; counts agree with the run: {shown == want}")
if shown != want:
    sys.exit("MISMATCH: the report's counts differ from segc run's")
PY

echo
python3 - "$results" "$rows" "$segments" "$first" <<'PY'
import sys
results, rows, segments, first = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def wall(name):
    lines = open(f"{results}/{name}.tsv").read().split("\n")
    return float(lines[1].split("\t")[0])
ms = lambda x: f"{x / 1000:.2f} s" if x >= 1000 else f"{x:.0f} ms"
explain, explain_run = wall("explain"), wall("explain-run")
run_base, run_head, diff, report = wall("run-base"), wall("run-head"), wall("diff"), wall("report")
print(f"| target ({rows:,} customers) | measured | baseline in the same run | ratio | goal | met |")
print("| --- | --- | --- | --- | --- | --- |")
print(f"| 1. explain one customer in {first} | {ms(explain)} | segc run of {first}: {ms(explain_run)} | {explain / explain_run:.2f}x | ≤ 0.2 s | {'yes' if explain <= 200 else 'NO'} |")
two = run_base + run_head
print(f"| 2. diff of {segments} segments | {ms(diff)} | two segc runs: {ms(run_base)} + {ms(run_head)} = {ms(two)} | {diff / two:.2f}x | ≤ 2x | {'yes' if diff <= 2 * two else 'NO'} |")
print(f"| 3. report of {segments} segments | {ms(report)} | segc run of them: {ms(run_head)} | {report / run_head:.2f}x | ≤ 3 s | {'yes' if report <= 3000 else 'NO'} |")
PY
if (( disagree )); then
  echo "OUTPUTS DISAGREE (see MISMATCH above)"
  exit 1
fi
echo "all outputs agree"
