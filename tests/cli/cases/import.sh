# segc import and segc run over the columnar file: the same results as over
# the CSV, the CSV options, exit codes, and clear errors for damaged files,
# other schemas and CSV-only flags.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

import_dir="$work/import"
mkdir -p "$import_dir"

# The bundled example: import, then run over the file and over the CSV.
expect_exit 0 "$segc" import examples/retail/customers.csv --schema examples/retail -o "$import_dir/retail.segcol"
grep -q 'retail.segcol: .* rows' "$work/out" || fail "import: no summary line"
ls -a "$import_dir" | grep -q '\.segc-' && fail "import left a temporary file"
# The CSV is loaded in ranges on several threads: the file is the same bytes.
for threads in 1 3; do
  expect_exit 0 "$segc" import examples/retail/customers.csv --schema examples/retail \
    -o "$import_dir/retail-$threads.segcol" --threads "$threads"
  cmp -s "$import_dir/retail.segcol" "$import_dir/retail-$threads.segcol" ||
    fail "import: --threads $threads wrote another file"
done
expect_exit 0 "$segc" run examples/retail --data "$import_dir/retail.segcol" --as-of 2026-11-01 \
  --out "$import_dir/from_file"
cp "$work/out" "$import_dir/summary_file.txt"
expect_exit 0 "$segc" run examples/retail --data examples/retail/customers.csv --as-of 2026-11-01 \
  --out "$import_dir/from_csv"
