// Edge cases of exact number arithmetic (docs/evaluation.md "Numbers").
#include <catch2/catch.hpp>

#include <limits>

#include "evaluate/numeric_ops.h"

namespace {

using namespace segc::evaluate;
namespace numeric = segc::evaluate::numeric;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

Value dec(int64_t unscaled, int scale) { return DecimalValue{unscaled, scale}; }

}  // namespace

TEST_CASE("int arithmetic overflows to missing", "[interpreter]") {
  CHECK(numeric::add(int64_t{kMax - 1}, int64_t{1}) == Value(kMax));
  CHECK(is_missing(numeric::add(int64_t{kMax}, int64_t{1})));
  CHECK(is_missing(numeric::subtract(int64_t{kMin}, int64_t{1})));
  CHECK(is_missing(numeric::multiply(int64_t{int64_t{1} << 62}, int64_t{2})));
  CHECK(numeric::multiply(int64_t{int64_t{1} << 62}, int64_t{-2}) == Value(kMin));
  CHECK(is_missing(numeric::negate(int64_t{kMin})));
  CHECK(is_missing(numeric::absolute(int64_t{kMin})));
  CHECK(numeric::absolute(int64_t{kMin + 1}) == Value(kMax));
  CHECK(is_missing(numeric::add(Missing{}, int64_t{1})));
}

TEST_CASE("decimal arithmetic is exact at the right scale", "[interpreter]") {
  CHECK(numeric::add(dec(123, 2), dec(2226, 3)) == dec(3456, 3));
  CHECK(numeric::subtract(dec(123, 2), int64_t{2}) == dec(-77, 2));
  CHECK(numeric::multiply(dec(123, 2), dec(2226, 3)) == dec(273798, 5));
  CHECK(numeric::multiply(dec(123, 2), int64_t{2}) == dec(246, 2));
  // A rescaled operand that does not fit is missing even if the sum would.
  CHECK(is_missing(numeric::add(dec(kMax, 2), dec(0, 3))));
  CHECK(is_missing(numeric::add(dec(kMax, 2), dec(1, 2))));
  CHECK(is_missing(numeric::negate(dec(kMin, 2))));
  CHECK(numeric::absolute(dec(-5, 1)) == dec(5, 1));
}

TEST_CASE("decimal products beyond 18 digits round half away from zero", "[interpreter]") {
  CHECK(numeric::multiply(dec(1, 9), dec(5, 10)) == dec(1, 18));
  CHECK(numeric::multiply(dec(-1, 9), dec(5, 10)) == dec(-1, 18));
  CHECK(numeric::multiply(dec(1, 9), dec(4, 10)) == dec(0, 18));
  CHECK(numeric::multiply(dec(-1, 9), dec(4, 10)) == dec(0, 18));
  CHECK(numeric::multiply(dec(15, 10), dec(1, 9)) == dec(2, 18));  // 1.5e-18 -> 2e-18
  CHECK(numeric::multiply(dec(kMax, 18), dec(1, 1)) == dec(922337203685477581, 18));
  CHECK(is_missing(numeric::multiply(dec(kMax, 18), dec(kMax, 18))));
  CHECK(is_missing(numeric::multiply(dec(kMax, 9), dec(kMax, 9))));
}

TEST_CASE("division always gives a float and zero divisors missing", "[interpreter]") {
  CHECK(numeric::divide(int64_t{3}, int64_t{2}) == Value(1.5));
  CHECK(numeric::divide(dec(123, 2), int64_t{4}) == Value(0.3075));
  CHECK(is_missing(numeric::divide(int64_t{1}, int64_t{0})));
  CHECK(is_missing(numeric::divide(int64_t{1}, dec(0, 2))));
  CHECK(is_missing(numeric::divide(1.0, -0.0)));
  CHECK(is_missing(numeric::multiply(1e300, 1e300)));
  CHECK(is_missing(numeric::subtract(-1e308, 1e308)));
}

TEST_CASE("ints and decimals compare exactly, floats as doubles", "[interpreter]") {
  using std::partial_ordering;
  CHECK(*numeric::compare(dec(1001, 2), dec(10005, 3)) == partial_ordering::greater);
  CHECK(*numeric::compare(dec(1000, 2), dec(10005, 3)) == partial_ordering::less);
  CHECK(*numeric::compare(int64_t{10}, dec(1000, 2)) == partial_ordering::equivalent);
  // 2^53 + 1 against 2^53 + 0.5: exact, although both are the same double.
  CHECK(*numeric::compare(int64_t{9007199254740993}, dec(90071992547409925, 1)) ==
        partial_ordering::greater);
  CHECK(*numeric::compare(int64_t{9007199254740993}, 9007199254740992.0) ==
        partial_ordering::equivalent);
  CHECK(*numeric::compare(dec(1, 1), 0.1) == partial_ordering::equivalent);
  CHECK(*numeric::compare(dec(kMax, 2), int64_t{kMax}) == partial_ordering::less);
  CHECK(*numeric::compare(dec(kMin, 18), int64_t{kMin}) == partial_ordering::greater);
  CHECK_FALSE(numeric::compare(Missing{}, int64_t{1}).has_value());
}

TEST_CASE("numbers convert to a wider numeric type", "[interpreter]") {
  CHECK(numeric::convert(int64_t{2}, segc::Type::decimal(2)) == dec(200, 2));
  CHECK(numeric::convert(dec(15, 1), segc::Type::floating()) == Value(1.5));
  CHECK(is_missing(numeric::convert(int64_t{kMax}, segc::Type::decimal(1))));
  CHECK(numeric::as_double(dec(1, 1)) == 0.1);
  CHECK(*numeric::rescale(DecimalValue{5, 1}, 3) == DecimalValue{500, 3});
}
