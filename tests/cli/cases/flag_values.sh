# Flag values: an empty value (an unset variable in a script, --out "$OUT")
# is refused with exit 2 naming the flag, never taken as "not given".
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

fv_dir="$work/flag_values"
mkdir -p "$fv_dir/cwd"
cat >"$fv_dir/rules.seg" <<'SEG'
schema customer {
  key id: int
  age: int
}
segment adults = age >= 18
SEG
printf 'id,age\n1,30\n2,x\n' >"$fv_dir/data.csv"
fv_rules="$fv_dir/rules.seg"
fv_data="$fv_dir/data.csv"
fv_segc=$(realpath "$segc")

# expect_empty_refused NAME CMD...: exit 2, the first line of stderr names
# NAME and says its value is empty, and stdout is empty.
expect_empty_refused() {
  local name=$1
  shift
  expect_exit 2 "$@"
  head -1 "$work/err" | grep -q -- "^segc: $name: the value is empty; give " ||
    fail "empty $name is not refused by name: $(head -2 "$work/err") ($*)"
  [ -s "$work/out" ] && fail "empty $name: something on stdout ($*)"
}

fv_run() { "$segc" run "$fv_rules" --data "$fv_data" --on-error skip --rejects "$fv_dir/rejects.csv" "$@"; }
expect_empty_refused files "$segc" run "" --data "$fv_data"
expect_empty_refused --data "$segc" run "$fv_rules" --data ""
expect_empty_refused --as-of fv_run --as-of ""
expect_empty_refused --timezone fv_run --timezone ""
expect_empty_refused --segments fv_run --segments ""
expect_empty_refused --out fv_run --out ""
expect_exit 2 fv_run --out=  # CLI11: "--out: 1 required TEXT missing"
expect_empty_refused --out fv_run --out-format roaring --out ""
expect_empty_refused --root fv_run --root ""
expect_empty_refused --rejects "$segc" run "$fv_rules" --data "$fv_data" --on-error skip --rejects ""
expect_empty_refused --date-format fv_run --date-format ""
expect_empty_refused --delimiter fv_run --delimiter ""
expect_empty_refused --on-error fv_run --on-error ""
expect_empty_refused --format fv_run --format ""
expect_empty_refused --out-format fv_run --out "$fv_dir/o" --out-format ""
expect_empty_refused --engine fv_run --engine ""
[ -e "$fv_dir/o" ] && fail "empty flag: a results folder was written"
# --rejects "" wrote ./rejects.csv.
(cd "$fv_dir/cwd" && "$fv_segc" run "$fv_rules" --data "$fv_data" --on-error skip --rejects "" >/dev/null 2>&1)
[ -e "$fv_dir/cwd/rejects.csv" ] && fail "empty --rejects: rejects.csv written in the current folder"

expect_empty_refused files "$segc" check ""
expect_empty_refused --root "$segc" check --root "" "$fv_rules"
expect_empty_refused --format "$segc" check --format "" "$fv_rules"

expect_empty_refused files "$segc" test ""
expect_empty_refused --as-of "$segc" test --as-of "" "$fv_rules"
expect_empty_refused --timezone "$segc" test --timezone "" "$fv_rules"
expect_empty_refused --root "$segc" test --root "" "$fv_rules"
expect_empty_refused --engine "$segc" test --engine "" "$fv_rules"

expect_empty_refused files "$segc" fmt ""
expect_empty_refused --root "$segc" fmt --root "" "$fv_rules"
expect_empty_refused --stdin-filename "$segc" fmt --stdin-filename "" - <"$fv_rules"

fv_import() { "$segc" import "$fv_data" --schema "$fv_rules" -o "$fv_dir/data.segcol" --on-error skip "$@"; }
expect_empty_refused csv "$segc" import "" --schema "$fv_rules" -o "$fv_dir/data.segcol"
expect_empty_refused --schema "$segc" import "$fv_data" --schema "" -o "$fv_dir/data.segcol"
expect_empty_refused --output "$segc" import "$fv_data" --schema "$fv_rules" -o ""
expect_empty_refused --root fv_import --root ""
expect_empty_refused --rejects fv_import --rejects ""
expect_empty_refused --date-format fv_import --date-format ""
[ -e "$fv_dir/data.segcol" ] && fail "empty flag: import wrote its file"

