# segc run: summary formats, --out files and manifest, reproducibility across
# runs and thread counts, engines agreeing, --segments, data errors and
# --on-error skip, and the exit codes.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

run_dir="$work/run"
mkdir -p "$run_dir"
cat >"$run_dir/rules.seg" <<'SEG'
schema customer {
  key id: int
  age: int
  city: string
  tier: enum("bronze", "silver", "gold")
  pets: set<string>
}
segment adults = age >= 18
segment moscow = lower(city) = "москва"
segment gold_adults { description "adults in gold" owner "crm" where adults and tier >= "gold" }
segment tagged = pets contains any ["cats", "dogs"]
partition offer { gold_adults, moscow, else rest }
SEG
cat >"$run_dir/data.csv" <<'CSV'
city,id,age,tier,pets
Москва,3,30,gold,cats
МОСКВА,1,17,bronze,
Казань,2,,silver,dogs|cats
,10,45,gold,
Москва,4,18,,birds
CSV

# Summary table on stdout, nothing on stderr, exit 0.
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 2026-11-01
grep -Eq '^adults +3 +60.00%$' "$work/out" || fail "run: adults should have 3 of 5 members"
grep -Eq '^moscow +3 ' "$work/out" || fail "run: moscow (lower) should have 3 members"
grep -Eq '^gold_adults +2 ' "$work/out" || fail "run: gold_adults should have 2 members"
grep -Eq '^tagged +2 ' "$work/out" || fail "run: tagged should have 2 members"
grep -Eq '^offer.gold_adults +2 ' "$work/out" || fail "run: group offer.gold_adults"
grep -Eq '^offer.moscow +2 ' "$work/out" || fail "run: group offer.moscow excludes gold_adults"
grep -Eq '^offer.rest +1 ' "$work/out" || fail "run: group offer.rest"
grep -q '2026-11-01' "$work/out" || fail "run: the as-of date is not printed"

# JSON and CSV summaries.
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 2026-11-01 --format json
grep -q '"as_of": "2026-11-01"' "$work/out" || fail "run --format json: no as_of"
grep -q '"members": 3' "$work/out" || fail "run --format json: no member counts"
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 2026-11-01 --format csv
grep -qx 'adults,,3,0.600000' "$work/out" || fail "run --format csv: adults row"

# --out: keys ascending, one per line, per segment and per group, and a manifest.
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 2026-11-01 \
  --out "$run_dir/out1" --threads 1
printf '3\n4\n10\n' | cmp -s - "$run_dir/out1/adults.keys" || fail "run --out: adults.keys"
printf '1\n3\n4\n' | cmp -s - "$run_dir/out1/moscow.keys" || fail "run --out: moscow.keys"
printf '1\n4\n' | cmp -s - "$run_dir/out1/offer.moscow.keys" || fail "run --out: offer.moscow.keys"
printf '2\n' | cmp -s - "$run_dir/out1/offer.rest.keys" || fail "run --out: offer.rest.keys"
grep -q '"description": "adults in gold"' "$run_dir/out1/manifest.json" || fail "manifest: properties"
grep -q '"sha256": "' "$run_dir/out1/manifest.json" || fail "manifest: rule file hashes"
grep -q '"rows": 5' "$run_dir/out1/manifest.json" || fail "manifest: row count"
ls -a "$run_dir/out1" | grep -q '\.segc-' && fail "run --out left temporary files"

# Byte-identical across runs, thread counts and engines.
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 2026-11-01 \
  --out "$run_dir/out2" --threads 2
diff -r "$run_dir/out1" "$run_dir/out2" >/dev/null || fail "run --out differs between --threads 1 and 2"
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 2026-11-01 \
  --out "$run_dir/out3" --engine interpreter
diff -r "$run_dir/out1" "$run_dir/out3" >/dev/null || fail "run --out differs between the JIT and the interpreter"

# --segments limits the work and the output.
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 2026-11-01 --segments gold_adults
grep -q '^gold_adults' "$work/out" || fail "run --segments: the segment is missing"
grep -q '^moscow' "$work/out" && fail "run --segments: an unrequested segment is listed"
expect_exit 2 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --segments gold_adultz
grep -q "did you mean 'gold_adults'" "$work/err" || fail "run --segments: no suggestion for a typo"

# --emit-llvm prints IR.
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 2026-11-01 --emit-llvm
grep -q 'define' "$work/out" || fail "run --emit-llvm prints no function"

# Bad flags and unreadable files: exit 2, nothing written.
expect_exit 2 "$segc" run "$run_dir/rules.seg" --data "$run_dir/nope.csv"
expect_exit 2 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 2026-02-30
# Year 0 is outside Seg's dates (0001-01-01..9999-12-31); the edges are in.
expect_exit 2 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 0000-12-31
grep -q "0001-01-01 to 9999-12-31" "$work/err" || fail "run: --as-of 0000-12-31 should name the date range"
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 0001-01-01
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 9999-12-31
expect_exit 2 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --timezone Mars/Olympus
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --timezone Europe/Moscow

