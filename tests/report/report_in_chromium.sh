#!/usr/bin/env bash
# segc report's page in a real browser, headless Chromium (Debian's
# `chromium`, installed by tools/setup-debian.sh):
#   - the page shows every section and, for every segment and partition
#     group, the count that `segc run` wrote to its manifest;
#   - the console stays empty: no script error, nothing blocked by the page's
#     Content-Security-Policy, nothing fetched from elsewhere;
#   - sorting the segments table by a click on "Members" works (the page is
#     loaded in a frame of a small harness page that clicks and reads it);
#   - a screenshot is written to SCREENSHOT (docs/images/report.png shows one).
# A control page with a script error must make the console check fail first,
# so the check cannot pass on a log that never shows console messages.
#
#   report_in_chromium.sh PATH_TO_SEGC SCREENSHOT   (from the repository root)
set -u
segc=$1
screenshot=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

chromium=$(command -v chromium || command -v chromium-browser) ||
  { echo "FAIL: chromium is not installed; tools/setup-debian.sh installs it"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SEGC_CACHE_DIR="$work/cache"
flags=(--headless --disable-gpu --no-first-run --no-default-browser-check --hide-scrollbars
       --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --window-size=1280,2400)
# Chromium's sandbox needs user namespaces that a root shell in a container lacks.
[ "$(id -u)" = 0 ] && flags+=(--no-sandbox)

# browse URL NAME [FLAGS...]: the DOM after scripts ran in $work/NAME.dom, the log in $work/NAME.log.
browse() {
  local url=$1 name=$2
  shift 2
  timeout 120 "$chromium" "${flags[@]}" "$@" --dump-dom "$url" >"$work/$name.dom" 2>"$work/$name.log" ||
    fail "chromium could not render $url (exit $?): $(grep -v dbus "$work/$name.log" | tail -3)"
}
console_lines() { grep ':CONSOLE' "$work/$1.log"; }

# The control: a script error must be seen.
printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>c</title></head><body><script>missing_function();</script></body></html>\n' \
  >"$work/control.html"
browse "file://$work/control.html" control
console_lines control | grep -q 'Uncaught ReferenceError' ||
  fail "the control page's script error did not reach the log; the console check would see nothing"

day=(--as-of 2026-11-01)
data=examples/retail/customers.csv
segments=nov_excluded,nov_holdout,nov_vip_winback,nov_birthday,adults,seniors,young_urban,kazan,november
"$segc" run examples/retail --data "$data" "${day[@]}" --out "$work/run" --segments "$segments" >/dev/null ||
  fail "segc run failed"
"$segc" run examples/retail --data "$data" --as-of 2026-09-01 --out "$work/sept" >/dev/null || fail "segc run failed"
"$segc" run examples/retail --data "$data" --as-of 2026-10-01 --out "$work/oct" >/dev/null || fail "segc run failed"
"$segc" report examples/retail --data "$data" "${day[@]}" --segments "$segments" --profile age,city,tier,channel \
  --history "$work/sept" "$work/oct" -o "$work/report.html" >/dev/null || fail "segc report failed"

browse "file://$work/report.html" report --screenshot="$screenshot"
[ -z "$(console_lines report)" ] || fail "the page wrote to the console: $(console_lines report | head -5)"
python3 - "$work/report.dom" "$work/run/manifest.json" <<'PY' || fail "the rendered page does not show the run's counts"
import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
manifest = json.load(open(sys.argv[2], encoding="utf-8"))
problems = []
for heading in ["Segments", "Partitions", "Overlaps", "Profiles", "Sizes over time"]:
    if f">{heading}</h2>" not in dom:
        problems.append(f"no section {heading}")
rows = {html.unescape(n): int(c) for n, c in re.findall(
    r'<th scope="row"><a href="#segment-\d+">([^<]*)</a></th><td class="num" data-sort="(\d+)">', dom)}
for segment in manifest["segments"]:
    if rows.get(segment["name"]) != segment["members"]:
        problems.append(f"{segment['name']}: page {rows.get(segment['name'])}, run {segment['members']}")
for partition in manifest["partitions"]:
    for group in partition["groups"]:
        shown = "{:,}".format(group["members"])
        if not re.search(re.escape(group["name"]) + r'</a>(?: <span class="muted">\(else\)</span>)?</th><td class="num">'
                         + re.escape(shown) + "</td>", dom):
            problems.append(f"group {group['name']}: {shown} not shown")
if "<svg" not in dom or 'class="heat"' not in dom:
    problems.append("no heat map")
if problems:
    sys.exit("; ".join(problems))
PY
[ "$(stat -c %s "$screenshot" 2>/dev/null || echo 0)" -gt 20000 ] || fail "no screenshot at $screenshot"

# Sorting by a click, in a harness page that loads the report in a frame.
cat >"$work/harness.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>harness</title></head><body><p id="result">not run</p>
<iframe id="page" src="report.html" width="1200" height="800"></iframe>
<script>
document.getElementById("page").addEventListener("load", function () {
  var result = document.getElementById("result");
  try {
    var table = document.getElementById("page").contentDocument.querySelector("#segments table");
    var button = table.querySelectorAll("thead th button")[1];
    button.click();
    button.click();
    var names = Array.prototype.map.call(table.tBodies[0].rows, function (row) { return row.cells[0].textContent; });
    result.textContent = "sorted " + button.parentNode.getAttribute("aria-sort") + ": " + names.join(" ");
  } catch (error) {
    result.textContent = "error: " + error;
  }
});
</script></body></html>
HTML
browse "file://$work/harness.html" harness --allow-file-access-from-files
[ -z "$(console_lines harness)" ] || fail "sorting wrote to the console: $(console_lines harness | head -5)"
want=$(python3 -c '
import json, sys
segments = json.load(open(sys.argv[1]))["segments"]
print(" ".join(s["name"] for s in sorted(segments, key=lambda s: -s["members"])))' "$work/run/manifest.json")
grep -q "<p id=\"result\">sorted descending: $want</p>" "$work/harness.dom" ||
  fail "sorting by Members: $(grep -o '<p id="result">[^<]*' "$work/harness.dom"), want $want"

if [ "$failures" -ne 0 ]; then
  echo "$failures browser check(s) failed"
  exit 1
fi
echo "the report renders in Chromium: content, console and sorting checked; screenshot $screenshot"
