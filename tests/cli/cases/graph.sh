# segc graph: every segment, partition and file once, the references, lists
# and imports as edges, in dot, mermaid and json; --affected follows the
# references backwards. Names from files cannot break out of their quotes.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

gr_dir="$work/graph"
mkdir -p "$gr_dir/rules"
cat >"$gr_dir/rules/schema.seg" <<'SEG'
schema customer {
  key id: int
  age: int
  city: string
}
SEG
cat >"$gr_dir/rules/base.seg" <<'SEG'
import "schema.seg"
segment adults = age >= 18
segment local = city = "Казань"
SEG
cat >"$gr_dir/rules/campaign.seg" <<'SEG'
import "base.seg"
segment local_adults = adults and local
segment others = not local_adults
partition offers { local_adults, others }
segment unrelated = age < 5
SEG

expect_exit 0 "$segc" graph "$gr_dir/rules" --format json
python3 - "$work/out" "$gr_dir/rules" <<'PY' || fail "graph --format json: $(cat "$work/out")"
import json, sys
g = json.load(open(sys.argv[1]))
d = sys.argv[2]
files = {f["path"]: f["imports"] for f in g["files"]}
assert files[d + "/campaign.seg"] == [d + "/base.seg"], files
assert files[d + "/base.seg"] == [d + "/schema.seg"], files
seg = {s["name"]: (s["file"], s["references"]) for s in g["segments"]}
assert seg["local_adults"] == (d + "/campaign.seg", ["adults", "local"]), seg
assert seg["others"][1] == ["local_adults"] and seg["adults"][1] == [], seg
assert sorted(seg) == ["adults", "local", "local_adults", "others", "unrelated"], seg
assert g["partitions"] == [{"name": "offers", "file": d + "/campaign.seg", "segments": ["local_adults", "others"]}], g["partitions"]
PY

expect_exit 0 "$segc" graph "$gr_dir/rules"
head -1 "$work/out" | grep -qx 'digraph segc {' || fail "graph: not a dot digraph: $(head -1 "$work/out")"
[ "$(grep -c '\[label="local_adults", shape=box\]' "$work/out")" = 1 ] || fail "graph: local_adults is not one box"
grep -q '\[label="offers", shape=hexagon\]' "$work/out" || fail "graph: the partition is not a node"
[ "$(grep -c -- '->' "$work/out")" = 7 ] || fail "graph: not 7 edges (2 imports, 3 references, 2 listed): $(grep -- '->' "$work/out")"
[ "$(grep -c 'style=dashed' "$work/out")" = 2 ] || fail "graph: the imports are not dashed edges"
tail -1 "$work/out" | grep -qx '}' || fail "graph: dot output is not closed"
expect_exit 0 "$segc" graph "$gr_dir/rules" --format mermaid
head -1 "$work/out" | grep -qx 'flowchart LR' || fail "graph --format mermaid: $(head -1 "$work/out")"
grep -q '{{"offers"}}' "$work/out" || fail "graph --format mermaid: the partition is not a hexagon"
[ "$(grep -c -- '==>' "$work/out")" = 2 ] || fail "graph --format mermaid: the listed segments are not thick edges"

# What a change touches: referencing segments and the partitions listing them.
expect_exit 0 "$segc" graph "$gr_dir/rules" --affected local
[ "$(sed 1d "$work/out" | awk '{print $1, $2}' | tr '\n' ' ')" = "segment local segment local_adults segment others partition offers " ] ||
  fail "graph --affected local: $(cat "$work/out")"
head -1 "$work/out" | grep -qx 'a change to local touches 3 segments and 1 partition:' || fail "graph --affected: $(head -1 "$work/out")"
expect_exit 0 "$segc" graph "$gr_dir/rules" --affected unrelated --format json
python3 -c 'import json,sys; d=json.load(sys.stdin); assert d == {"changed": "unrelated", "segments": ["unrelated"], "partitions": []}, d' \
  <"$work/out" || fail "graph --affected --format json: $(cat "$work/out")"
# A change to the schema's file touches every rule; to base.seg what it declares and their users.
expect_exit 0 "$segc" graph "$gr_dir/rules" --affected "$gr_dir/rules/schema.seg"
grep -q 'touches 5 segments and 1 partition' "$work/out" || fail "graph --affected on the schema file: $(head -1 "$work/out")"
expect_exit 0 "$segc" graph "$gr_dir/rules" --affected "$gr_dir/rules/./base.seg"
grep -q 'touches 4 segments and 1 partition' "$work/out" || fail "graph --affected on a file: $(head -1 "$work/out")"
expect_exit 2 "$segc" graph "$gr_dir/rules" --affected loacl
grep -q "no segment, partition or rule file is called 'loacl' (did you mean 'local'?)" "$work/err" ||
  fail "graph --affected with a typo: $(cat "$work/err")"

# A file name with a quote and a control character stays inside its label.
gr_odd="$gr_dir/odd\"na$(printf '\033')me"
mkdir -p "$gr_odd"
cp "$gr_dir/rules/schema.seg" "$gr_odd/"
expect_exit 0 "$segc" graph "$gr_odd"
grep -q "$(printf '\033')" "$work/out" && fail "graph writes a control character from a file name raw"
grep -qF 'odd\"na\\u{1B}me/schema.seg"' "$work/out" || fail "graph: a quote in a file name is not escaped: $(grep label= "$work/out" | head -2)"
expect_exit 0 "$segc" graph "$gr_odd" --format mermaid
grep -q '"[^"]*"[^"]*"\]' "$work/out" && fail "graph --format mermaid: a quote ends a label early: $(grep subgraph "$work/out")"
