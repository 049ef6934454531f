# Human-readable output counts in good English (1 customer, 2 customers) and
# says what did not happen in the command's own terms: import imports,
# nothing is evaluated.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

wd_dir="$work/wording"
mkdir -p "$wd_dir"
printf 'schema customer {\n  key id: int\n  age: int\n}\nsegment adults = age >= 18\n' >"$wd_dir/rules.seg"
printf 'id,age\n1,30\n' >"$wd_dir/one.csv"
printf 'id,age\n1,30\n2,12\n' >"$wd_dir/two.csv"

expect_exit 0 "$segc" run "$wd_dir/rules.seg" --data "$wd_dir/one.csv" --as-of 2026-11-01
grep -q '^as of 2026-11-01, 1 customer in ' "$work/out" || fail "wording: run summary of one row: $(head -1 "$work/out")"
expect_exit 0 "$segc" run "$wd_dir/rules.seg" --data "$wd_dir/two.csv" --as-of 2026-11-01
grep -q '^as of 2026-11-01, 2 customers in ' "$work/out" || fail "wording: run summary of two rows: $(head -1 "$work/out")"

expect_exit 0 "$segc" import "$wd_dir/one.csv" --schema "$wd_dir/rules.seg" -o "$wd_dir/one.segcol"
grep -q 'one.segcol: 1 row, 2 columns imported from ' "$work/out" || fail "wording: import of one row: $(cat "$work/out")"
printf 'schema customer {\n  key id: int\n}\n' >"$wd_dir/key_only.seg"
printf 'id\n1\n2\n' >"$wd_dir/keys.csv"
expect_exit 0 "$segc" import "$wd_dir/keys.csv" --schema "$wd_dir/key_only.seg" -o "$wd_dir/key.segcol"
grep -q 'key.segcol: 2 rows, 1 column imported from ' "$work/out" || fail "wording: import of one column: $(cat "$work/out")"

# What a stopped import says: it imports, it never evaluates.
printf 'id,age\n1,x\n' >"$wd_dir/bad.csv"
expect_exit 1 "$segc" import "$wd_dir/bad.csv" --schema "$wd_dir/rules.seg" -o "$wd_dir/bad.segcol"
grep -q 'bad.csv: bad data, nothing was imported' "$work/err" || fail "wording: import of bad data: $(cat "$work/err")"
grep -q 'evaluated' "$work/err" && fail "wording: import says nothing was evaluated"
printf 'schema customer {\n  key id: int\n  age: int\n}\nsegment adults = agee >= 18\n' >"$wd_dir/broken.seg"
expect_exit 1 "$segc" import "$wd_dir/one.csv" --schema "$wd_dir/broken.seg" -o "$wd_dir/broken.segcol"
grep -qx '1 error: nothing was imported' "$work/err" || fail "wording: import with errors in the schema: $(tail -1 "$work/err")"
expect_exit 1 "$segc" run "$wd_dir/rules.seg" --data "$wd_dir/bad.csv"
grep -q 'bad.csv: bad data, nothing was evaluated' "$work/err" || fail "wording: run of bad data: $(cat "$work/err")"

# More bad rows than are shown: one more problem.
{ echo id,age; for i in $(seq 1 101); do echo "$i,x"; done; } >"$wd_dir/many.csv"
expect_exit 1 "$segc" run "$wd_dir/rules.seg" --data "$wd_dir/many.csv"
grep -q 'many.csv: 1 more problem not shown' "$work/err" || fail "wording: one problem not shown: $(grep 'not shown' "$work/err")"
