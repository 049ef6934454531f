# Every file segc writes follows the umask and is never writable by others,
# whatever the umask: the columnar file and rejects of import, the rejects of
# run (--rejects), and rule files rewritten by fmt --write. (The results
# folder of run --out: out_folder.sh.)
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

fm_dir="$work/file_modes"
mkdir -p "$fm_dir"
printf 'schema customer {\n  key id: int\n  age: int\n}\nsegment adults = age >= 18\n' >"$fm_dir/rules.seg"
printf 'id,age\n1,30\n2,x\n3,12\n' >"$fm_dir/data.csv"
fm_mode() { stat -c %a "$1" 2>/dev/null; }

(umask 000 && "$segc" import "$fm_dir/data.csv" --schema "$fm_dir/rules.seg" -o "$fm_dir/data.segcol" \
  --on-error skip >/dev/null 2>&1)
[ "$(fm_mode "$fm_dir/data.segcol")" = 664 ] ||
  fail "file modes: import wrote the columnar file $(fm_mode "$fm_dir/data.segcol") under umask 000"
[ "$(fm_mode "$fm_dir/data.segcol.rejects.csv")" = 664 ] ||
  fail "file modes: import wrote its rejects $(fm_mode "$fm_dir/data.segcol.rejects.csv") under umask 000"
(umask 022 && "$segc" import "$fm_dir/data.csv" --schema "$fm_dir/rules.seg" -o "$fm_dir/d022.segcol" \
  --on-error skip >/dev/null 2>&1)
[ "$(fm_mode "$fm_dir/d022.segcol")" = 644 ] || fail "file modes: import does not follow umask 022"
(umask 077 && "$segc" import "$fm_dir/data.csv" --schema "$fm_dir/rules.seg" -o "$fm_dir/d077.segcol" \
  --on-error skip >/dev/null 2>&1)
[ "$(fm_mode "$fm_dir/d077.segcol")" = 600 ] || fail "file modes: import does not follow umask 077"
[ "$(fm_mode "$fm_dir/d077.segcol.rejects.csv")" = 600 ] || fail "file modes: import rejects do not follow umask 077"

(umask 000 && "$segc" run "$fm_dir/rules.seg" --data "$fm_dir/data.csv" --as-of 2026-11-01 --on-error skip \
  --rejects "$fm_dir/rj.csv" >/dev/null 2>&1)
[ "$(fm_mode "$fm_dir/rj.csv")" = 664 ] || fail "file modes: run wrote --rejects $(fm_mode "$fm_dir/rj.csv") under umask 000"
(umask 000 && "$segc" run "$fm_dir/rules.seg" --data "$fm_dir/data.csv" --as-of 2026-11-01 --on-error skip \
  --rejects "$fm_dir/rj_out.csv" --out "$fm_dir/o" >/dev/null 2>&1)
[ "$(fm_mode "$fm_dir/rj_out.csv")" = 664 ] ||
  fail "file modes: run --out wrote --rejects $(fm_mode "$fm_dir/rj_out.csv") under umask 000"

# A file replaced keeps its permissions, less others' write.
chmod 640 "$fm_dir/rj.csv"
(umask 000 && "$segc" run "$fm_dir/rules.seg" --data "$fm_dir/data.csv" --as-of 2026-11-01 --on-error skip \
  --rejects "$fm_dir/rj.csv" >/dev/null 2>&1)
[ "$(fm_mode "$fm_dir/rj.csv")" = 640 ] || fail "file modes: a replaced rejects file did not keep its permissions"
printf 'segment a=x\n' >"$fm_dir/messy.seg"
chmod 666 "$fm_dir/messy.seg"
expect_exit 0 "$segc" fmt --write "$fm_dir/messy.seg"
[ "$(fm_mode "$fm_dir/messy.seg")" = 664 ] ||
  fail "file modes: fmt --write left a rule file $(fm_mode "$fm_dir/messy.seg"), writable by others"
