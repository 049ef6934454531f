# segc test: passing and failing test blocks, the failure report with the
# deciding values, and the example's own tests on both engines.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

test_dir="$work/test"
mkdir -p "$test_dir"
cat >"$test_dir/rules.seg" <<'SEG'
schema customer {
  key id: int
  age: int
  city: string
}
segment adults = age >= 18
segment moscow_adults = adults and city = "Москва"
test "passes" as of 2026-11-01 {
  given { age: 30, city: "Москва" } expect moscow_adults
  given { age: 17, city: "Москва" } expect not moscow_adults
  given { city: "Москва" } expect not adults
}
SEG
expect_exit 0 "$segc" test "$test_dir/rules.seg"
grep -q '1 test block, 3 expectations: all passed' "$work/out" || fail "test: summary of a passing run"

cat >"$test_dir/failing.seg" <<'SEG'
import "rules.seg"
test "fails" as of 2026-11-01 {
  given { age: 17, city: "Москва" } expect moscow_adults
  given { city: "Москва" } expect moscow_adults
}
SEG
expect_exit 1 "$segc" test "$test_dir/failing.seg"
grep -q 'failing.seg:3:.*customer 1: expected moscow_adults' "$work/err" || fail "test: failure location and customer"
grep -q 'age >= 18 → false' "$work/err" || fail "test: the deciding comparison's value is not shown"
grep -q 'age → 17' "$work/err" || fail "test: the field value is not shown"
grep -q 'age >= 18 → unknown' "$work/err" || fail "test: an unknown condition is not shown as unknown"
grep -q 'age → missing' "$work/err" || fail "test: a missing field is not shown as missing"
grep -q '2 failed' "$work/out" || fail "test: failure count"
expect_exit 1 "$segc" test "$test_dir/failing.seg" --engine interpreter

# The bundled example's hand-computed tests pass on both engines.
expect_exit 0 "$segc" test examples/retail
expect_exit 0 "$segc" test examples/retail --engine interpreter
