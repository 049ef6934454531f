# Warnings about the rules on the data (W0701..W0705, docs/diagnostics.md):
# segc run and segc explain report what only the data shows, `# segc: allow`
# silences them, run --werror stops before writing anything, and the example
# rules on the example data have none.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

dw_dir="$work/data-warnings"
mkdir -p "$dw_dir"
cat >"$dw_dir/rules.seg" <<'SEG'
schema customer {
  key id: int
  city: string
  labels: set<string>
  score: float
}
segment moscow = city = "Масква"
segment spb = lower(city) = "спб"
segment vip = labels contains "vlp"
segment scored = score > 0.5
segment everyone = id > 0
segment quiet = city = "Нигде"   # segc: allow W0701, W0702
SEG
printf 'id,city,labels,score\n1,Москва,vip|new,\n2, Москва,vip,\n3,СПб,,\n' >"$dw_dir/data.csv"

expect_exit 0 "$segc" run "$dw_dir/rules.seg" --data "$dw_dir/data.csv" --as-of 2026-11-01
dw_codes=$(grep -o 'warning\[W07[0-9]*\]' "$work/err" | sort | uniq -c | awk '{print $2 "x" $1}' | tr '\n' ' ')
[ "$dw_codes" = "warning[W0701]x2 warning[W0702]x3 warning[W0703]x1 warning[W0704]x1 warning[W0705]x1 " ] ||
  fail "run: data warnings $dw_codes: $(cat "$work/err")"
grep -q 'rules.seg:7:25: warning\[W0701\]: no customer in .*data.csv has city "Масква"' "$work/err" ||
  fail "run: W0701 is not at the literal"
grep -A3 'W0701.*"Масква"' "$work/err" | grep -q 'help: did you mean "Москва"?' || fail "run: W0701 suggests nothing"
grep -q 'warning\[W0701\]: no customer .* has labels "vlp"' "$work/err" || fail "run: W0701 on a set"
grep -q "rules.seg:10:18: warning\[W0704\]: field 'score' is missing on every row" "$work/err" || fail "run: no W0704"
grep -q "rules.seg:11:9: warning\[W0703\]: every customer" "$work/err" || fail "run: no W0703"
grep -q "1 value of 'city' .* starts or ends with a space (e.g. \" Москва\")" "$work/err" || fail "run: no W0705"
grep -q 'спб' "$work/err" && fail "run: lower(city) = \"спб\" matches a customer and was reported"
grep -q 'quiet' "$work/err" && fail "run: an allow comment did not silence W0701 and W0702"

# --werror: errors, exit 1, nothing written; explain reports the warnings it can.
expect_exit 1 "$segc" run "$dw_dir/rules.seg" --data "$dw_dir/data.csv" --as-of 2026-11-01 --werror --out "$dw_dir/out"
grep -q 'error\[W0701\]' "$work/err" || fail "run --werror: W0701 is not an error"
grep -q '^8 errors: nothing was written$' "$work/err" || fail "run --werror: $(tail -1 "$work/err")"
[ -e "$dw_dir/out" ] && fail "run --werror wrote results despite data warnings"
expect_exit 0 "$segc" explain "$dw_dir/rules.seg" --data "$dw_dir/data.csv" --key 1 --as-of 2026-11-01 moscow
grep -q 'warning\[W0701\]: no customer .* has city "Масква"' "$work/err" || fail "explain: no W0701: $(cat "$work/err")"
grep -q 'W0702' "$work/err" && fail "explain counts members it did not evaluate"

# No false alarms on the example.
expect_exit 0 "$segc" run examples/retail --data examples/retail/customers.csv --as-of 2026-11-01
grep -q 'W07' "$work/err" && fail "the example rules get data warnings: $(grep W07 "$work/err" | head -3)"
