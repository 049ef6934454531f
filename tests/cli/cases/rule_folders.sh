# Rule folders with entries that cannot be read as rule files: a loop of
# symbolic links, a dangling link, a FIFO. Each is a diagnostic naming its
# path, and the other files are still checked; no command fails with an
# internal error.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

folders_dir="$work/folders"
mkdir -p "$folders_dir/rules"
cp tests/golden/check/common/schema.seg "$folders_dir/rules/schema.seg"
printf 'import "schema.seg"\n\nsegment buyers = channel = "emial"\n' >"$folders_dir/rules/typo.seg"
ln -s loop_b.seg "$folders_dir/rules/loop_a.seg"
ln -s loop_a.seg "$folders_dir/rules/loop_b.seg"
ln -s no_such_file.seg "$folders_dir/rules/dangling.seg"
mkfifo "$folders_dir/rules/pipe.seg"
printf 'id,age\n1,30\n' >"$folders_dir/data.csv"

for folders_command in "check" "test" "run --data $folders_dir/data.csv --as-of 2026-11-01" "fmt --check"; do
  # shellcheck disable=SC2086
  expect_exit 1 timeout 20 "$segc" $folders_command "$folders_dir/rules"
  grep -q "internal error" "$work/err" && fail "$folders_command of a folder with a link loop: internal error"
  grep -q "rules/loop_a.seg: error\[E0315\]" "$work/err" ||
    fail "$folders_command: the link loop loop_a.seg is not reported: $(head -3 "$work/err")"
  grep -q "rules/loop_b.seg: error\[E0315\]" "$work/err" ||
    fail "$folders_command: the link loop loop_b.seg is not reported"
  grep -q "rules/dangling.seg: error\[E0315\]" "$work/err" ||
    fail "$folders_command: the dangling link is not reported"
  grep -q "rules/pipe.seg: error\[E0314\]" "$work/err" ||
    fail "$folders_command: the FIFO is not reported"
done
# check goes on with the other files: the typo is found too.
expect_exit 1 timeout 20 "$segc" check "$folders_dir/rules"
grep -q 'typo.seg:3:28: error\[E0203\]' "$work/err" || fail "check of a folder with a link loop skips typo.seg"
grep -qx '5 errors, 0 warnings' "$work/err" || fail "check of a folder with a link loop: $(tail -1 "$work/err")"
expect_exit 1 timeout 20 "$segc" check --format json "$folders_dir/rules"
python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["error_count"] == 5, d' <"$work/out" ||
  fail "check --format json of a folder with a link loop"
# A loop named on the command line cannot be read: exit 2, not 3.
expect_exit 2 "$segc" check "$folders_dir/rules/loop_a.seg"
grep -q "loop_a.seg" "$work/err" || fail "check of a link loop does not name it"

if [ "$(id -u)" != 0 ]; then  # root reads folders whatever their mode
  mkdir -p "$folders_dir/locked/closed"
  cp "$folders_dir/rules/typo.seg" "$folders_dir/rules/schema.seg" "$folders_dir/locked/"
  chmod 000 "$folders_dir/locked/closed"
  expect_exit 1 "$segc" check "$folders_dir/locked"
  grep -q "locked/closed: error\[E0315\]" "$work/err" || fail "an unreadable subfolder is not reported"
  grep -q 'typo.seg:3:28: error\[E0203\]' "$work/err" || fail "an unreadable subfolder stops the check"
  chmod 755 "$folders_dir/locked/closed"
fi
