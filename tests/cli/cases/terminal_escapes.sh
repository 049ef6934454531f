# Control characters from rules and data never reach the terminal raw: ESC
# (colours, clearing the screen), OSC (window titles, hyperlinks), BEL, CR
# (overwriting a line), NUL (cutting a message short) and bidi overrides are
# printed the way a Seg string writes them (\u{1B}, \u{D}, \u{0}, \u{202E}) in diagnostics, test reports, data
# errors and run summaries. A rule file in a pull request must not be able to
# rewrite what the CI log shows.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

esc_dir="$work/escapes"
mkdir -p "$esc_dir"
# no_raw_controls WHAT: fails when $work/out or $work/err holds ESC, BEL, CR,
# NUL, another C0 control but tab and newline, DEL, a C1 control or a bidi override.
no_raw_controls() {
  local stream
  for stream in out err; do
    if python3 - "$work/$stream" <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read()
bad = re.search(rb'[\x00-\x08\x0b-\x1f\x7f]', data)
text = data.decode('utf-8', 'replace')
bad = bad or re.search('[\u0080-\u009f\u202a-\u202e\u2066-\u2069]', text)
sys.exit(0 if bad else 1)
PY
    then
      fail "$1: raw control characters on std$stream: $(head -c 300 "$work/$stream" | od -c | head -5)"
    fi
  done
}

printf 'schema customer {\n  key id: int\n  age: int\n  city: string\n  channel: enum("email", "sms")\n}\n' \
  >"$esc_dir/schema.seg"

# A diagnostic quoting a string literal that holds raw ESC/OSC/BEL/DEL and a
# bidi override; its excerpt shows the same line.
printf 'import "schema.seg"\nsegment s = channel = "\033]0;pwned\007\033[2J\177\342\200\256x"\n' \
  >"$esc_dir/literal.seg"
expect_exit 1 "$segc" check "$esc_dir/literal.seg"
no_raw_controls "check of a string literal with control characters"
grep -q 'E0203' "$work/err" || fail "the escaped literal's E0203 is not printed"
grep -qF '\u{1B}]0;pwned\u{7}\u{1B}[2J\u{7F}\u{202E}x' "$work/err" ||
  fail "the literal's control characters are not shown escaped: $(head -3 "$work/err")"
