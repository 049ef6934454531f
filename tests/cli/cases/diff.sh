# segc diff: the rules as they are against a git revision, on the same data.
# Sizes, entered and left agree with two `segc run`s; renamed, added,
# removed and changed segments and partition groups are told apart; a change
# in an imported file shows in the segments that use it; the work tree and
# index are left alone; --fail-on-change guards sizes.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

df_repo="$work/diff-repo"
mkdir -p "$df_repo/rules"
df_git() { git -C "$df_repo" -c user.email=ci@example.com -c user.name=ci "$@"; }
df_git init -q
cat >"$df_repo/rules/schema.seg" <<'SEG'
schema customer {
  key id: int
  age: int
  city: string
}
SEG
cat >"$df_repo/rules/base.seg" <<'SEG'
import "schema.seg"
segment adults = age >= 18
segment seniors = age >= 60
segment gone = age = 40
SEG
cat >"$df_repo/rules/campaign.seg" <<'SEG'
import "base.seg"
segment local_adults = adults and city = "Казань"
partition offers { seniors, local_adults }
SEG
awk 'BEGIN { print "id,age,city"; for (i = 1; i <= 300; i++) print i "," (i * 7) % 90 "," (i % 3 == 0 ? "Казань" : "Москва") }' \
  >"$df_repo/customers.csv"
df_git add -A
df_git commit -qm base
df_base=$(df_git rev-parse HEAD)

# The change: adults from 21 (used by local_adults in another file), seniors
# renamed, gone removed, a new segment.
sed -i 's/age >= 18/age >= 21/; s/segment seniors/segment elders/; /segment gone/d' "$df_repo/rules/base.seg"
sed -i 's/{ seniors,/{ elders,/' "$df_repo/rules/campaign.seg"
printf 'segment young = age < 25\n' >>"$df_repo/rules/base.seg"
df_status=$(df_git status --porcelain)

expect_exit 0 "$segc" diff "$df_repo/rules" --base HEAD --data "$df_repo/customers.csv" --as-of 2026-11-01 --format json
[ "$(df_git status --porcelain)" = "$df_status" ] || fail "diff changed the work tree or index: $(df_git status --porcelain)"
cp "$work/out" "$work/diff.json"

# What two runs say: the base revision's files and the work tree's.
mkdir -p "$work/diff-old"
df_git archive "$df_base" rules | tar -x -C "$work/diff-old"
expect_exit 0 "$segc" run "$work/diff-old/rules" --data "$df_repo/customers.csv" --as-of 2026-11-01 --out "$work/diff-run-old"
expect_exit 0 "$segc" run "$df_repo/rules" --data "$df_repo/customers.csv" --as-of 2026-11-01 --out "$work/diff-run-new"
python3 - "$work/diff.json" "$work/diff-run-old" "$work/diff-run-new" <<'PY' || fail "diff disagrees with two runs: $(head -c 3000 "$work/diff.json")"
import json, os, sys
report = json.load(open(sys.argv[1]))
def keys(folder, name):
    path = os.path.join(folder, name + ".keys")
    return [line.strip() for line in open(path)] if os.path.exists(path) else None
entries = {e["name"]: e for e in report["segments"] + report["partitions"]}
want = {"adults": "changed", "local_adults": "changed", "elders": "renamed", "gone": "removed", "young": "added",
        "offers.elders": "added", "offers.seniors": "removed", "offers.local_adults": "changed"}
for name, status in want.items():
    assert entries[name]["status"] == status, (name, entries[name])
assert entries["elders"]["renamed_from"] == "seniors", entries["elders"]
assert report["customers"] == 300
for name, e in entries.items():
    old_name = e.get("renamed_from", name)
    old, new = keys(sys.argv[2], old_name), keys(sys.argv[3], name)
    old, new = old or [], new or []
    assert e["before"] == len(old) and e["after"] == len(new), (name, e, len(old), len(new))
    entered = [k for k in new if k not in set(old)]
    left = [k for k in old if k not in set(new)]
    assert e["entered"] == len(entered) and e["left"] == len(left), (name, e)
    assert e["examples_entered"] == entered[:5] and e["examples_left"] == left[:5], (name, e)
