// Parsing one field's text per type: the good and the bad forms.
#include <catch2/catch.hpp>

#include <limits>

#include "runtime/calendar.h"
#include "runtime/csv_values.h"

using namespace segc::runtime::csv;

namespace {

ParseStatus int_status(std::string_view text, int64_t* out = nullptr) {
  int64_t value = 0;
  ParseStatus status = parse_int(text, value);
  if (out) *out = value;
  return status;
}

ParseStatus decimal(std::string_view text, int scale, int64_t* out = nullptr, char point = '.') {
  int64_t value = 0;
  ParseStatus status = parse_decimal(text, scale, point, value);
  if (out) *out = value;
  return status;
}

int64_t date(std::string_view text, std::string_view format = "YYYY-MM-DD",
             ParseStatus expected = ParseStatus::Ok) {
  DateFormat compiled;
  REQUIRE(compile_date_format(format, compiled).empty());
  int64_t days = -1;
  CHECK(parse_date(text, compiled, days) == expected);
  return days;
}

}  // namespace

TEST_CASE("csv ints take an optional sign and digits and must fit int64", "[csv]") {
  int64_t value = 0;
  CHECK(int_status("42", &value) == ParseStatus::Ok);
  CHECK(value == 42);
  CHECK(int_status("-007", &value) == ParseStatus::Ok);
  CHECK(value == -7);
  CHECK(int_status("+5", &value) == ParseStatus::Ok);
  CHECK(value == 5);
  CHECK(int_status("9223372036854775807", &value) == ParseStatus::Ok);
  CHECK(value == std::numeric_limits<int64_t>::max());
  CHECK(int_status("-9223372036854775808", &value) == ParseStatus::Ok);
  CHECK(value == std::numeric_limits<int64_t>::min());
  CHECK(int_status("9223372036854775808") == ParseStatus::OutOfRange);
  CHECK(int_status("-9223372036854775809") == ParseStatus::OutOfRange);
  CHECK(int_status("99999999999999999999999") == ParseStatus::OutOfRange);
  for (const char* bad : {"", "-", "1.0", "1e3", "1,000", "12a", "0x10", "--1", " 1"}) {
    CHECK(int_status(bad) == ParseStatus::Malformed);
  }
}

TEST_CASE("csv decimals are stored unscaled and must be exact", "[csv]") {
  int64_t value = 0;
  CHECK(decimal("12.5", 2, &value) == ParseStatus::Ok);
  CHECK(value == 1250);
  CHECK(decimal("-0.05", 2, &value) == ParseStatus::Ok);
  CHECK(value == -5);
  CHECK(decimal("7", 2, &value) == ParseStatus::Ok);
  CHECK(value == 700);
  CHECK(decimal(".5", 1, &value) == ParseStatus::Ok);
  CHECK(value == 5);
  CHECK(decimal("3.1400", 2, &value) == ParseStatus::Ok);  // extra zeros are exact
  CHECK(value == 314);
  CHECK(decimal("3.141", 2) == ParseStatus::TooPrecise);
  CHECK(decimal("3.5", 0) == ParseStatus::TooPrecise);
  CHECK(decimal("92233720368547758.07", 2, &value) == ParseStatus::Ok);
  CHECK(value == std::numeric_limits<int64_t>::max());
  CHECK(decimal("-92233720368547758.08", 2, &value) == ParseStatus::Ok);
  CHECK(value == std::numeric_limits<int64_t>::min());
  CHECK(decimal("92233720368547758.08", 2) == ParseStatus::OutOfRange);
  CHECK(decimal("10000000000", 9) == ParseStatus::OutOfRange);
  for (const char* bad : {"", ".", "-", "1.2.3", "1e2", "1,5", "12 5", "abc"}) {
    CHECK(decimal(bad, 2) == ParseStatus::Malformed);
  }
}

