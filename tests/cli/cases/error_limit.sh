# --error-limit: at most N errors (and N warnings) per file are printed, then a
# note says how many more there are; 0 prints all. Every output format is
# bounded the same way, and a long line is cut to a window around the caret.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

limit_dir="$work/error_limit"
mkdir -p "$limit_dir"
cp tests/golden/check/common/schema.seg "$limit_dir/schema.seg"
{
  printf 'import "schema.seg"\n'
  for _ in $(seq 150); do printf '@\n'; done
} >"$limit_dir/many.seg"

# The default limit is 100; the summary counts all 150.
expect_exit 1 "$segc" check "$limit_dir/many.seg"
[ "$(grep -c 'error\[E0102\]' "$work/err")" -eq 100 ] ||
  fail "check does not stop at 100 errors: $(grep -c 'error\[E0102\]' "$work/err") printed"
grep -qx "$limit_dir/many.seg: note: 50 more errors not shown (--error-limit 0 shows all)" "$work/err" ||
  fail "check does not say how many errors it left out: $(tail -2 "$work/err")"
grep -qx '150 errors, 0 warnings' "$work/err" || fail "the summary does not count every error"

expect_exit 1 "$segc" check --error-limit 0 "$limit_dir/many.seg"
[ "$(grep -c 'error\[E0102\]' "$work/err")" -eq 150 ] || fail "--error-limit 0 does not print every error"
grep -q 'not shown' "$work/err" && fail "--error-limit 0 still leaves errors out"

expect_exit 1 "$segc" check --error-limit 3 --format json "$limit_dir/many.seg"
python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["error_count"] == 150 and len(d["diagnostics"]) == 3 and d["omitted_error_count"] == 147, d' \
  <"$work/out" || fail "--format json is not bounded by --error-limit: $(head -c 300 "$work/out")"
expect_exit 1 "$segc" check --error-limit 3 --format sarif "$limit_dir/many.seg"
python3 -c 'import json,sys; r=json.load(sys.stdin)["runs"][0]; assert len(r["results"]) == 3 and r["properties"]["omittedErrorCount"] == 147' \
  <"$work/out" || fail "--format sarif is not bounded by --error-limit"
expect_exit 1 "$segc" check --error-limit 3 --format github "$limit_dir/many.seg"
[ "$(grep -c '^::error ' "$work/out")" -eq 3 ] || fail "--format github is not bounded by --error-limit"
grep -q '^::notice .*147 more errors not shown' "$work/out" || fail "--format github does not count what it left out"

for bad in -1 x; do
  expect_exit 2 "$segc" check --error-limit "$bad" "$limit_dir/many.seg"
done

# The commands that compile rules before using them take the flag too.
expect_exit 1 "$segc" test --error-limit 2 "$limit_dir/many.seg"
[ "$(grep -c 'error\[E0102\]' "$work/err")" -eq 2 ] || fail "segc test ignores --error-limit"
expect_exit 1 "$segc" run --error-limit 2 "$limit_dir/many.seg" --data /dev/null
[ "$(grep -c 'error\[E0102\]' "$work/err")" -eq 2 ] || fail "segc run ignores --error-limit"
printf 'segment a = ) )\nsegment b = ) )\n' >"$limit_dir/syntax.seg"
expect_exit 1 "$segc" fmt --error-limit 1 "$limit_dir/syntax.seg"
[ "$(grep -c 'error\[E0101\]' "$work/err")" -eq 1 ] || fail "segc fmt ignores --error-limit"

# A flood on one 40 KB line: bounded output, the caret still under its '@'.
python3 -c 'import sys; sys.stdout.write("@ " * 20000 + "\n")' >"$limit_dir/flood.seg"
expect_exit 1 "$segc" check "$limit_dir/flood.seg"
[ "$(wc -c <"$work/err")" -lt 65536 ] || fail "a one-line flood prints $(wc -c <"$work/err") bytes"
awk 'length($0) > 200 { exit 1 }' "$work/err" || fail "an excerpt of a long line is not cut"
grep -q 'flood.seg:1:199: error\[E0102\]' "$work/err" || fail "the 100th error is not printed"

# Data errors follow --error-limit too (run and import), 100 by default.
printf 'schema customer {\n  key id: int\n  age: int\n}\nsegment adults = age >= 18\n' >"$limit_dir/ages.seg"
{ echo "id,age"; for i in $(seq 1 150); do echo "$i,x$i"; done; } >"$limit_dir/bad_ages.csv"
expect_exit 1 "$segc" run "$limit_dir/ages.seg" --data "$limit_dir/bad_ages.csv" --error-limit 2
[ "$(grep -c 'error: expected an int' "$work/err")" -eq 2 ] || fail "run --error-limit 2 prints $(grep -c 'error: expected an int' "$work/err") data errors"
grep -q '148 more problems not shown (--error-limit 0 shows all)' "$work/err" || fail "run: no count of the data errors left out"
expect_exit 1 "$segc" run "$limit_dir/ages.seg" --data "$limit_dir/bad_ages.csv"
[ "$(grep -c 'error: expected an int' "$work/err")" -eq 100 ] || fail "run prints $(grep -c 'error: expected an int' "$work/err") data errors by default"
expect_exit 1 "$segc" run "$limit_dir/ages.seg" --data "$limit_dir/bad_ages.csv" --error-limit 0
[ "$(grep -c 'error: expected an int' "$work/err")" -eq 150 ] || fail "run --error-limit 0 does not print every data error"
expect_exit 1 "$segc" import "$limit_dir/bad_ages.csv" --schema "$limit_dir/ages.seg" -o "$limit_dir/ages.segcol" --error-limit 3
[ "$(grep -c 'error: expected an int' "$work/err")" -eq 3 ] || fail "import ignores --error-limit for data errors"