# Numbers: a short message naming the flag and what it takes, not CLI11's
# "Value -1 not in range 0.000000 to 1797693134862315..." (300 digits).
{
  printf 'import "rules.seg"\n'
  for _ in $(seq 12); do printf '@\n'; done
} >"$fv_dir/twelve.seg"
# expect_number_refused MESSAGE CMD...: exit 2 and MESSAGE as the first line.
expect_number_refused() {
  local message=$1
  shift
  expect_exit 2 "$@"
  [ "$(head -1 "$work/err")" = "segc: $message" ] || fail "bad number: $(head -c 300 "$work/err") ($*)"
}
for fv_bad in -1 abc 0x10 1.5 " 3" +3; do
  expect_number_refused "--error-limit: expected a whole number 0 or more (0 prints all), got \"$fv_bad\"" \
    "$segc" check --error-limit "$fv_bad" "$fv_dir/twelve.seg"
  expect_number_refused "--threads: expected a whole number from 0 to 1024 (0 uses all cores), got \"$fv_bad\"" \
    fv_run --threads "$fv_bad"
  expect_number_refused "--threads: expected a whole number from 0 to 1024 (0 uses all cores), got \"$fv_bad\"" \
    fv_import --threads "$fv_bad"
done
fv_limit_message='--error-limit: expected a whole number 0 or more (0 prints all), got "-1"'
expect_number_refused "$fv_limit_message" "$segc" test --error-limit -1 "$fv_rules"
expect_number_refused "$fv_limit_message" "$segc" fmt --error-limit -1 "$fv_rules"
expect_number_refused "$fv_limit_message" fv_run --error-limit -1
expect_number_refused "$fv_limit_message" fv_import --error-limit -1
expect_number_refused '--threads: expected a whole number from 0 to 1024 (0 uses all cores), got "1025"' \
  fv_run --threads 1025
expect_number_refused '--threads: expected a whole number from 0 to 1024 (0 uses all cores), got "100000"' \
  fv_import --threads 100000
[ -e "$fv_dir/data.segcol" ] && fail "bad number: import wrote its file"
# A leading zero is decimal, not octal: 010 is ten errors, not eight.
expect_exit 1 "$segc" check --error-limit 010 "$fv_dir/twelve.seg"
[ "$(grep -c 'error\[E0102\]' "$work/err")" -eq 10 ] ||
  fail "--error-limit 010 printed $(grep -c 'error\[E0102\]' "$work/err") errors, not 10"
# More than a size_t holds still means "all".
expect_exit 1 "$segc" check --error-limit 99999999999999999999999 "$fv_dir/twelve.seg"
[ "$(grep -c 'error\[E0102\]' "$work/err")" -eq 12 ] || fail "a huge --error-limit does not print all"
expect_exit 1 fv_run --threads 1024

# --out . (or any folder holding the current folder): the swap would replace
# the folder the user's shell stands in, leaving it in a deleted folder. An
# empty folder and an earlier run's results are both what segc may replace.
printf 'id,age\n1,30\n2,12\n' >"$fv_dir/good.csv"
fv_good_run() { "$fv_segc" run "$fv_rules" --data "$fv_dir/good.csv" --as-of 2026-11-01 "$@"; }
mkdir -p "$fv_dir/results/empty" "$fv_dir/results/deep/deeper"
fv_good_run --out "$fv_dir/results/earlier" >/dev/null 2>&1 || fail "--out results: the first run failed"
ln -s "$fv_dir/results/empty" "$fv_dir/empty-link"
# expect_out_refused DIR OUT: `segc run --out OUT` in DIR is exit 2, says why
# and what to give instead, and leaves DIR as it was.
expect_out_refused() {
  local inode before
  inode=$(stat -c %i "$1")
  before=$(ls -A "$1")
  expect_exit 2 sh -c 'cd "$1" && shift && exec "$@"' sh "$1" \
    "$fv_segc" run "$fv_rules" --data "$fv_dir/good.csv" --as-of 2026-11-01 --out "$2"
  grep -q -- "^segc: --out $2 holds the current folder" "$work/err" && grep -q -- '--out results' "$work/err" ||
    fail "--out $2 in $1 is not refused clearly: $(head -2 "$work/err")"
  [ "$(stat -c %i "$1" 2>/dev/null)" = "$inode" ] && [ "$(ls -A "$1")" = "$before" ] ||
    fail "--out $2 in $1 replaced or changed the folder"
}
expect_out_refused "$fv_dir/results/empty" .
expect_out_refused "$fv_dir/results/empty" "$fv_dir/results/empty/"
expect_out_refused "$fv_dir/results/empty" "$fv_dir/empty-link"
expect_out_refused "$fv_dir/results/earlier" .
expect_out_refused "$fv_dir/results/deep/deeper" ..
expect_out_refused "$fv_dir/results/deep/deeper" "$fv_dir/results"
# A folder inside the current one is what to give.
expect_exit 0 sh -c 'cd "$1" && shift && exec "$@"' sh "$fv_dir/results/empty" \
  "$fv_segc" run "$fv_rules" --data "$fv_dir/good.csv" --as-of 2026-11-01 --out results