assert entries["adults"]["left"] > 0 and entries["local_adults"]["left"] > 0
PY

# Text and Markdown; --fail-on-change.
expect_exit 0 "$segc" diff "$df_repo/rules" --base HEAD --data "$df_repo/customers.csv" --as-of 2026-11-01
grep -q '^seniors → elders  *renamed ' "$work/out" || fail "diff text: the rename is not shown: $(cat "$work/out")"
grep -q '^gone  *removed ' "$work/out" || fail "diff text: the removed segment is not shown"
expect_exit 0 "$segc" diff "$df_repo/rules" --base HEAD --data "$df_repo/customers.csv" --as-of 2026-11-01 --format markdown
grep -q '^| adults | changed | ' "$work/out" || fail "diff markdown: no row for adults: $(cat "$work/out")"
grep -q '^| Segment | Status | Before | After | Change | Entered | Left |$' "$work/out" || fail "diff markdown: no table header"
expect_exit 1 "$segc" diff "$df_repo/rules" --base HEAD --data "$df_repo/customers.csv" --as-of 2026-11-01 --fail-on-change 1
grep -q 'moved by more than 1%: adults' "$work/err" || fail "diff --fail-on-change: $(cat "$work/err")"
expect_exit 0 "$segc" diff "$df_repo/rules" --base HEAD --data "$df_repo/customers.csv" --as-of 2026-11-01 --fail-on-change 1000

# Against itself nothing changed; a rule file new since the base is all added.
df_git stash -q
expect_exit 0 "$segc" diff "$df_repo/rules" --base HEAD --data "$df_repo/customers.csv" --as-of 2026-11-01 --format markdown
grep -q 'No segment or partition group changed' "$work/out" || fail "diff of an unchanged tree: $(cat "$work/out")"
df_git stash pop -q
printf 'import "schema.seg"\nsegment fresh = age = 1\n' >"$df_repo/rules/fresh.seg"
expect_exit 0 "$segc" diff "$df_repo/rules/fresh.seg" --base HEAD --data "$df_repo/customers.csv" --as-of 2026-11-01
grep -q '^fresh  *added ' "$work/out" || fail "diff of a new file: $(cat "$work/out")"

# Mistakes.
expect_exit 2 "$segc" diff "$df_repo/rules" --base no-such-branch --data "$df_repo/customers.csv"
grep -q "'no-such-branch' is not a commit of the repository" "$work/err" || fail "diff: a bad revision: $(cat "$work/err")"
expect_exit 2 "$segc" diff "$df_repo/rules" --base --upload-pack=x --data "$df_repo/customers.csv"
mkdir -p "$work/no-git"
cp "$df_repo/rules/schema.seg" "$work/no-git/"
expect_exit 2 env GIT_CEILING_DIRECTORIES="$work" "$segc" diff "$work/no-git" --base HEAD --data "$df_repo/customers.csv"
grep -q 'is not in a git repository' "$work/err" || fail "diff outside git: $(cat "$work/err")"
df_tmp=$(dirname "$(mktemp -u)")
[ -z "$(find "$df_tmp" -maxdepth 1 -name 'segc-diff-*' -newer "$df_repo/customers.csv")" ] ||
  fail "diff left its copy of the base revision behind: $(find "$df_tmp" -maxdepth 1 -name 'segc-diff-*')"

# A bad row stops the diff, or with --on-error skip is left out of both sides.
{ cat "$df_repo/customers.csv"; echo "301,old,Москва"; } >"$work/diff-bad.csv"
expect_exit 1 "$segc" diff "$df_repo/rules" --base "$df_base" --data "$work/diff-bad.csv" --as-of 2026-11-01
grep -q "(--on-error skip leaves bad rows out)" "$work/err" || fail "diff: a bad row does not suggest --on-error skip"
expect_exit 0 "$segc" diff "$df_repo/rules" --base "$df_base" --data "$work/diff-bad.csv" --as-of 2026-11-01 \
  --on-error skip --format json
python3 -c 'import json, sys; d = json.load(sys.stdin); sys.exit(0 if any(s["name"] == "elders" for s in d["segments"]) else 1)' \
  <"$work/out" || fail "diff --on-error skip: no comparison"
