// Date arithmetic and date built-ins (docs/evaluation.md "Dates").
#include <catch2/catch.hpp>

#include "evaluate/date_functions.h"
#include "runtime/calendar.h"

namespace {

namespace dates = segc::evaluate::dates;
using segc::ast::TimeUnit;

int32_t day(const char* iso) { return *segc::calendar::parse_iso_date(iso); }

std::optional<int32_t> plus(const char* iso, int64_t amount, TimeUnit unit) {
  return dates::add_duration(day(iso), amount, unit);
}

}  // namespace

TEST_CASE("adding months clamps to the end of the month", "[interpreter]") {
  CHECK(plus("2026-01-31", 1, TimeUnit::Month) == day("2026-02-28"));
  CHECK(plus("2024-01-31", 1, TimeUnit::Month) == day("2024-02-29"));
  CHECK(plus("2024-02-29", 1, TimeUnit::Year) == day("2025-02-28"));
  CHECK(plus("2024-02-29", 4, TimeUnit::Year) == day("2028-02-29"));
  CHECK(plus("2026-03-31", -1, TimeUnit::Month) == day("2026-02-28"));
  CHECK(plus("2026-01-31", 30, TimeUnit::Day) == day("2026-03-02"));
  CHECK(plus("2026-01-31", -2, TimeUnit::Week) == day("2026-01-17"));
  CHECK(plus("2026-12-15", 1, TimeUnit::Month) == day("2027-01-15"));
  CHECK(plus("2026-01-15", -1, TimeUnit::Month) == day("2025-12-15"));
}

TEST_CASE("dates outside 0001-01-01..9999-12-31 are missing", "[interpreter]") {
  CHECK(plus("9999-12-31", 0, TimeUnit::Day) == day("9999-12-31"));
  CHECK_FALSE(plus("9999-12-31", 1, TimeUnit::Day).has_value());
  CHECK_FALSE(plus("0001-01-01", -1, TimeUnit::Day).has_value());
  CHECK_FALSE(plus("9999-06-01", 1, TimeUnit::Year).has_value());
  CHECK_FALSE(plus("0001-01-01", -1, TimeUnit::Month).has_value());
  CHECK(plus("0001-02-01", -1, TimeUnit::Month) == day("0001-01-01"));
  // Huge amounts must not overflow on the way.
  CHECK_FALSE(plus("2026-01-01", INT64_MAX, TimeUnit::Day).has_value());
  CHECK_FALSE(plus("2026-01-01", INT64_MAX, TimeUnit::Week).has_value());
  CHECK_FALSE(plus("2026-01-01", INT64_MAX, TimeUnit::Month).has_value());
  CHECK_FALSE(plus("2026-01-01", -INT64_MAX, TimeUnit::Month).has_value());
  CHECK_FALSE(plus("2026-01-01", INT64_MAX, TimeUnit::Year).has_value());
  CHECK_FALSE(plus("2026-01-01", -INT64_MAX, TimeUnit::Year).has_value());
}

TEST_CASE("calendar periods for within", "[interpreter]") {
  segc::ast::Period period;
  period.kind = segc::ast::PeriodKind::This;
  period.unit = TimeUnit::Week;
  const int32_t wednesday = day("2026-11-04");
  auto interval = dates::within_interval(period, wednesday);
  CHECK(interval.first == day("2026-11-02"));
  CHECK(interval.last == day("2026-11-08"));
  period.kind = segc::ast::PeriodKind::Previous;
  period.unit = TimeUnit::Month;
  interval = dates::within_interval(period, day("2026-01-15"));
  CHECK(interval.first == day("2025-12-01"));
  CHECK(interval.last == day("2025-12-31"));
  period.unit = TimeUnit::Year;
  interval = dates::within_interval(period, wednesday);
  CHECK(interval.first == day("2025-01-01"));
  CHECK(interval.last == day("2025-12-31"));
  period.kind = segc::ast::PeriodKind::Last;
  period.amount = 10000;
  interval = dates::within_interval(period, wednesday);
  CHECK_FALSE(interval.first.has_value());
  CHECK(interval.last == wednesday);
}

TEST_CASE("years_since and days_until_birthday with 29 February", "[interpreter]") {
  const int32_t leap_day = day("2000-02-29");
  CHECK(dates::years_since(leap_day, day("2027-02-27")) == 26);
  CHECK(dates::years_since(leap_day, day("2027-02-28")) == 27);
  CHECK(dates::years_since(leap_day, day("2028-02-28")) == 27);
  CHECK(dates::years_since(leap_day, day("2028-02-29")) == 28);
  CHECK(dates::years_since(day("2026-11-05"), day("2026-11-04")) == -1);
  CHECK(dates::years_since(day("2026-11-04"), day("2026-11-04")) == 0);
  CHECK(dates::days_until_birthday(leap_day, day("2027-02-28")) == 0);
  CHECK(dates::days_until_birthday(leap_day, day("2027-03-01")) == 365);
  CHECK(dates::days_until_birthday(leap_day, day("2028-02-28")) == 1);
  CHECK(dates::days_until_birthday(day("1990-11-03"), day("2026-11-04")) == 364);
  CHECK(dates::days_until_birthday(day("1990-12-31"), day("9999-12-31")) == 0);
}

TEST_CASE("parts of a date", "[interpreter]") {
  CHECK(dates::day_of_week(day("2026-11-02")) == 1);
  CHECK(dates::day_of_week(day("2026-11-01")) == 7);
  CHECK(dates::day_of_week(day("1970-01-01")) == 4);
  CHECK(dates::day_of_week(day("1969-12-31")) == 3);
  CHECK(dates::day_of_week(day("0001-01-01")) == 1);
  CHECK(dates::year_of(day("0001-01-01")) == 1);
  CHECK(dates::month_of(day("2024-02-29")) == 2);
  CHECK(dates::day_of_month(day("2024-02-29")) == 29);
  CHECK(dates::days_since(day("2026-11-10"), day("2026-11-04")) == -6);
}
