# segc check: exit codes, output formats and the streams they go to, --werror,
# GITHUB_STEP_SUMMARY, folders, stdin and colour.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

check_dir="$work/check"
# A repository (a .git entry makes its top the rules' root, docs/imports.md),
# so that rules/typo.seg may import ../schema.seg.
mkdir -p "$check_dir/rules/nested" "$check_dir/clean" "$check_dir/.git"
cp tests/golden/check/common/schema.seg "$check_dir/schema.seg"
cp tests/golden/check/common/schema.seg "$check_dir/clean/schema.seg"
printf 'import "schema.seg"\n\nsegment adults = age >= 18\nsegment moscow = city = "Москва"\n' \
  >"$check_dir/clean/rules.seg"
printf 'import "../schema.seg"\n\nsegment buyers = channel = "emial"\n' >"$check_dir/rules/typo.seg"
printf 'import "../../schema.seg"\n\nsegment old = agee > 60\n' >"$check_dir/rules/nested/field.seg"
printf 'not a rule file\n' >"$check_dir/rules/notes.txt"
# Legal but suspicious: `!=` drops customers whose channel is missing (W0601).
printf 'import "schema.seg"\n\nsegment not_sms = channel != "sms"\n' >"$check_dir/warning.seg"

# ---- exit codes --------------------------------------------------------------

# Clean rules: exit 0 and nothing printed.
expect_exit 0 "$segc" check "$check_dir/clean/rules.seg"
[ -s "$work/err" ] && fail "check of a clean file printed to stderr: $(head -3 "$work/err")"
[ -s "$work/out" ] && fail "check of a clean file printed to stdout"
expect_exit 0 "$segc" check examples/retail

# Errors: exit 1, text diagnostics and a summary line on stderr, nothing on stdout.
expect_exit 1 "$segc" check "$check_dir/rules/typo.seg"
grep -q 'typo.seg:3:28: error\[E0203\]: unknown value "emial"' "$work/err" ||
  fail "check does not print the E0203 diagnostic with its location"
grep -q 'help: did you mean "email"?' "$work/err" || fail "check does not print the help line"
grep -qx '1 error, 0 warnings' "$work/err" || fail "check prints no '1 error, 0 warnings' summary"
[ -s "$work/out" ] && fail "text diagnostics went to stdout"

# Warnings only: exit 0, but 1 under --werror, where they are printed as errors.
expect_exit 0 "$segc" check "$check_dir/warning.seg"
grep -q 'warning\[W0601\]' "$work/err" || fail "check does not print the W0601 warning"
grep -qx '0 errors, 1 warning' "$work/err" || fail "check prints no '0 errors, 1 warning' summary"
expect_exit 1 "$segc" check --werror "$check_dir/warning.seg"
grep -q 'error\[W0601\]' "$work/err" || fail "--werror does not turn the warning into an error"

# The command itself cannot run: exit 2 (E0001: the file cannot be read).
expect_exit 2 "$segc" check "$check_dir/no_such_file.seg"
grep -q 'no_such_file.seg' "$work/err" || fail "a missing file is not named on stderr"
[ -s "$work/out" ] && fail "a missing file printed to stdout"
expect_exit 2 "$segc" check --format yaml "$check_dir/clean/rules.seg"
expect_exit 2 "$segc" check --no-such-flag "$check_dir/clean/rules.seg"
expect_exit 2 "$segc" check
if [ "$(id -u)" != 0 ]; then  # root reads files whatever their mode
  printf 'segment a = age > 1\n' >"$check_dir/unreadable.seg"
  chmod 000 "$check_dir/unreadable.seg"
  expect_exit 2 "$segc" check "$check_dir/unreadable.seg"
  chmod 644 "$check_dir/unreadable.seg"
fi

# ---- folders and stdin -------------------------------------------------------

# A folder means every *.seg below it, nested folders included; other files are skipped.
expect_exit 1 "$segc" check "$check_dir/rules"
grep -q 'typo.seg:3:28: error\[E0203\]' "$work/err" || fail "a folder argument skips typo.seg"
grep -q 'field.seg:3:15: error\[E0202\]' "$work/err" || fail "a folder argument skips nested/field.seg"
grep -q 'notes.txt' "$work/err" && fail "a folder argument checks a .txt file"
grep -qx '2 errors, 0 warnings' "$work/err" || fail "a folder argument does not count 2 errors"

# "-" reads the rules from stdin; imports are relative to the current folder.
expect_exit 0 sh -c 'cd "$2" && printf "import \"schema.seg\"\nsegment adults = age >= 18\n" | "$1" check -' \
  sh "$(realpath "$segc")" "$check_dir"