# The caret still sits under the opening quote (column 23), after the escapes widened the line.
grep -q '^ *| *\^~*$' "$work/err" || fail "no caret line"
line=$(grep -F '    2 | ' "$work/err")
caret=$(grep '^ *| *\^' "$work/err")
[ "$(expr index "$caret" '^')" -eq "$(( $(expr index "$line" '"') ))" ] ||
  fail "the caret does not line up with the quote: [$line] [$caret]"

# Control characters in a test name and a given value: escaped in the report.
printf 'import "schema.seg"\nsegment adults = age >= 18\ntest "a\001b\033[31m" {\n  given { age: 10, city: "\033]8;;http://x\033\\\\c" } expect adults\n}\n' \
  >"$esc_dir/test.seg"
expect_exit 1 "$segc" test "$esc_dir/test.seg"
no_raw_controls "a failing segc test with control characters"
grep -qF 'test "a\u{1}b\u{1B}[31m", customer 1: expected adults' "$work/err" ||
  fail "the test name is not escaped: $(head -2 "$work/err")"
grep -qF 'city: "\u{1B}]8;;http://x\u{1B}\\c"' "$work/err" ||
  fail "the given value is not shown escaped: $(cat "$work/err")"
# A NUL in a rule string is refused (E0104); the excerpt shows it escaped and
# the message is not cut there.
printf 'import "schema.seg"\nsegment s = city = "a\000b\033[2J"\n' >"$esc_dir/nul.seg"
expect_exit 1 "$segc" check "$esc_dir/nul.seg"
no_raw_controls "a NUL in a rule string"
grep -qF 'segment s = city = "a\u{0}b\u{1B}[2J"' "$work/err" ||
  fail "the excerpt of a string with NUL is cut or not escaped: $(head -4 "$work/err")"
expect_exit 1 "$segc" check --format github "$esc_dir/literal.seg"
no_raw_controls "github annotations"

# CSV data: a header name and a bad value with ESC, OSC, CR and NUL (the CSV
# reader itself already writes CR and LF in a field as \r and \n).
printf 'import "schema.seg"\nsegment adults = age >= 18\n' >"$esc_dir/rules.seg"
printf 'id,age,city,"\033]0;t\007x\r"\n1,20,a,b\n' >"$esc_dir/header.csv"
expect_exit 1 "$segc" run "$esc_dir/rules.seg" --data "$esc_dir/header.csv" --as-of 2026-01-01
no_raw_controls "a CSV header with control characters"
grep -qF '\u{1B}]0;t\u{7}x\r' "$work/err" || fail "the CSV header name is not shown escaped: $(cat "$work/err")"
printf 'id,age,city\n1,"2\033[2J\0003",a\n' >"$esc_dir/value.csv"
expect_exit 1 "$segc" run "$esc_dir/rules.seg" --data "$esc_dir/value.csv" --as-of 2026-01-01
no_raw_controls "a bad CSV value with control characters"
grep -qF '2\u{1B}[2J\u{0}3' "$work/err" || fail "the bad CSV value is not shown escaped: $(cat "$work/err")"

# A data file whose name holds ESC, in the run summary.
printf 'id,age,city\n1,20,a\n' >"$esc_dir/data$(printf '\033')[2J.csv"
expect_exit 0 "$segc" run "$esc_dir/rules.seg" --data "$esc_dir/data$(printf '\033')[2J.csv" --as-of 2026-01-01
no_raw_controls "a run summary naming a data file with ESC"
grep -qF 'data\u{1B}[2J.csv' "$work/out" || fail "the data file's name is not shown escaped: $(cat "$work/out")"

# A data file name that is not UTF-8 (a Latin-1 name): the JSON summary and the
# manifest replace the byte (U+FFFD) instead of failing with an internal error;
# the table writes it as \x{FF}.
latin1="$esc_dir/d$(printf '\377').csv"
printf 'id,age,city\n1,20,a\n' >"$latin1"
expect_exit 0 "$segc" run "$esc_dir/rules.seg" --data "$latin1" --as-of 2026-01-01 --format json --out "$esc_dir/out"
python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["data"].endswith("d\ufffd.csv")' <"$work/out" ||
  fail "the JSON summary of a non-UTF-8 data path: $(head -c 300 "$work/err")"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$esc_dir/out/manifest.json" ||
  fail "the manifest of a non-UTF-8 data path is not JSON"
expect_exit 0 "$segc" run "$esc_dir/rules.seg" --data "$latin1" --as-of 2026-01-01
grep -qF 'd\x{FF}.csv' "$work/out" || fail "the table does not escape a non-UTF-8 data path: $(head -1 "$work/out")"

# fmt --diff: a file name with ESC and a newline is escaped in the ---/+++
# lines, as check and fmt --check escape it; so are control characters in the
# removed lines (the formatter writes them as escapes in the added ones):
# fmt --check --diff runs on pull requests in CI.
esc_name="$esc_dir/x$(printf '\033')[31my
z.seg"
printf 'segment s = city = "a\033[2Jb"\nsegment t=x\n' >"$esc_name"
expect_exit 0 "$segc" fmt --diff "$esc_name"
no_raw_controls "fmt --diff of a file whose name and text hold control characters"
grep -qxF -- "--- $esc_dir/x\\u{1B}[31my\\nz.seg	(original)" "$work/out" ||
  fail "fmt --diff does not escape the file name: $(head -2 "$work/out")"
grep -qxF -- '-segment s = city = "a\u{1B}[2Jb"' "$work/out" ||
  fail "fmt --diff does not escape the removed line: $(cat "$work/out")"
expect_exit 1 "$segc" fmt --check --diff "$esc_name"
no_raw_controls "fmt --check --diff of a file whose name holds control characters"
