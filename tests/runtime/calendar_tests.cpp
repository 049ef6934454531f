// The supported date range is written as constants (generated code needs them
// at compile time); they must be the days of 0001-01-01 and 9999-12-31.
#include <catch2/catch.hpp>

#include "runtime/calendar.h"

using namespace segc::calendar;

TEST_CASE("the supported date range constants are 0001-01-01 and 9999-12-31", "[calendar]") {
  CHECK(kFirstValidDay == days_from_civil({1, 1, 1}));
  CHECK(kLastValidDay == days_from_civil({9999, 12, 31}));
  CHECK(is_valid_day(kFirstValidDay));
  CHECK(is_valid_day(kLastValidDay));
  CHECK_FALSE(is_valid_day(int64_t{kFirstValidDay} - 1));
  CHECK_FALSE(is_valid_day(int64_t{kLastValidDay} + 1));
}

TEST_CASE("ISO dates parse only inside 0001-01-01..9999-12-31", "[calendar]") {
  CHECK(parse_iso_date("0001-01-01") == kFirstValidDay);
  CHECK(parse_iso_date("9999-12-31") == kLastValidDay);
  // Year 0 fits four digits but is before the range (issue 16: --as-of and
  // literals took it, and the engines then disagreed).
  CHECK_FALSE(parse_iso_date("0000-12-31").has_value());
  CHECK_FALSE(parse_iso_date("0000-01-01").has_value());
  CHECK_FALSE(parse_iso_date("2026-02-29").has_value());
}
