# The compile cache: cold, warm and --no-cache runs write identical results;
# damaged entries are ignored, FIFO and symlink entries neither block nor are
# followed; two runs on the same cold cache at once both
# succeed alike; another --as-of is not served stale code; an unusable
# cache folder costs one warning, not the run.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

cache_dir="$work/cache-case"
mkdir -p "$cache_dir"
cat >"$cache_dir/rules.seg" <<'SEG'
schema customer {
  key id: int
  age: int
  city: string
  seen: date
}
segment adults = age >= 18
segment moscow = lower(city) = "москва" and adults
segment recent = seen within last 30 days
segment shouting = upper(city) = city
SEG
cat >"$cache_dir/data.csv" <<'CSV'
id,age,city,seen
1,30,Москва,2026-10-20
2,17,МОСКВА,2026-09-01
3,,Казань,2026-10-31
4,45,,
CSV
cached_run() {  # cached_run CACHE_FOLDER OUT_FOLDER [more flags]; as of 2026-11-01 unless given
  local folder=$1 out=$2
  shift 2
  case " $* " in *" --as-of "*) ;; *) set -- --as-of 2026-11-01 "$@" ;; esac
  SEGC_CACHE_DIR="$folder" expect_exit 0 "$segc" run "$cache_dir/rules.seg" \
    --data "$cache_dir/data.csv" --out "$out" "$@"
}
entries() { find "$1" -name '*.segcobj' 2>/dev/null | wc -l; }

cached_run "$cache_dir/objects" "$cache_dir/cold"
[ "$(entries "$cache_dir/objects")" -ge 1 ] || fail "cache: a cold run stored no object"
[ -s "$work/err" ] && fail "cache: a cold run printed to stderr: $(cat "$work/err")"
cached_run "$cache_dir/objects" "$cache_dir/warm"
cached_run "$cache_dir/none" "$cache_dir/uncached" --no-cache
[ -e "$cache_dir/none" ] && fail "cache: --no-cache created the cache folder"
diff -r "$cache_dir/cold" "$cache_dir/warm" >/dev/null || fail "cache: warm results differ from cold"
diff -r "$cache_dir/cold" "$cache_dir/uncached" >/dev/null || fail "cache: --no-cache results differ"
printf '1\n' | cmp -s - "$cache_dir/cold/moscow.keys" || fail "cache: moscow.keys"
printf '1\n3\n' | cmp -s - "$cache_dir/cold/recent.keys" || fail "cache: recent.keys"