expect_exit 1 sh -c 'printf "segment adults = age >= 18\n" | "$1" check -' sh "$segc"
grep -q '^<stdin>:1:1: error\[E0304\]' "$work/err" || fail "check - does not call stdin <stdin>"

# ---- machine-readable formats go to stdout -----------------------------------

expect_exit 1 "$segc" check --format json "$check_dir/rules"
python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["format_version"] == 1; assert d["error_count"] == 2; assert len(d["diagnostics"]) == 2' \
  <"$work/out" || fail "--format json is not the documented JSON: $(head -c 300 "$work/out")"
[ -s "$work/err" ] && fail "--format json wrote to stderr: $(head -3 "$work/err")"
expect_exit 0 "$segc" check --format json "$check_dir/clean/rules.seg"
python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["error_count"] == 0 and d["diagnostics"] == []' \
  <"$work/out" || fail "--format json of a clean file is not an empty report"

expect_exit 1 "$segc" check --format sarif "$check_dir/rules/typo.seg"
python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["version"] == "2.1.0"; assert d["runs"][0]["tool"]["driver"]["name"] == "segc"; assert d["runs"][0]["results"][0]["ruleId"] == "E0203"' \
  <"$work/out" || fail "--format sarif is not SARIF 2.1.0 with the E0203 result"

expect_exit 1 "$segc" check --format junit "$check_dir/rules"
python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.stdin)' <"$work/out" ||
  fail "--format junit is not XML"
grep -q '<failure' "$work/out" || fail "--format junit has no failure"

# GitHub workflow commands: one ::error line per error, the summary table appended.
summary="$check_dir/step_summary.md"
printf '# Earlier step output\n' >"$summary"
expect_exit 1 env GITHUB_STEP_SUMMARY="$summary" "$segc" check --format github "$check_dir/rules"
[ "$(wc -l <"$work/out")" -eq 2 ] || fail "--format github does not print one line per error"
grep -v '^::error ' "$work/out" && fail "--format github prints lines that are not ::error commands"
grep -q '^::error file=.*typo.seg,line=3,.*title=E0203::' "$work/out" ||
  fail "--format github lacks file, line and title: $(head -1 "$work/out")"
grep -qx '# Earlier step output' "$summary" || fail "GITHUB_STEP_SUMMARY was overwritten, not appended to"
grep -q '^|.*E0203' "$summary" || fail "GITHUB_STEP_SUMMARY has no table row for E0203"
grep -q '^|.*E0202' "$summary" || fail "GITHUB_STEP_SUMMARY has no table row for E0202"
expect_exit 0 env GITHUB_STEP_SUMMARY="$summary" "$segc" check --format github "$check_dir/warning.seg"
grep -q '^::warning ' "$work/out" || fail "--format github does not print a warning as ::warning"
# A summary file segc creates is never writable by others, whatever the umask;
# one it cannot write is a warning, and the exit code is the check's.
(umask 000 && expect_exit 1 env GITHUB_STEP_SUMMARY="$check_dir/new_summary.md" "$segc" check --format github \
  "$check_dir/rules")
[ -n "$(find "$check_dir/new_summary.md" -perm -o+w)" ] && fail "GITHUB_STEP_SUMMARY was created writable by others"
grep -q '^|.*E0203' "$check_dir/new_summary.md" || fail "the new GITHUB_STEP_SUMMARY has no table row for E0203"
expect_exit 1 env GITHUB_STEP_SUMMARY="$check_dir" "$segc" check --format github "$check_dir/rules"
grep -q "warning: cannot append the summary to GITHUB_STEP_SUMMARY=$check_dir" "$work/err" ||
  fail "an unwritable GITHUB_STEP_SUMMARY is not reported: $(cat "$work/err")"

# ---- colour ------------------------------------------------------------------

esc=$(printf '\033')
# Not a terminal: no escape codes, whatever NO_COLOR says.
expect_exit 1 "$segc" check "$check_dir/rules/typo.seg"
grep -q "$esc" "$work/err" && fail "check writes escape codes to a pipe"
if command -v script >/dev/null 2>&1; then
  # A terminal: colour, unless NO_COLOR is set.
  script -qec "\"$segc\" check \"$check_dir/rules/typo.seg\"" /dev/null >"$check_dir/tty.txt" 2>&1
  grep -q "$esc\[" "$check_dir/tty.txt" || fail "check on a terminal is not coloured"
  NO_COLOR=1 script -qec "\"$segc\" check \"$check_dir/rules/typo.seg\"" /dev/null \
    >"$check_dir/tty.txt" 2>&1
  grep -q "$esc\[" "$check_dir/tty.txt" && fail "check on a terminal with NO_COLOR set is coloured"
  grep -q 'error\[E0203\]' "$check_dir/tty.txt" || fail "check on a terminal prints no diagnostic"
fi