[ -f "$fv_dir/results/empty/results/adults.keys" ] || fail "--out results in the current folder wrote nothing"

# Flags are checked before the rules are read: a bad flag is exit 2 with its
# message first, whether the rules have errors (which were exit 1, the flag
# never mentioned) or warnings (which were printed before the flag's message).
cat >"$fv_dir/broken.seg" <<'SEG'
schema customer {
  key id: int
  age: int
}
segment adults = agee >= 18
SEG
cat >"$fv_dir/warned.seg" <<'SEG'
schema customer {
  key id: int
  age: int
}
segment odd = age between 30 and 20
SEG
"$segc" import "$fv_dir/good.csv" --schema "$fv_rules" -o "$fv_dir/good.segcol" >/dev/null ||
  fail "flag order: import of good.csv failed"
mkdir -p "$fv_dir/foreign" && echo notes >"$fv_dir/foreign/notes.txt"
# expect_flag_first MESSAGE CMD...: exit 2, MESSAGE starts stderr, and no
# diagnostic of the rules is printed.
expect_flag_first() {
  local message=$1
  shift
  expect_exit 2 "$@"
  head -1 "$work/err" | grep -qF -- "segc: $message" || fail "flag order: '$message' is not first: $(head -2 "$work/err") ($*)"
  grep -q 'error\[\|warning\[' "$work/err" && fail "flag order: the rules were checked before the flags ($*)"
}
for fv_seg in broken warned; do
  fv_r="$fv_dir/$fv_seg.seg"
  expect_flag_first "--as-of: '0000-12-31' is not a date" "$segc" run "$fv_r" --data "$fv_dir/good.csv" --as-of 0000-12-31
  expect_flag_first "--as-of: '2026-02-30' is not a date" "$segc" test "$fv_r" --as-of 2026-02-30
  expect_flag_first "--timezone: unknown time zone 'Mars/Base'" "$segc" run "$fv_r" --data "$fv_dir/good.csv" --timezone Mars/Base
  expect_flag_first "--timezone: unknown time zone 'Mars/Base'" "$segc" test "$fv_r" --timezone Mars/Base
  expect_flag_first "--date-format: date format 'DD.MM' must contain" "$segc" run "$fv_r" --data "$fv_dir/good.csv" --date-format DD.MM
  expect_flag_first "--date-format: date format 'DD.MM' must contain" \
    "$segc" import "$fv_dir/good.csv" --schema "$fv_r" -o "$fv_dir/x.segcol" --date-format DD.MM
  expect_flag_first "--data: cannot read $fv_dir/missing.csv: No such file or directory" \
    "$segc" run "$fv_r" --data "$fv_dir/missing.csv"
  expect_flag_first "--data: cannot read $fv_dir: Is a directory" "$segc" run "$fv_r" --data "$fv_dir"
  expect_flag_first "cannot read $fv_dir/missing.csv: No such file or directory" \
    "$segc" import "$fv_dir/missing.csv" --schema "$fv_r" -o "$fv_dir/x.segcol"
  expect_flag_first "-o $fv_dir/good.csv is the CSV file being imported" \
    "$segc" import "$fv_dir/good.csv" --schema "$fv_r" -o "$fv_dir/good.csv"
  expect_flag_first "--rejects $fv_dir/good.csv is the CSV file being imported" \
    "$segc" import "$fv_dir/good.csv" --schema "$fv_r" -o "$fv_dir/x.segcol" --on-error skip --rejects "$fv_dir/good.csv"
  expect_flag_first "$fv_dir/good.segcol is a columnar file: --delimiter" \
    "$segc" run "$fv_r" --data "$fv_dir/good.segcol" --delimiter ';'
  expect_flag_first "--rejects $fv_dir/good.csv is the data file" \
    "$segc" run "$fv_r" --data "$fv_dir/good.csv" --on-error skip --rejects "$fv_dir/good.csv"
  expect_flag_first "--out $fv_dir/foreign: the folder holds \"notes.txt\"" \
    "$segc" run "$fv_r" --data "$fv_dir/good.csv" --out "$fv_dir/foreign"
  expect_flag_first "--out . holds the current folder" \
    sh -c 'cd "$1" && shift && exec "$@"' sh "$fv_dir/results/empty" "$fv_segc" run "$fv_r" --data "$fv_dir/good.csv" --out .
