# An interrupted or killed run leaves things as they were (docs/run.md, "What
# an interrupted run leaves"): no results folder it created, and no rejects
# file beside results it did not write.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

int_dir="$work/interrupt"
mkdir -p "$int_dir"
printf 'schema customer {\n  key id: int\n  age: int\n}\nsegment adults = age >= 18\n' >"$int_dir/rules.seg"

# A first run into a new folder, interrupted while it waits for its data (a
# FIFO nobody writes): the folder it created goes too. The results folder is
# opened before the data is read, so the signal lands after it exists.
mkfifo "$int_dir/data.fifo"
for signal in INT TERM; do
  rm -rf "$int_dir/new"
  expect_exit $((128 + $(kill -l "$signal"))) timeout --preserve-status -s "$signal" 1 \
    "$segc" run "$int_dir/rules.seg" --data "$int_dir/data.fifo" --as-of 2026-11-01 --out "$int_dir/new"
  [ -e "$int_dir/new" ] && fail "interrupt: SIG$signal left the results folder the run created"
  ls -a "$int_dir" | grep -q 'segc-' && fail "interrupt: SIG$signal left a staging folder"
done

# A run with --rejects killed while it writes its results (by the file size
# limit, SIGXFSZ): the previous results stay, and the rejected rows of the
# run that never finished are not put beside them.
{ echo id,age; seq 1 20000 | sed 's/$/,30/'; echo 20001,x; } >"$int_dir/big.csv"
printf 'id,age\n1,30\n' >"$int_dir/small.csv"
expect_exit 0 "$segc" run "$int_dir/rules.seg" --data "$int_dir/small.csv" --as-of 2026-11-01 --out "$int_dir/o"
cp -r "$int_dir/o" "$int_dir/o.before"
{ (ulimit -f 64 && exec "$segc" run "$int_dir/rules.seg" --data "$int_dir/big.csv" --as-of 2026-11-01 \
  --out "$int_dir/o" --on-error skip --rejects "$int_dir/rj.csv" >/dev/null 2>&1); } 2>/dev/null
[ $? -ge 128 ] || fail "interrupt: the run under ulimit -f was not killed"
diff -r "$int_dir/o" "$int_dir/o.before" >/dev/null || fail "interrupt: a killed run changed the previous results"
[ -e "$int_dir/rj.csv" ] && fail "interrupt: a killed run wrote its rejects file beside the previous results"
ls -a "$int_dir" | grep -q 'segc-' && fail "interrupt: a killed run left a temporary file"

# Finished, the same run writes both.
expect_exit 1 "$segc" run "$int_dir/rules.seg" --data "$int_dir/big.csv" --as-of 2026-11-01 \
  --out "$int_dir/o" --on-error skip --rejects "$int_dir/rj.csv"
grep -q '^20002,' "$int_dir/rj.csv" || fail "interrupt: a finished run did not write its rejects file"
grep -q '"rejected_rows": 1' "$int_dir/o/manifest.json" || fail "interrupt: a finished run did not write its results"
