#!/usr/bin/env bash
# The pull-request checks of a rule repository, run by ci/github-actions.yml
# (and by tests/cli/cases/pr_workflow.sh on a throwaway repository):
#   1. segc check --format github: annotations on the changed lines, and the
#      findings appended to the job summary; SARIF in segc.sarif for code scanning;
#   2. segc fmt --check: files that are not formatted;
#   3. segc test: the test blocks;
#   4. segc diff against the base branch, as a Markdown table appended to the
#      job summary (only with sample data: SEGC_DATA).
# Every step runs even when an earlier one failed; the exit status is 1 when
# any failed. Environment (all optional):
#   SEGC                 the segc executable (default: segc on PATH)
#   SEGC_RULES           the rules folder (default: rules)
#   SEGC_DATA            customers to evaluate for the diff (CSV or columnar)
#   SEGC_BASE            the revision to compare with (default: origin/$GITHUB_BASE_REF)
#   SEGC_AS_OF           the date `today` means in the diff (default: the current date)
#   SEGC_FAIL_ON_CHANGE  fail when a segment's size moves more than this many percent
#   GITHUB_STEP_SUMMARY  the job summary file GitHub Actions provides
set -uo pipefail
segc=${SEGC:-segc}
rules=${SEGC_RULES:-rules}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
status=0

echo "::group::segc check"
"$segc" check --format github "$rules" || status=1
"$segc" check --format sarif "$rules" >segc.sarif || true
echo "::endgroup::"

# The summary says when formatting or tests failed too, not only the
# check's findings: a reviewer reading it must not see only "no problems".
echo "::group::segc fmt --check"
if ! "$segc" fmt --check "$rules" >segc-fmt.txt; then
  status=1
  unformatted=$(grep -c . segc-fmt.txt)
  echo "### segc fmt: $unformatted file(s) not formatted (segc fmt --write fixes them; the job log lists them)" >>"$summary"
fi
cat segc-fmt.txt
echo "::endgroup::"

echo "::group::segc test"
if ! "$segc" test "$rules" >segc-test.txt 2>&1; then
  status=1
  echo "### segc test: $(tail -n 1 segc-test.txt) (the job log shows which and why)" >>"$summary"
fi
cat segc-test.txt
echo "::endgroup::"

if [ -n "${SEGC_DATA:-}" ]; then
  base=${SEGC_BASE:-origin/${GITHUB_BASE_REF:-main}}
  flags=(--base "$base" --data "$SEGC_DATA" --format markdown)
  [ -n "${SEGC_AS_OF:-}" ] && flags+=(--as-of "$SEGC_AS_OF")
  [ -n "${SEGC_FAIL_ON_CHANGE:-}" ] && flags+=(--fail-on-change "$SEGC_FAIL_ON_CHANGE")
  echo "::group::segc diff against $base"
  "$segc" diff "$rules" "${flags[@]}" >segc-diff.md || status=1
  cat segc-diff.md
  cat segc-diff.md >>"$summary"
  echo "::endgroup::"
fi
exit $status
