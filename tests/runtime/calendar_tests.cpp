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
