# segc run --out DIR: the folder changes as a whole, is locked against a
# concurrent run, follows the umask, is cleaned of what killed runs left, and
# no output overwrites an input (issue 16, findings 4 and 8).
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

of_dir="$work/out_folder"
mkdir -p "$of_dir"
cat >"$of_dir/rules.seg" <<'SEG'
schema customer {
  key id: int
  age: int
}
segment adults = age >= 18
segment minors = age < 18
SEG
printf 'id,age\n1,30\n2,12\n3,45\n' >"$of_dir/data.csv"
of_run() { "$segc" run "$of_dir/rules.seg" --data "$of_dir/data.csv" --as-of 2026-11-01 "$@"; }

# (a) Files and folder follow the umask; never writable by others.
(umask 022 && of_run --out "$of_dir/o1" >/dev/null 2>&1) || fail "out folder: run with umask 022"
[ "$(stat -c %a "$of_dir/o1/adults.keys")" = 644 ] || fail "out folder: adults.keys is $(stat -c %a "$of_dir/o1/adults.keys") under umask 022"
[ "$(stat -c %a "$of_dir/o1/manifest.json")" = 644 ] || fail "out folder: manifest.json is $(stat -c %a "$of_dir/o1/manifest.json") under umask 022"
(umask 077 && of_run --out "$of_dir/o2" >/dev/null 2>&1) || fail "out folder: run with umask 077"
[ "$(stat -c %a "$of_dir/o2/adults.keys")" = 600 ] || fail "out folder: adults.keys is not 600 under umask 077"
(umask 000 && of_run --out "$of_dir/o3" >/dev/null 2>&1) || fail "out folder: run with umask 000"
[ "$(stat -c %a "$of_dir/o3/adults.keys")" = 664 ] || fail "out folder: adults.keys is writable by others under umask 000"

# (b) A run computing fewer segments leaves none of the earlier ones behind.
expect_exit 0 of_run --out "$of_dir/o1" --segments adults
[ -e "$of_dir/o1/minors.keys" ] && fail "out folder: minors.keys of an earlier run survived beside the new manifest"
printf '1\n3\n' | cmp -s - "$of_dir/o1/adults.keys" || fail "out folder: adults.keys after the second run"

# (b) A folder another run is writing (holding its lock) is refused, untouched.
cp -r "$of_dir/o1" "$of_dir/o1.before"
flock "$of_dir/o1" sleep 30 &
locker=$!
for _ in $(seq 50); do flock -n "$of_dir/o1" true 2>/dev/null || break; sleep 0.1; done
expect_exit 2 of_run --out "$of_dir/o1"
grep -q 'another segc run is writing its results there' "$work/err" || fail "out folder: no clear message for a locked folder"
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null
diff -r "$of_dir/o1" "$of_dir/o1.before" >/dev/null || fail "out folder: a refused run changed the folder"

# (b) A folder holding files segc did not write is refused, and kept.
mkdir -p "$of_dir/mine"
echo notes >"$of_dir/mine/notes.txt"
expect_exit 2 of_run --out "$of_dir/mine"
grep -q 'which segc did not write' "$work/err" || fail "out folder: no clear message for a folder of other files"
[ "$(cat "$of_dir/mine/notes.txt")" = notes ] || fail "out folder: a foreign file was touched"

# (b) A run killed while writing (here by the file size limit) leaves the
# previous results whole and nothing beside them; what a killed run left is
# removed by the next one.
big_rows="$of_dir/big.csv"
{ echo id,age; seq 1 20000 | sed 's/$/,30/'; } >"$big_rows"
expect_exit 0 "$segc" run "$of_dir/rules.seg" --data "$big_rows" --as-of 2026-11-01 --out "$of_dir/o4" --no-cache
cp -r "$of_dir/o4" "$of_dir/o4.before"
{ (ulimit -f 64 && exec "$segc" run "$of_dir/rules.seg" --data "$big_rows" --as-of 2026-12-01 --out "$of_dir/o4" \
  --no-cache >/dev/null 2>&1); } 2>/dev/null
