# segc fmt: printing, --check, --write, --diff, stdin, and the exit codes.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

fmt_dir="$work/fmt"
mkdir -p "$fmt_dir/rules/nested"
printf 'segment a=x\nsegment   b = y and   z\n' >"$fmt_dir/rules/messy.seg"
printf 'segment a = x\n\nsegment b = y and z\n' >"$fmt_dir/expected.seg"
printf 'segment c = x\n' >"$fmt_dir/rules/nested/clean.seg"
printf 'segment broken = \n' >"$fmt_dir/broken.seg"
cp "$fmt_dir/broken.seg" "$fmt_dir/broken.orig"

# Printing one file gives just its canonical text.
expect_exit 0 "$segc" fmt "$fmt_dir/rules/messy.seg"
cmp -s "$work/out" "$fmt_dir/expected.seg" || fail "fmt FILE does not print the canonical layout"
[ -s "$work/err" ] && fail "fmt FILE wrote to stderr"

# Several files: each after a header.
expect_exit 0 "$segc" fmt "$fmt_dir/rules/messy.seg" "$fmt_dir/rules/nested/clean.seg"
grep -qx "==> $fmt_dir/rules/messy.seg <==" "$work/out" || fail "fmt with two files prints no header"

# --check lists the files that differ and exits 1; the folder is searched.
expect_exit 1 "$segc" fmt --check "$fmt_dir/rules"
grep -q "messy.seg" "$work/out" || fail "fmt --check does not list the unformatted file"
grep -q "clean.seg" "$work/out" && fail "fmt --check lists a formatted file"
expect_exit 0 "$segc" fmt --check "$fmt_dir/rules/nested/clean.seg"
[ -s "$work/out" ] && fail "fmt --check prints something for a formatted file"

# --diff shows the change as a unified diff and changes nothing.
expect_exit 0 "$segc" fmt --diff "$fmt_dir/rules/messy.seg"
grep -q '^-segment a=x$' "$work/out" || fail "fmt --diff does not show the removed line"
grep -q '^+segment a = x$' "$work/out" || fail "fmt --diff does not show the added line"
grep -q '^@@ ' "$work/out" || fail "fmt --diff prints no hunk header"
expect_exit 1 "$segc" fmt --check --diff "$fmt_dir/rules/messy.seg"

# --write rewrites in place, after which --check is clean and --write is a no-op.
expect_exit 0 "$segc" fmt --write "$fmt_dir/rules"
cmp -s "$fmt_dir/rules/messy.seg" "$fmt_dir/expected.seg" || fail "fmt --write did not rewrite the file"
expect_exit 0 "$segc" fmt --check "$fmt_dir/rules"
[ -s "$work/out" ] && fail "fmt --check lists files after fmt --write"
for leftover in "$fmt_dir"/rules/.*segc-fmt*; do
  [ -e "$leftover" ] && fail "fmt --write left a temporary file: $leftover"
done

# Standard input.
expect_exit 0 sh -c "printf 'segment a=x\n' | \"\$1\" fmt -" sh "$segc"
[ "$(cat "$work/out")" = "segment a = x" ] || fail "fmt - does not format standard input"
expect_exit 1 sh -c "printf 'segment a=x\n' | \"\$1\" fmt --check --stdin-filename named.seg -" sh "$segc"
grep -q "named.seg" "$work/out" || fail "fmt --check - does not use --stdin-filename"
expect_exit 1 sh -c "printf 'segment a =\n' | \"\$1\" fmt --stdin-filename named.seg -" sh "$segc"
grep -q "^named.seg:" "$work/err" || fail "fmt - does not name stdin by --stdin-filename in diagnostics"

# A missing file and bad flags exit 2.
expect_exit 2 "$segc" fmt "$fmt_dir/does-not-exist.seg"
[ -s "$work/err" ] || fail "fmt with a missing file says nothing on stderr"
expect_exit 2 "$segc" fmt --write --check "$fmt_dir/rules"
expect_exit 2 "$segc" fmt --no-such-flag "$fmt_dir/rules"

# A file with a syntax error: diagnostics, exit 1, not printed, not rewritten.
expect_exit 1 "$segc" fmt "$fmt_dir/broken.seg"
grep -q "broken.seg:1:" "$work/err" || grep -q "broken.seg:2:" "$work/err" ||
  fail "fmt does not report where the syntax error is"
grep -q "error\[E0" "$work/err" || fail "fmt does not print the diagnostic code"
[ -s "$work/out" ] && fail "fmt printed a file with a syntax error"
expect_exit 1 "$segc" fmt --write "$fmt_dir/broken.seg"
cmp -s "$fmt_dir/broken.seg" "$fmt_dir/broken.orig" || fail "fmt --write changed a file with a syntax error"
