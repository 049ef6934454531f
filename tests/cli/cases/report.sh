# segc report: the page's segment and group counts are those of `segc run`,
# its overlaps those of the member lists, CSV and columnar give the same page,
# --history adds earlier runs; bad flags are exit 2 and --werror writes nothing.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

rp_dir="$work/report"
mkdir -p "$rp_dir"
rp_data=examples/retail/customers.csv
rp_day=(--as-of 2026-11-01)
expect_exit 0 "$segc" run examples/retail --data "$rp_data" "${rp_day[@]}" --out "$rp_dir/run"
expect_exit 0 "$segc" report examples/retail --data "$rp_data" "${rp_day[@]}" -o "$rp_dir/report.html"
grep -qx "$rp_dir/report.html: 82 segments, 1 partition over 20000 customers as of 2026-11-01" "$work/out" ||
  fail "report: no summary line: $(cat "$work/out")"
[ "$(stat -c %a "$rp_dir/report.html")" = 644 ] || [ "$(stat -c %a "$rp_dir/report.html")" = 600 ] ||
  fail "report: the page may be written by others: $(stat -c %a "$rp_dir/report.html")"

# Every segment's and group's count on the page is the manifest's.
python3 - "$rp_dir/report.html" "$rp_dir/run/manifest.json" <<'PY' || fail "report: counts differ from segc run"
import html, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
manifest = json.load(open(sys.argv[2], encoding="utf-8"))
shown = {html.unescape(name): int(count) for name, count in re.findall(
    r'<th scope="row"><a href="#segment-\d+">([^<]*)</a></th><td class="num" data-sort="(\d+)">', page)}
want = {s["name"]: s["members"] for s in manifest["segments"]}
if shown != want:
    sys.exit(f"segments: {sorted(set(shown.items()) ^ set(want.items()))[:5]}")
for partition in manifest["partitions"]:
    for group in partition["groups"]:
        row = re.search(r'</svg><a href="#group-\d+">' + re.escape(group["name"]) + r'</a>(?: <span class="muted">\(else\)</span>)?</th>'
                        r'<td class="num">([\d,]+)</td>', page)
        if row is None or int(row.group(1).replace(",", "")) != group["members"]:
            sys.exit(f"group {group['name']}: page {row and row.group(1)}, run {group['members']}")
PY

# Every partition group has a profile, the else group too.
grep -q '<details id="group-9"><summary><strong>november.nov_newsletter</strong> — 7,027 members' "$rp_dir/report.html" ||
  fail "report: the else group nov_newsletter has no profile"

# Overlaps: the heat map's counts are those of the member lists.
rp_both=$(comm -12 <(sort "$rp_dir/run/kazan.keys") <(sort "$rp_dir/run/adults.keys") | wc -l)
expect_exit 0 "$segc" report examples/retail --data "$rp_data" "${rp_day[@]}" -o "$rp_dir/small.html" \
  --segments adults,kazan,nov_holdout --profile age,city,tier,channel
grep -q "<title>adults and kazan: $rp_both in both, Jaccard " "$rp_dir/small.html" ||
  fail "report: the overlap of adults and kazan is not $rp_both"
for rp_field in age city tier channel; do
  grep -q "<h4>$rp_field</h4>" "$rp_dir/small.html" || fail "report --profile: no $rp_field profile"
done

# The columnar file gives the same page, but for the data's name.
expect_exit 0 "$segc" import "$rp_data" --schema examples/retail/schema.seg -o "$rp_dir/customers.segcol"
expect_exit 0 "$segc" report examples/retail --data "$rp_dir/customers.segcol" "${rp_day[@]}" -o "$rp_dir/columnar.html"
sed "s|$rp_dir/customers.segcol|$rp_data|g" "$rp_dir/columnar.html" | cmp -s - "$rp_dir/report.html" ||
  fail "report: the columnar file gives another page than the CSV"
# Same data, same bytes; - writes the page to standard output.
expect_exit 0 "$segc" report examples/retail --data "$rp_data" "${rp_day[@]}" -o -
cmp -s "$work/out" "$rp_dir/report.html" || fail "report -o -: not the same page"

# --history: earlier runs' manifests give sizes over time.
expect_exit 0 "$segc" run examples/retail --data "$rp_data" --as-of 2026-09-01 --out "$rp_dir/sept" --segments kazan
expect_exit 0 "$segc" run examples/retail --data "$rp_data" --as-of 2026-10-01 --out "$rp_dir/oct" --segments kazan
expect_exit 0 "$segc" report examples/retail --data "$rp_data" "${rp_day[@]}" -o "$rp_dir/history.html" \
  --segments kazan,adults --history "$rp_dir/oct" "$rp_dir/sept"
grep -q 'aria-label="share over time: 2026-09-01 3.6%, 2026-10-01 3.6%, 2026-11-01 3.6%"' "$rp_dir/history.html" ||
  fail "report --history: kazan's sizes over time are missing"
grep -q '<h2 id="history-title">Sizes over time</h2>' "$rp_dir/history.html" || fail "report --history: no section"

