# segc explain: one customer's values and the value of every sub-expression;
# membership and partition groups agree with `segc run` on the same data,
# CSV or columnar; bad keys and names are exit 2 with suggestions.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

ex_dir="$work/explain"
mkdir -p "$ex_dir"
ex_data=examples/retail/customers.csv
ex_day=(--as-of 2026-11-01)
expect_exit 0 "$segc" run examples/retail --data "$ex_data" "${ex_day[@]}" --out "$ex_dir/run" \
  --segments kazan,nov_vip_winback,november
expect_exit 0 "$segc" import "$ex_data" --schema examples/retail/schema.seg -o "$ex_dir/customers.segcol"

# For a spread of customers, CSV and columnar: member exactly when run lists
# the key, and the partition group run put the customer in.
for ex_key in 1 2 3 20 58 101 777 1500 4242 9999 20000; do
  for ex_input in "$ex_data" "$ex_dir/customers.segcol"; do
    expect_exit 0 "$segc" explain examples/retail --data "$ex_input" --key "$ex_key" "${ex_day[@]}" kazan --format json
    ex_member=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(str(d["member"]).lower(), d["value"], d["tree"]["value"])' <"$work/out")
    if grep -qx "$ex_key" "$ex_dir/run/kazan.keys"; then ex_want="true true true"; else ex_want="false false false"; fi
    [ "$ex_member" = "$ex_want" ] || fail "explain kazan --key $ex_key ($ex_input): '$ex_member', run says '$ex_want'"
    expect_exit 0 "$segc" explain examples/retail --data "$ex_input" --key "$ex_key" "${ex_day[@]}" november --format json
    ex_group=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["group"])' <"$work/out")
    ex_file=$(grep -lx "$ex_key" "$ex_dir"/run/november.*.keys)
    [ "$ex_file" = "$ex_dir/run/november.$ex_group.keys" ] ||
      fail "explain november --key $ex_key ($ex_input): group $ex_group, run put it in $ex_file"
  done
done

# The text: the fields read, the partition's winner and why the groups before it lost.
expect_exit 0 "$segc" explain examples/retail --data "$ex_data" --key 2 "${ex_day[@]}" november --depth 3
head -1 "$work/out" | grep -qx "customer 2 ($ex_data, as of 2026-11-01)" || fail "explain: no headline: $(head -1 "$work/out")"
grep -qx '  email = "kirillvolkova636@ya.ru"' "$work/out" || fail "explain: the field values are not listed"
grep -qx "november → group 'nov_excluded'" "$work/out" || fail "explain: the partition's group is not named"
grep -qx '        reachable → not a member' "$work/out" || fail "explain --depth 3: referenced segments are not expanded"
grep -qx '                last_app_open within last 90 days → unknown' "$work/out" ||
  fail "explain: an unknown condition is not shown as unknown"
expect_exit 0 "$segc" explain examples/retail --data "$ex_data" --key 2 "${ex_day[@]}" november.nov_birthday
grep -qx "november.nov_birthday → not a member (the customer is in group 'nov_excluded')" "$work/out" ||
  fail "explain PARTITION.GROUP: $(sed -n 10p "$work/out")"
grep -qx '      staff → not a member' "$work/out" || fail "explain: a referenced segment is not named"
grep -qx '        ... (--depth 2 explains it)' "$work/out" || fail "explain: no hint that --depth expands it"

# Mistakes: exit 2, a clear message, nothing on stdout.
expect_exit 2 "$segc" explain examples/retail --data "$ex_data" --key 20017 "${ex_day[@]}" kazan
grep -qx "segc: --key: no customer has the key '20017' in $ex_data (nearest keys: 20000, 19999, 19998)" "$work/err" ||
  fail "explain: a missing key has no nearest keys: $(cat "$work/err")"
[ -s "$work/out" ] && fail "explain: a missing key prints to stdout"
expect_exit 2 "$segc" explain examples/retail --data "$ex_data" --key abc "${ex_day[@]}" kazan
grep -q "'abc' is not a key: the key field 'customer_id' is an int" "$work/err" || fail "explain: a non-int key"
expect_exit 2 "$segc" explain examples/retail --data "$ex_data" --key 3 "${ex_day[@]}" kazn
grep -q "no segment, partition or PARTITION.GROUP is called 'kazn' (did you mean 'kazan'?)" "$work/err" ||
  fail "explain: an unknown segment has no suggestion: $(cat "$work/err")"
expect_exit 2 "$segc" explain examples/retail --data "$ex_data" --key 3 "${ex_day[@]}"
grep -q "explain needs rule files, then the segment" "$work/err" || fail "explain without a segment: $(cat "$work/err")"

# String keys, nearest by spelling; values from the data are escaped.
printf 'schema c {\n  key login: string\n  city: string\n}\nsegment spb = city = "СПб"\n' >"$ex_dir/rules.seg"
printf 'login,city\nalice,СПб\nbob,"М\033[2Jск"\n' >"$ex_dir/logins.csv"
expect_exit 0 "$segc" explain "$ex_dir/rules.seg" --data "$ex_dir/logins.csv" --key alice spb
grep -qx 'spb → member' "$work/out" || fail "explain: a string key's customer: $(cat "$work/out")"
expect_exit 0 "$segc" explain "$ex_dir/rules.seg" --data "$ex_dir/logins.csv" --key bob spb
grep -q "$(printf '\033')" "$work/out" && fail "explain writes a data value's escape sequence raw"
grep -qF 'city = "М\u{1B}[2Jск"' "$work/out" || fail "explain: the escaped value is not shown: $(cat -v "$work/out")"
expect_exit 2 "$segc" explain "$ex_dir/rules.seg" --data "$ex_dir/logins.csv" --key alcie spb
grep -q "nearest keys: alice" "$work/err" || fail "explain: a misspelt string key has no suggestion: $(cat "$work/err")"
