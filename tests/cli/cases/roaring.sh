# segc run --out-format roaring|roaring64: one bitmap file per segment and
# group holding exactly the keys of the .keys output, the manifest naming
# them, identical bytes across thread counts and engines, and keys that do not
# fit refused (exit 2) before anything is written.
# Sourced by run_cli_tests.sh, which defines $segc, $roaring_keys, $work, fail
# and expect_exit.
# shellcheck disable=SC2154

roaring_dir="$work/roaring"
mkdir -p "$roaring_dir"
cat >"$roaring_dir/rules.seg" <<'SEG'
schema customer {
  key id: int
  age: int
  tier: enum("bronze", "silver", "gold")
}
segment adults = age >= 18
segment gold = tier = "gold"
segment nobody = age > 200
partition offer { gold, adults, else rest }
SEG
# Keys out of row order, with gaps.
cat >"$roaring_dir/data.csv" <<'CSV'
id,age,tier
70000,30,gold
3,17,bronze
65536,,silver
1,45,gold
4294967295,18,
65535,90,silver
CSV

# same_keys DIR NAME FORMAT: DIR/NAME.FORMAT read back by CRoaring equals DIR/../keys/NAME.keys.
same_keys() {
  "$roaring_keys" "$1/$2.$3" >"$work/decoded" 2>"$work/decode_err" ||
    fail "$3: $2.$3 does not deserialise: $(cat "$work/decode_err")"
  cmp -s "$work/decoded" "$roaring_dir/keys/$2.keys" || fail "$3: $2.$3 differs from $2.keys"
}

expect_exit 0 "$segc" run "$roaring_dir/rules.seg" --data "$roaring_dir/data.csv" --as-of 2026-11-01 \
  --out "$roaring_dir/keys"
expect_exit 0 "$segc" run "$roaring_dir/rules.seg" --data "$roaring_dir/data.csv" --as-of 2026-11-01 \
  --out "$roaring_dir/r1" --out-format roaring --threads 1
for name in adults gold nobody offer.gold offer.adults offer.rest; do
  same_keys "$roaring_dir/r1" "$name" roaring
done
[ "$(cat "$roaring_dir/keys/adults.keys")" = "$(printf '1\n65535\n70000\n4294967295')" ] ||
  fail "roaring: the keys baseline is not what the test expects"
ls "$roaring_dir/r1"/*.keys >/dev/null 2>&1 && fail "roaring: .keys files written as well"
grep -q '"member_format": "roaring"' "$roaring_dir/r1/manifest.json" || fail "roaring: manifest lacks the format"
grep -q '"roaring": "offer.rest.roaring"' "$roaring_dir/r1/manifest.json" ||
  fail "roaring: manifest does not list the group's file"
grep -q '"member_format": "keys"' "$roaring_dir/keys/manifest.json" || fail "keys: manifest lacks the format"

# Byte-identical across thread counts and engines.
expect_exit 0 "$segc" run "$roaring_dir/rules.seg" --data "$roaring_dir/data.csv" --as-of 2026-11-01 \
  --out "$roaring_dir/r2" --out-format roaring --threads 2
diff -r "$roaring_dir/r1" "$roaring_dir/r2" >/dev/null || fail "roaring: output differs between --threads 1 and 2"
expect_exit 0 "$segc" run "$roaring_dir/rules.seg" --data "$roaring_dir/data.csv" --as-of 2026-11-01 \
  --out "$roaring_dir/r3" --out-format roaring --engine interpreter
diff -r "$roaring_dir/r1" "$roaring_dir/r3" >/dev/null || fail "roaring: output differs between the JIT and the interpreter"

# The bundled example (20,000 customers, consecutive keys): every file equals its .keys.
expect_exit 0 "$segc" run examples/retail --data examples/retail/customers.csv --as-of 2026-11-01 \
  --out "$roaring_dir/keys"
expect_exit 0 "$segc" run examples/retail --data examples/retail/customers.csv --as-of 2026-11-01 \
  --out "$roaring_dir/example" --out-format roaring
for file in "$roaring_dir"/example/*.roaring; do
  same_keys "$roaring_dir/example" "$(basename "$file" .roaring)" roaring
done
[ "$(ls "$roaring_dir"/example/*.roaring | wc -l)" -gt 5 ] || fail "roaring: the example wrote few bitmaps"

# Keys beyond 2^32 - 1: refused by roaring, written by roaring64; negative keys refused by both.
printf 'id,age,tier\n4294967296,30,gold\n2,40,\n' >"$roaring_dir/large.csv"
expect_exit 2 "$segc" run "$roaring_dir/rules.seg" --data "$roaring_dir/large.csv" --as-of 2026-11-01 \
  --out "$roaring_dir/large" --out-format roaring
grep -q "large.csv: --out-format roaring: the key 'id' has values above 4294967295" "$work/err" ||
  fail "roaring: no clear error for a key beyond 32 bits"
grep -q 'roaring64' "$work/err" || fail "roaring: the error does not suggest roaring64"
[ -e "$roaring_dir/large" ] && fail "roaring: a refused run wrote results"
expect_exit 0 "$segc" run "$roaring_dir/rules.seg" --data "$roaring_dir/large.csv" --as-of 2026-11-01 \
  --out "$roaring_dir/large64" --out-format roaring64
printf '2\n4294967296\n' | cmp -s - <("$roaring_keys" "$roaring_dir/large64/adults.roaring64") ||
  fail "roaring64: adults.roaring64 does not hold 2 and 4294967296"
grep -q '"roaring64": "adults.roaring64"' "$roaring_dir/large64/manifest.json" ||
  fail "roaring64: manifest does not list the file"
printf 'id,age,tier\n-4,30,gold\n2,40,\n' >"$roaring_dir/negative.csv"
expect_exit 2 "$segc" run "$roaring_dir/rules.seg" --data "$roaring_dir/negative.csv" --as-of 2026-11-01 \
  --out "$roaring_dir/negative" --out-format roaring64
grep -q "negative values (the smallest is -4)" "$work/err" || fail "roaring64: no clear error for a negative key"
[ -e "$roaring_dir/negative" ] && fail "roaring64: a refused run wrote results"

# A string key: refused before the data is read, nothing written.
printf 'schema customer {\n  key email: string\n  age: int\n}\nsegment adults = age >= 18\n' \
  >"$roaring_dir/strings.seg"
printf 'email,age\na@example.com,30\n' >"$roaring_dir/strings.csv"
expect_exit 2 "$segc" run "$roaring_dir/strings.seg" --data "$roaring_dir/strings.csv" --as-of 2026-11-01 \
  --out "$roaring_dir/strings" --out-format roaring
grep -q "the key 'email' is not an int" "$work/err" || fail "roaring: no clear error for a string key"
grep -q -- "--out-format keys" "$work/err" || fail "roaring: the string-key error does not suggest keys"
[ -e "$roaring_dir/strings" ] && fail "roaring: a string-key run wrote results"

# --out-format needs --out; unknown formats are usage errors.
expect_exit 2 "$segc" run "$roaring_dir/rules.seg" --data "$roaring_dir/data.csv" --out-format roaring
expect_exit 2 "$segc" run "$roaring_dir/rules.seg" --data "$roaring_dir/data.csv" --out "$roaring_dir/x" \
  --out-format parquet