[ $? -ge 128 ] || fail "out folder: the run under ulimit -f was not killed"
diff -r "$of_dir/o4" "$of_dir/o4.before" >/dev/null || fail "out folder: a killed run changed the previous results"
ls -a "$of_dir" | grep -q '^\.o4\.segc-' && fail "out folder: a killed run left its staging folder"
mkdir "$of_dir/.o4.segc-K1ll3d" && echo half >"$of_dir/.o4.segc-K1ll3d/adults.keys"
echo half >"$of_dir/o4/.adults.keys.segc-a1b2c3"
expect_exit 0 "$segc" run "$of_dir/rules.seg" --data "$big_rows" --as-of 2026-11-01 --out "$of_dir/o4"
ls -a "$of_dir" | grep -q 'segc-' && fail "out folder: leftovers of a killed run beside the folder were not removed"
ls -a "$of_dir/o4" | grep -q 'segc-' && fail "out folder: leftovers of a killed run in the folder were not removed"

# 8. No output overwrites an input.
printf 'id,age\n1,30\n2,x\n' >"$of_dir/bad.csv"
cp "$of_dir/bad.csv" "$of_dir/bad.csv.before"
expect_exit 2 "$segc" run "$of_dir/rules.seg" --data "$of_dir/bad.csv" --on-error skip --rejects "$of_dir/bad.csv"
grep -q 'is the data file' "$work/err" || fail "clobbering: --rejects equal to --data is not refused clearly"
cmp -s "$of_dir/bad.csv" "$of_dir/bad.csv.before" || fail "clobbering: --rejects overwrote the data file"
expect_exit 2 "$segc" run "$of_dir/rules.seg" --data "$of_dir/bad.csv" --on-error skip \
  --rejects "$of_dir/../out_folder/./bad.csv"
expect_exit 2 "$segc" run "$of_dir/rules.seg" --data "$of_dir/bad.csv" --on-error skip \
  --out "$of_dir/o5" --rejects "$of_dir/o5/rejects.csv"
grep -q 'is inside --out' "$work/err" || fail "clobbering: --rejects inside --out is not refused clearly"
expect_exit 2 "$segc" run "$of_dir/rules.seg" --data "$of_dir/bad.csv" --on-error skip --rejects "$of_dir/rules.seg"
expect_exit 1 "$segc" run "$of_dir/rules.seg" --data "$of_dir/bad.csv" --on-error skip --out "$of_dir/o5"
grep -q '^3,' "$of_dir/o5/rejects.csv" || fail "out folder: the rejects file is not in the results folder"
expect_exit 2 "$segc" import "$of_dir/data.csv" --schema "$of_dir/rules.seg" -o "$of_dir/data.csv"
grep -q 'is the CSV file being imported' "$work/err" || fail "clobbering: import -o equal to the CSV is not refused"
expect_exit 2 "$segc" import "$of_dir/bad.csv" --schema "$of_dir/rules.seg" -o "$of_dir/x.segcol" \
  --on-error skip --rejects "$of_dir/bad.csv"
cmp -s "$of_dir/bad.csv" "$of_dir/bad.csv.before" || fail "clobbering: import --rejects overwrote the CSV"
# The default rejects file (rejects.csv in the current folder) and imported
# rule files are checked too.
mkdir -p "$of_dir/cwd"
cp "$of_dir/bad.csv" "$of_dir/cwd/rejects.csv"
of_status=0
of_segc=$(realpath "$segc")
(cd "$of_dir/cwd" && exec "$of_segc" run "$of_dir/rules.seg" --data rejects.csv --on-error skip) \
  >"$work/out" 2>"$work/err" || of_status=$?
[ "$of_status" = 2 ] || fail "clobbering: the default rejects.csv equal to --data is not refused ($of_status: $(cat "$work/err"))"
cmp -s "$of_dir/cwd/rejects.csv" "$of_dir/bad.csv.before" || fail "clobbering: the default rejects.csv overwrote the data"
printf 'import "rules.seg"\nsegment old = age > 60\n' >"$of_dir/main.seg"
expect_exit 2 "$segc" run "$of_dir/main.seg" --data "$of_dir/bad.csv" --on-error skip --rejects "$of_dir/rules.seg"
grep -q 'is a rule file' "$work/err" || fail "clobbering: --rejects naming an imported rule file is not refused"