# Bad flags and outputs: exit 2, nothing written.
expect_exit 2 "$segc" report examples/retail --data "$rp_data" -o "$rp_dir/x.html" --history "$rp_dir/nowhere"
grep -q "nowhere: no such folder or file" "$work/err" || fail "report --history: no reason given: $(cat "$work/err")"
expect_exit 2 "$segc" report examples/retail --data "$rp_data" -o "$rp_dir/x.html" --history "$rp_dir/oct" "$rp_dir/oct/"
grep -q "given twice" "$work/err" || fail "report --history twice: $(cat "$work/err")"
expect_exit 2 "$segc" report examples/retail --data "$rp_data" -o "$rp_dir/no/such/folder/x.html"
grep -q "does not exist; create it first" "$work/err" || fail "report -o in a missing folder: $(cat "$work/err")"
expect_exit 2 "$segc" report examples/retail --data "$rp_data" -o "$rp_dir/x.html" --profile cty
grep -q "the schema has no field 'cty'; did you mean 'city'?" "$work/err" || fail "report --profile: no suggestion"
expect_exit 2 "$segc" report examples/retail --data "$rp_data" -o "$rp_dir/x.html" --profile birth_date
grep -q "'birth_date' is a date field" "$work/err" || fail "report --profile date: $(cat "$work/err")"
expect_exit 2 "$segc" report examples/retail --data "$rp_data" -o "$rp_dir"
grep -q "is a folder" "$work/err" || fail "report -o FOLDER: $(cat "$work/err")"
cp "$rp_data" "$rp_dir/data.csv"
expect_exit 2 "$segc" report examples/retail --data "$rp_dir/data.csv" -o "$rp_dir/data.csv"
cmp -s "$rp_data" "$rp_dir/data.csv" || fail "report -o DATA: the data was overwritten"
mkdir -p "$rp_dir/rules"
cp examples/retail/*.seg "$rp_dir/rules/"
expect_exit 2 "$segc" report "$rp_dir/rules" --data "$rp_data" -o "$rp_dir/rules/schema.seg"
cmp -s examples/retail/schema.seg "$rp_dir/rules/schema.seg" || fail "report -o RULES: a rule file was overwritten"
[ ! -e "$rp_dir/x.html" ] || fail "report: a failed report left a page"

# A name as long as a file name may be (255 bytes) is written.
rp_long="$rp_dir/$(printf 'b%.0s' $(seq 1 250)).html"
expect_exit 0 "$segc" report examples/retail --data "$rp_data" "${rp_day[@]}" --segments kazan -o "$rp_long"
[ -s "$rp_long" ] || fail "report -o with a 255-byte name: $(cat "$work/err")"

# --on-error skip leaves bad rows out, says how many on stderr and on the
# page, and exits 1 as segc run does.
{ head -3 "$rp_data"; head -4 "$rp_data" | tail -1 | sed 's/^\([0-9]*\),[0-9]*,/\1,abc,/'; } >"$rp_dir/bad.csv"
expect_exit 1 "$segc" report examples/retail --data "$rp_dir/bad.csv" "${rp_day[@]}" -o "$rp_dir/bad.html"
grep -q "(--on-error skip leaves bad rows out)" "$work/err" || fail "report: no hint about --on-error skip"
expect_exit 1 "$segc" report examples/retail --data "$rp_dir/bad.csv" "${rp_day[@]}" -o "$rp_dir/bad.html" --on-error skip
grep -q "1 bad row left out" "$work/err" || fail "report --on-error skip: rows left out not reported: $(cat "$work/err")"
grep -q "<dd>2, from <code>[^<]*</code>; 1 row with bad values left out" "$rp_dir/bad.html" ||
  fail "report --on-error skip: the page does not say a row was left out"
printf 'customer_id,agee\n1,2\n' >"$rp_dir/header.csv"
expect_exit 1 "$segc" report examples/retail --data "$rp_dir/header.csv" "${rp_day[@]}" -o "$rp_dir/h.html"
grep -q "on-error skip" "$work/err" && fail "report: a bad header is not skippable, but --on-error skip is suggested"

# Data warnings are on the page; under --werror nothing is written and an
# earlier page stays as it was.
cat >"$rp_dir/typo.seg" <<'SEG'
import "schema.seg"
segment moscow = city = "Масква"
SEG
cp examples/retail/schema.seg "$rp_dir/schema.seg"
expect_exit 0 "$segc" report "$rp_dir/typo.seg" --data "$rp_data" -o "$rp_dir/typo.html"
grep -q 'warning\[W0701\]' "$work/err" || fail "report: the data warning is not printed"
grep -q '<strong>W0701</strong>' "$rp_dir/typo.html" || fail "report: the data warning is not on the page"
grep -q '<a href="#warnings">Data warnings (2)</a>' "$rp_dir/typo.html" ||
  fail "report: the data warnings (W0701, W0702) are not linked"
cp "$rp_dir/typo.html" "$rp_dir/typo.before"
expect_exit 1 "$segc" report "$rp_dir/typo.seg" --data "$rp_data" -o "$rp_dir/typo.html" --werror
cmp -s "$rp_dir/typo.html" "$rp_dir/typo.before" || fail "report --werror: the earlier page was replaced"