done
[ -e "$fv_dir/x.segcol" ] && fail "flag order: import wrote its file"
# An unknown zone is refused even where --as-of leaves it unused.
expect_flag_first "--timezone: unknown time zone 'Mars/Base'" \
  "$segc" run "$fv_rules" --data "$fv_dir/good.csv" --as-of 2026-11-01 --timezone Mars/Base

# --rejects: a folder is refused before anything is read (it failed after the
# whole evaluation with "cannot rename to rdir: Is a directory", naming no
# flag), and --rejects without --on-error skip is refused, not ignored.
mkdir -p "$fv_dir/rdir" "$fv_dir/cwd-rejects/rejects.csv" "$fv_dir/x.segcol.rejects.csv" "$fv_dir/odir"
for fv_seg in rules broken; do
  fv_r="$fv_dir/$fv_seg.seg"
  expect_flag_first "--rejects $fv_dir/rdir is a folder" \
    "$segc" run "$fv_r" --data "$fv_data" --on-error skip --rejects "$fv_dir/rdir"
  expect_flag_first "--rejects $fv_dir/rdir is a folder" \
    "$segc" import "$fv_data" --schema "$fv_r" -o "$fv_dir/y.segcol" --on-error skip --rejects "$fv_dir/rdir"
  expect_flag_first "the rejects file rejects.csv is a folder" sh -c 'cd "$1" && shift && exec "$@"' sh \
    "$fv_dir/cwd-rejects" "$fv_segc" run "$fv_r" --data "$fv_data" --on-error skip
  expect_flag_first "the rejects file $fv_dir/x.segcol.rejects.csv is a folder" \
    "$segc" import "$fv_data" --schema "$fv_r" -o "$fv_dir/x.segcol" --on-error skip
  expect_flag_first "-o $fv_dir/odir is a folder" "$segc" import "$fv_data" --schema "$fv_r" -o "$fv_dir/odir"
  expect_flag_first "--rejects needs --on-error skip" \
    "$segc" run "$fv_r" --data "$fv_data" --rejects "$fv_dir/r.csv"
  expect_flag_first "--rejects needs --on-error skip" \
    "$segc" run "$fv_r" --data "$fv_data" --on-error fail --rejects "$fv_dir/r.csv"
  expect_flag_first "--rejects needs --on-error skip" \
    "$segc" import "$fv_data" --schema "$fv_r" -o "$fv_dir/y.segcol" --rejects "$fv_dir/r.csv"
done
[ -z "$(ls -A "$fv_dir/rdir")" ] || fail "--rejects folder: something was written into it"
[ -e "$fv_dir/y.segcol" ] || [ -e "$fv_dir/x.segcol" ] || [ -e "$fv_dir/r.csv" ] && fail "--rejects: a refused command wrote a file"
# With --on-error skip, --rejects names the file; the folder it is in is created.
expect_exit 1 "$segc" run "$fv_rules" --data "$fv_data" --on-error skip --rejects "$fv_dir/rdir/new/r.csv"
grep -q '^3,' "$fv_dir/rdir/new/r.csv" || fail "--rejects in a new folder: the rejected row is not there"