# Damaged entries: truncated, then overwritten with garbage.
for entry in "$cache_dir"/objects/*.segcobj; do
  head -c 100 "$entry" >"$entry.part" && mv "$entry.part" "$entry"
done
cached_run "$cache_dir/objects" "$cache_dir/truncated"
diff -r "$cache_dir/cold" "$cache_dir/truncated" >/dev/null || fail "cache: a truncated entry changed the results"
for entry in "$cache_dir"/objects/*.segcobj; do
  size=$(wc -c <"$entry")
  head -c "$size" /dev/urandom >"$entry"
done
cached_run "$cache_dir/objects" "$cache_dir/garbage"
diff -r "$cache_dir/cold" "$cache_dir/garbage" >/dev/null || fail "cache: a corrupted entry changed the results"

# An entry that is a FIFO, or a symbolic link to one, is neither waited on nor
# followed (`timeout` turns a hang into a failure); the run replaces it.
for kind in fifo symlink; do
  folder="$cache_dir/special-cache-$kind"
  cached_run "$folder" "$cache_dir/special-fill-$kind"
  for entry in "$folder"/*.segcobj; do
    rm "$entry"
    if [ "$kind" = fifo ]; then
      mkfifo "$entry"
    else
      mkfifo "$entry.target" && ln -s "$entry.target" "$entry"
    fi
  done
  SEGC_CACHE_DIR="$folder" expect_exit 0 timeout 60 "$segc" run "$cache_dir/rules.seg" \
    --data "$cache_dir/data.csv" --as-of 2026-11-01 --out "$cache_dir/special-$kind"
  diff -r "$cache_dir/cold" "$cache_dir/special-$kind" >/dev/null || fail "cache: a $kind entry changed the results"
  for entry in "$folder"/*.segcobj; do
    [ -f "$entry" ] && [ ! -L "$entry" ] || fail "cache: a $kind entry was not replaced by an object: $entry"
  done
done

# Another date is other code (`today` is a constant in it), not a stale hit.
cached_run "$cache_dir/objects" "$cache_dir/later" --as-of 2026-12-15
printf '' | cmp -s - "$cache_dir/later/recent.keys" || fail "cache: --as-of 2026-12-15 reused 2026-11-01's code"

# Two runs at once on a cold cache.
SEGC_CACHE_DIR="$cache_dir/shared" "$segc" run "$cache_dir/rules.seg" --data "$cache_dir/data.csv" \
  --as-of 2026-11-01 --out "$cache_dir/concurrent1" >"$work/out1" 2>&1 &
first=$!
SEGC_CACHE_DIR="$cache_dir/shared" "$segc" run "$cache_dir/rules.seg" --data "$cache_dir/data.csv" \
  --as-of 2026-11-01 --out "$cache_dir/concurrent2" >"$work/out2" 2>&1 &
second=$!
wait "$first" || fail "cache: the first of two concurrent runs failed: $(cat "$work/out1")"
wait "$second" || fail "cache: the second of two concurrent runs failed: $(cat "$work/out2")"
diff -r "$cache_dir/cold" "$cache_dir/concurrent1" >/dev/null || fail "cache: concurrent run 1 differs"
diff -r "$cache_dir/cold" "$cache_dir/concurrent2" >/dev/null || fail "cache: concurrent run 2 differs"
find "$cache_dir/shared" -name '.tmp-*' | grep -q . && fail "cache: concurrent runs left temporary files"

# A cache folder that cannot be created: one warning, right results, exit 0.
printf 'a file\n' >"$cache_dir/blocker"
cached_run "$cache_dir/blocker/segc" "$cache_dir/blocked"
[ "$(grep -c 'warning: compile cache' "$work/err")" = 1 ] || fail "cache: an unusable folder should give one warning, got: $(cat "$work/err")"
diff -r "$cache_dir/cold" "$cache_dir/blocked" >/dev/null || fail "cache: results differ without a usable cache"

# segc test uses the cache too, and takes --no-cache.
cat >"$cache_dir/tested.seg" <<'SEG'
schema customer {
  key id: int
  age: int
}
segment adults = age >= 18
test "adults" as of 2026-11-01 {
  given { age: 30 } expect adults
  given { age: 3 } expect not adults
}
SEG
SEGC_CACHE_DIR="$cache_dir/test-objects" expect_exit 0 "$segc" test "$cache_dir/tested.seg"
[ "$(entries "$cache_dir/test-objects")" -ge 1 ] || fail "cache: segc test stored no object"
SEGC_CACHE_DIR="$cache_dir/test-objects" expect_exit 0 "$segc" test "$cache_dir/tested.seg"
grep -q 'all passed' "$work/out" || fail "cache: segc test from the cache"
SEGC_CACHE_DIR="$cache_dir/test-none" expect_exit 0 "$segc" test "$cache_dir/tested.seg" --no-cache
[ -e "$cache_dir/test-none" ] && fail "cache: segc test --no-cache created the cache folder"

# The cache holds code that runs: under umask 000 it is still private, and a
# cache folder others can write to is not used (one warning, same results).
(umask 000 && cached_run "$cache_dir/private/segc" "$cache_dir/private-run")
[ -n "$(find "$cache_dir/private" \( -perm /go+w -o -type d ! -perm 700 \))" ] &&
  fail "cache: under umask 000 the cache is not private: $(find "$cache_dir/private" -ls)"
[ "$(entries "$cache_dir/private/segc")" -ge 1 ] || fail "cache: under umask 000 nothing was stored"
chmod o+w "$cache_dir/private/segc"
cached_run "$cache_dir/private/segc" "$cache_dir/open-run"
grep -q "warning: compile cache $cache_dir/private/segc not used: it is writable by others" "$work/err" ||
  fail "cache: a folder others can write to is used without a warning: $(cat "$work/err")"
diff -r "$cache_dir/cold" "$cache_dir/open-run" >/dev/null || fail "cache: a run without the cache differs"
