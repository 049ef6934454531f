# The pull-request workflow shipped in ci/ and .pre-commit-hooks.yaml: the
# steps of ci/github-actions.yml (ci/segc-pr-check.sh) on a throwaway rule
# repository with a base commit and a pull-request commit, and the Markdown
# they add to the job summary; the pre-commit hooks' entries on good and bad
# files. Sourced by run_cli_tests.sh ($segc, $work, fail, expect_exit).
# shellcheck disable=SC2154

pr_repo="$work/pr-repo"
pr_script="$PWD/ci/segc-pr-check.sh"
pr_segc=$(realpath "$segc")
mkdir -p "$pr_repo/rules" "$pr_repo/data"
pr_git() { git -C "$pr_repo" -c user.email=ci@example.com -c user.name=ci "$@"; }
pr_git init -q -b main
cat >"$pr_repo/rules/schema.seg" <<'SEG'
schema customer {
  key id: int
  age: int
}
SEG
cat >"$pr_repo/rules/segments.seg" <<'SEG'
import "schema.seg"

segment adults = age >= 18

test "adults" {
  given { age: 30 } expect adults
}
SEG
printf 'id,age\n1,10\n2,17\n3,18\n4,19\n5,20\n6,21\n7,30\n8,40\n9,50\n10,60\n' >"$pr_repo/data/sample.csv"
pr_git add -A
pr_git commit -qm "the rules"
pr_git checkout -q -b pull-request
sed -i 's/age >= 18/age >= 21/' "$pr_repo/rules/segments.seg"
pr_git commit -qam "adults from 21"

# A good pull request: every step passes, the summary holds the diff.
pr_run() {  # pr_run EXPECTED_STATUS
  (cd "$pr_repo" && env SEGC="$pr_segc" SEGC_DATA=data/sample.csv SEGC_BASE=main SEGC_AS_OF=2026-11-01 \
    GITHUB_STEP_SUMMARY="$work/pr-summary.md" "$pr_script") >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" = "$1" ] || fail "ci/segc-pr-check.sh: exit $got, expected $1: $(cat "$work/out" "$work/err" | head -30)"
}
: >"$work/pr-summary.md"
pr_run 0
grep -qx '### segc diff against main ([0-9a-f]\{12\})' "$work/pr-summary.md" ||
  fail "pr workflow: the summary has no diff heading: $(cat "$work/pr-summary.md")"
grep -qx '| adults | changed | 8 | 5 | -37.5% | 0 | 3 |' "$work/pr-summary.md" ||
  fail "pr workflow: the summary's diff row for adults is wrong: $(cat "$work/pr-summary.md")"
grep -qx '| adults |  | 3, 4, 5 |' "$work/pr-summary.md" || fail "pr workflow: the example keys are missing"
grep -q '^### segc \(fmt\|test\):' "$work/pr-summary.md" && fail "pr workflow: a passing pull request's summary reports a failure"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["runs"][0]["results"] == []' "$pr_repo/segc.sarif" ||
  fail "pr workflow: segc.sarif is not an empty SARIF log"
grep -qx '::group::segc diff against main' "$work/out" || fail "pr workflow: the log has no groups"

# A bad pull request: an unknown name and an unformatted file; every step
# still runs, the annotations and the summary say what failed, exit 1.
printf 'import "schema.seg"\nsegment  teens = agee < 18\n' >"$pr_repo/rules/teens.seg"
pr_git add -A
pr_git commit -qm "teens"
: >"$pr_repo/segc.sarif"
: >"$work/pr-summary.md"
pr_run 1
grep -q '^::error file=rules/teens.seg,line=2,.*title=E0202::' "$work/out" ||
  fail "pr workflow: no annotation for the unknown name: $(head -5 "$work/out")"
grep -q '^### segc: 1 error, 0 warnings' "$work/pr-summary.md" || fail "pr workflow: the check is not in the summary"
grep -q 'rules/teens.seg' "$work/out" "$work/err" || fail "pr workflow: fmt --check does not name the file"
grep -qx '### segc fmt: 1 file(s) not formatted (segc fmt --write fixes them; the job log lists them)' \
  "$work/pr-summary.md" || fail "pr workflow: the summary does not say formatting failed: $(cat "$work/pr-summary.md")"
grep -q '^### segc test: ' "$work/pr-summary.md" || fail "pr workflow: the summary does not say the tests failed"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["runs"][0]["results"][0]["ruleId"] == "E0202"' \
  "$pr_repo/segc.sarif" || fail "pr workflow: segc.sarif lacks the error"

# The workflow file runs that script with the environment it reads, and the
# hooks file's entries work on good and bad files.
python3 - "$PWD/ci/github-actions.yml" "$pr_script" <<'PY' || fail "ci/github-actions.yml does not run the checked steps"
import re, sys, yaml
workflow = yaml.safe_load(open(sys.argv[1]))
script = open(sys.argv[2]).read()
job = workflow["jobs"]["rules"]
runs = [step.get("run", "") for step in job["steps"]]
assert any("segc/ci/segc-pr-check.sh" in run for run in runs), runs
for name in job["env"]:
    assert name in script, name  # every variable set is one the script reads
uses = [step.get("uses", "") for step in job["steps"]]
assert any(u.startswith("actions/checkout@") for u in uses)
checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
assert checkout["with"]["fetch-depth"] == 0  # segc diff needs the base branch
sarif = next(step for step in job["steps"] if "upload-sarif" in step.get("uses", ""))
assert sarif["with"]["sarif_file"] == "segc.sarif"
assert "pull_request" in workflow[True] if True in workflow else "pull_request" in workflow["on"]
PY
python3 - "$PWD/.pre-commit-hooks.yaml" >"$work/hooks" <<'PY' || fail ".pre-commit-hooks.yaml does not parse"
import re, sys, yaml
for hook in yaml.safe_load(open(sys.argv[1])):
    assert re.search(hook["files"], "rules/a.seg") and not re.search(hook["files"], "README.md"), hook
    assert hook["language"] == "system" and hook["entry"].startswith("segc "), hook
    print(hook["id"], hook["entry"][len("segc "):])
PY
[ "$(wc -l <"$work/hooks")" = 2 ] || fail ".pre-commit-hooks.yaml: not two hooks: $(cat "$work/hooks")"
while read -r pr_hook pr_args; do
  # shellcheck disable=SC2086
  (cd "$pr_repo" && "$pr_segc" $pr_args rules/segments.seg rules/schema.seg) >/dev/null 2>&1 ||
    fail "hook $pr_hook fails on good files"
  # shellcheck disable=SC2086
  (cd "$pr_repo" && "$pr_segc" $pr_args rules/teens.seg) >/dev/null 2>&1 && fail "hook $pr_hook passes a bad file"
done <"$work/hooks"