cp "$work/out" "$import_dir/summary_csv.txt"
for keys in "$import_dir"/from_csv/*.keys; do
  cmp -s "$keys" "$import_dir/from_file/$(basename "$keys")" || fail "import: $(basename "$keys") differs from the CSV run"
done
sed "s|$import_dir/retail.segcol|examples/retail/customers.csv|" "$import_dir/from_file/manifest.json" |
  cmp -s - "$import_dir/from_csv/manifest.json" || fail "import: the manifest differs from the CSV run beyond the data path"
sed "s|$import_dir/retail.segcol|examples/retail/customers.csv|" "$import_dir/summary_file.txt" |
  cmp -s - "$import_dir/summary_csv.txt" || fail "import: the summary differs from the CSV run"
expect_exit 0 "$segc" run examples/retail --data "$import_dir/retail.segcol" --as-of 2026-11-01 \
  --out "$import_dir/from_file_interpreted" --engine interpreter
diff -r "$import_dir/from_file" "$import_dir/from_file_interpreted" >/dev/null ||
  fail "import: the interpreter and the JIT differ over the columnar file"

# CSV options apply at import; bad rows fail the import (exit 1, no file) or
# are skipped into OUT.rejects.csv (exit 1, file written).
cat >"$import_dir/rules.seg" <<'SEG'
schema customer {
  key id: string
  spent: decimal(2)
  born: date
  pets: set<string>
}
segment rich = spent >= 100
SEG
printf 'id;spent;born;pets\nb;120,50;01.02.1990;cats|dogs\na;99,99;;\nc;x;03.04.2000;\n' >"$import_dir/data.csv"
expect_exit 1 "$segc" import "$import_dir/data.csv" --schema "$import_dir/rules.seg" -o "$import_dir/data.segcol" \
  --decimal-comma --date-format DD.MM.YYYY
grep -q 'data.csv:4:' "$work/err" || fail "import: a bad value is not located by line"
[ -e "$import_dir/data.segcol" ] && fail "import of bad data wrote a file"
expect_exit 1 "$segc" import "$import_dir/data.csv" --schema "$import_dir/rules.seg" -o "$import_dir/data.segcol" \
  --decimal-comma --date-format DD.MM.YYYY --on-error skip
grep -q '^4,' "$import_dir/data.segcol.rejects.csv" || fail "import --on-error skip: no rejects file"
# The rejects file is put in place after the columnar file: an import whose
# file cannot replace -o (a folder there) writes neither.
mkdir -p "$import_dir/taken.segcol/sub"
expect_exit 2 "$segc" import "$import_dir/data.csv" --schema "$import_dir/rules.seg" -o "$import_dir/taken.segcol" \
  --decimal-comma --date-format DD.MM.YYYY --on-error skip
[ -e "$import_dir/taken.segcol.rejects.csv" ] && fail "import: a failed import wrote its rejects file"
ls -a "$import_dir" | grep -q '\.segc-' && fail "import: a failed import left a temporary file"
expect_exit 0 "$segc" run "$import_dir/rules.seg" --data "$import_dir/data.segcol" --as-of 2026-11-01 --format csv
grep -qx 'rich,,1,0.500000' "$work/out" || fail "run over an imported file: rich should have 1 of 2 members"

# CSV flags with a columnar file, unreadable inputs: exit 2.
expect_exit 2 "$segc" run "$import_dir/rules.seg" --data "$import_dir/data.segcol" --delimiter ';'
grep -q 'columnar file' "$work/err" || fail "run: CSV flags with a columnar file are not explained"
expect_exit 2 "$segc" import "$import_dir/nope.csv" --schema "$import_dir/rules.seg" -o "$import_dir/nope.segcol"
expect_exit 2 "$segc" import examples/retail/customers.csv --schema examples/retail -o "$import_dir/retail.segcol/x.segcol"
grep -q 'cannot write .*x.segcol' "$work/err" || fail "import: an unwritable output is not explained"
expect_exit 2 "$segc" import "$import_dir/data.csv" --schema "$import_dir/rules.seg"

# Another schema, a damaged file, a truncated file: exit 1 with the reason.
sed 's/decimal(2)/decimal(3)/' "$import_dir/rules.seg" >"$import_dir/other.seg"
expect_exit 1 "$segc" run "$import_dir/other.seg" --data "$import_dir/data.segcol"
grep -q "another schema: field 'spent' is decimal(2) in the file but decimal(3) in the rules" "$work/err" ||
  fail "run: a schema mismatch is not explained"
size=$(stat -c %s "$import_dir/data.segcol")
head -c $((size - 100)) "$import_dir/data.segcol" >"$import_dir/truncated.segcol"
expect_exit 1 "$segc" run "$import_dir/rules.seg" --data "$import_dir/truncated.segcol"
grep -q 'truncated.segcol: truncated' "$work/err" || fail "run: a truncated file is not reported as truncated"
cp "$import_dir/data.segcol" "$import_dir/damaged.segcol"
printf '\x55' | dd of="$import_dir/damaged.segcol" bs=1 seek=70 conv=notrunc status=none
expect_exit 1 "$segc" run "$import_dir/rules.seg" --data "$import_dir/damaged.segcol"
grep -q 'damaged.segcol: the directory is damaged' "$work/err" || fail "run: a damaged file is not reported"

# A Russian Excel export (DD.MM.YYYY, decimal commas) and a Windows-1251 file:
# one hint each naming the flag or command, whatever the number of bad rows.
printf 'schema c {\n  key id: int\n  born: date\n  spent: decimal(2)\n}\n' >"$import_dir/excel.seg"
{ echo 'id;born;spent'; for i in $(seq 1 120); do echo "$i;01.02.1990;12,50"; done; } >"$import_dir/excel.csv"
expect_exit 1 "$segc" import "$import_dir/excel.csv" --schema "$import_dir/excel.seg" -o "$import_dir/excel.segcol"
[ "$(grep -c 'hint: the dates look like DD.MM.YYYY' "$work/err")" = 1 ] || fail "import: no single --date-format hint"
[ "$(grep -c 'hint: the numbers use a decimal comma.*--decimal-comma' "$work/err")" = 1 ] || fail "import: no single --decimal-comma hint"
expect_exit 0 "$segc" import "$import_dir/excel.csv" --schema "$import_dir/excel.seg" -o "$import_dir/excel.segcol" \
  --date-format DD.MM.YYYY --decimal-comma
printf 'schema c {\n  key id: int\n  city: string\n}\n' >"$import_dir/cp1251.seg"
printf 'id,city\n1,\xcc\xee\xf1\xea\xe2\xe0\n2,\xca\xe0\xe7\xe0\xed\xfc\n' >"$import_dir/cp1251.csv"
expect_exit 1 "$segc" run "$import_dir/cp1251.seg" --data "$import_dir/cp1251.csv"
[ "$(grep -c 'hint: the file looks like Windows-1251.*iconv -f cp1251 -t utf-8' "$work/err")" = 1 ] ||
  fail "run: no single iconv hint for a Windows-1251 file"