# Bad data: located errors, exit 1, no output directory contents.
printf 'id,age\n1,30\n2,abc\n' >"$run_dir/bad.csv"
expect_exit 1 "$segc" run "$run_dir/rules.seg" --data "$run_dir/bad.csv" --as-of 2026-11-01 --out "$run_dir/out_bad"
grep -q 'bad.csv:3:' "$work/err" || fail "run: a bad value is not located by line"
[ -e "$run_dir/out_bad/adults.keys" ] && fail "run with bad data wrote results"

# --on-error skip: results without the bad row, a rejects file, exit 1.
expect_exit 1 "$segc" run "$run_dir/rules.seg" --data "$run_dir/bad.csv" --as-of 2026-11-01 \
  --out "$run_dir/out_skip" --on-error skip
printf '1\n' | cmp -s - "$run_dir/out_skip/adults.keys" || fail "run --on-error skip: adults.keys"
grep -q '^3,' "$run_dir/out_skip/rejects.csv" || fail "run --on-error skip: rejects file lacks line 3"
grep -q '1 bad row' "$work/err" || fail "run --on-error skip: the count is not reported"

# A string key with a line break would read back from NAME.keys as two other
# customers: it is a bad value of its row (issue 16), and with --on-error skip
# the row is left out.
printf 'schema c {\n  key id: string\n  age: int\n}\nsegment everyone = age >= 0\n' >"$run_dir/string_keys.seg"
printf 'id,age\nalice,1\n"alice\nbob",2\nbob,3\n' >"$run_dir/string_keys.csv"
expect_exit 1 "$segc" run "$run_dir/string_keys.seg" --data "$run_dir/string_keys.csv" --as-of 2026-11-01 \
  --out "$run_dir/out_string_keys"
grep -q 'string_keys.csv:3:.*a key cannot hold a line break' "$work/err" || fail "run: a key with a line break is not refused"
[ -e "$run_dir/out_string_keys/everyone.keys" ] && fail "run: a key with a line break still wrote results"
expect_exit 1 "$segc" run "$run_dir/string_keys.seg" --data "$run_dir/string_keys.csv" --as-of 2026-11-01 \
  --out "$run_dir/out_string_keys" --on-error skip
printf 'alice\nbob\n' | cmp -s - "$run_dir/out_string_keys/everyone.keys" || fail "run --on-error skip: a key with a line break reached everyone.keys"

# Errors in the rules: exit 1, nothing evaluated.
printf 'segment broken = age >\n' >"$run_dir/broken.seg"
expect_exit 1 "$segc" run "$run_dir/rules.seg" "$run_dir/broken.seg" --data "$run_dir/data.csv"

# The bundled example: identical results with one and two threads.
expect_exit 0 "$segc" run examples/retail --data examples/retail/customers.csv --as-of 2026-11-01 \
  --out "$run_dir/example1" --threads 1
expect_exit 0 "$segc" run examples/retail --data examples/retail/customers.csv --as-of 2026-11-01 \
  --out "$run_dir/example2" --threads 2
diff -r "$run_dir/example1" "$run_dir/example2" >/dev/null || fail "run: the example differs between 1 and 2 threads"
[ "$(wc -l <"$run_dir/example1/adults.keys")" -gt 1000 ] || fail "run: the example's adults segment is nearly empty"

# Data from a pipe or a FIFO (a CRM export streamed in): read whole, the same
# members as from the file. The columnar check once read the first 8 bytes
# of the stream to look for the magic, and the CSV loader got the rest.
expect_exit 0 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.csv" --as-of 2026-11-01 --format json
cp "$work/out" "$run_dir/from_file.json"
expect_exit 0 sh -c 'cat "$2" | "$1" run "$3" --data /dev/stdin --as-of 2026-11-01 --format json' \
  sh "$segc" "$run_dir/data.csv" "$run_dir/rules.seg"
sed 's|/dev/stdin|DATA|' "$work/out" >"$run_dir/from_pipe.json"
sed "s|$run_dir/data.csv|DATA|" "$run_dir/from_file.json" | cmp -s - "$run_dir/from_pipe.json" ||
  fail "run --data /dev/stdin (a pipe) differs from the file: $(head -c 300 "$work/err")"
mkfifo "$run_dir/data.fifo"
(cat "$run_dir/data.csv" >"$run_dir/data.fifo" &)
expect_exit 0 timeout 20 "$segc" run "$run_dir/rules.seg" --data "$run_dir/data.fifo" --as-of 2026-11-01 --format json
sed "s|$run_dir/data.fifo|DATA|" "$work/out" | cmp -s - "$run_dir/from_pipe.json" ||
  fail "run --data FIFO differs from the file: $(head -c 300 "$work/err")"