TEST_CASE("csv decimal comma swaps the point", "[csv]") {
  int64_t value = 0;
  CHECK(decimal("12,5", 2, &value, ',') == ParseStatus::Ok);
  CHECK(value == 1250);
  CHECK(decimal("12.5", 2, &value, ',') == ParseStatus::Malformed);
  double number = 0;
  CHECK(parse_float("0,25", ',', number) == ParseStatus::Ok);
  CHECK(number == 0.25);
  CHECK(parse_float("0.25", ',', number) == ParseStatus::Malformed);
}

TEST_CASE("csv floats are decimal notation and never NaN or infinite", "[csv]") {
  double value = 0;
  CHECK(parse_float("0.1", '.', value) == ParseStatus::Ok);
  CHECK(value == 0.1);
  CHECK(parse_float("-1.5e3", '.', value) == ParseStatus::Ok);
  CHECK(value == -1500.0);
  CHECK(parse_float("+2", '.', value) == ParseStatus::Ok);
  CHECK(value == 2.0);
  CHECK(parse_float("1e400", '.', value) == ParseStatus::OutOfRange);
  for (const char* special : {"nan", "NaN", "inf", "-Infinity"}) {
    CHECK(parse_float(special, '.', value) != ParseStatus::Ok);
  }
  for (const char* bad : {"", "+", "1,5", "0x1p3", "1e", "abc", "+-1", "1.5x"}) {
    CHECK(parse_float(bad, '.', value) == ParseStatus::Malformed);
  }
}

TEST_CASE("csv bools are true false 1 0 yes no in any case", "[csv]") {
  bool value = false;
  for (const char* yes : {"true", "TRUE", "True", "1", "yes", "YES"}) {
    CHECK(parse_bool(yes, value) == ParseStatus::Ok);
    CHECK(value);
  }
  for (const char* no : {"false", "False", "0", "no", "No"}) {
    CHECK(parse_bool(no, value) == ParseStatus::Ok);
    CHECK_FALSE(value);
  }
  for (const char* bad : {"", "t", "y", "2", "truee", "nope", "on"}) {
    CHECK(parse_bool(bad, value) == ParseStatus::Malformed);
  }
}

TEST_CASE("csv dates follow the date format and must be calendar dates", "[csv]") {
  namespace cal = segc::calendar;
  CHECK(date("2026-03-01") == cal::days_from_civil({2026, 3, 1}));
  CHECK(date("01.03.2026", "DD.MM.YYYY") == cal::days_from_civil({2026, 3, 1}));
  CHECK(date("03/01/2026", "MM/DD/YYYY") == cal::days_from_civil({2026, 3, 1}));
  CHECK(date("20260301", "YYYYMMDD") == cal::days_from_civil({2026, 3, 1}));
  CHECK(date("0001-01-01") == cal::days_from_civil({1, 1, 1}));
  CHECK(date("9999-12-31") == cal::days_from_civil({9999, 12, 31}));
  CHECK(date("2024-02-29") == cal::days_from_civil({2024, 2, 29}));
  date("2026-02-29", "YYYY-MM-DD", ParseStatus::NoSuchDate);
  date("2026-13-01", "YYYY-MM-DD", ParseStatus::NoSuchDate);
  date("2026-04-31", "YYYY-MM-DD", ParseStatus::NoSuchDate);
  date("0000-01-01", "YYYY-MM-DD", ParseStatus::NoSuchDate);
  date("2026-3-1", "YYYY-MM-DD", ParseStatus::Malformed);
  date("2026/03/01", "YYYY-MM-DD", ParseStatus::Malformed);
  date("01.03.2026", "YYYY-MM-DD", ParseStatus::Malformed);
  date("2026-03-01T10:00", "YYYY-MM-DD", ParseStatus::Malformed);
}

TEST_CASE("csv date formats need YYYY MM and DD once each", "[csv]") {
  DateFormat format;
  CHECK(compile_date_format("DD.MM.YYYY", format).empty());
  CHECK(format.length == 10);
  CHECK_FALSE(compile_date_format("YYYY-MM", format).empty());
  CHECK_FALSE(compile_date_format("YYYY-MM-DD-DD", format).empty());
  CHECK_FALSE(compile_date_format("YY-MM-DD", format).empty());
  CHECK_FALSE(compile_date_format("D.M.YYYY", format).empty());
}
