#include "evaluate/date_functions.h"

#include "runtime/calendar.h"

namespace segc::evaluate::dates {
namespace {

using calendar::CivilDate;

constexpr int64_t kMonthsInRange = 9999 * 12;  // month indices 12 (0001-01) .. 9999*12+11

// The anniversary of `day` in `year`: the same month and day, except that
// 29 February is 28 February in years that are not leap years.
int32_t anniversary(int32_t day, int32_t year) {
  CivilDate date = calendar::civil_from_days(day);
  date.year = year;
  if (date.month == 2 && date.day == 29 && !calendar::is_leap_year(year)) date.day = 28;
  return calendar::days_from_civil(date);
}

std::optional<int32_t> add_months(int32_t day, int64_t months) {
  const CivilDate date = calendar::civil_from_days(day);
  const int64_t start = int64_t{date.year} * 12 + (date.month - 1);
  // Bounds checked before adding so that no amount can overflow.
  if (months < 12 - start || months > kMonthsInRange + 11 - start) return std::nullopt;
  return calendar::add_months(day, months);
}

}  // namespace

bool in_range(int64_t days) { return calendar::is_valid_day(days); }

std::optional<int32_t> add_duration(int32_t day, int64_t amount, ast::TimeUnit unit) {
  __int128 days = 0;
  switch (unit) {
    case ast::TimeUnit::Day: days = __int128{day} + amount; break;
    case ast::TimeUnit::Week: days = __int128{day} + __int128{amount} * 7; break;
    case ast::TimeUnit::Month: {
      auto moved = add_months(day, amount);
      if (!moved) return std::nullopt;
      days = *moved;
      break;
    }
    case ast::TimeUnit::Year: {
      if (amount > 20000 || amount < -20000) return std::nullopt;  // beyond any valid date
      auto moved = add_months(day, amount * 12);
      if (!moved) return std::nullopt;
      days = *moved;
      break;
    }
  }
  if (days < INT32_MIN || days > INT32_MAX || !in_range(static_cast<int64_t>(days))) {
    return std::nullopt;
  }
  return static_cast<int32_t>(days);
}

Interval within_interval(const ast::Period& period, int32_t today) {
  const CivilDate now = calendar::civil_from_days(today);
  switch (period.kind) {
    case ast::PeriodKind::Last:
      return {add_duration(today, -period.amount, period.unit), today};
    case ast::PeriodKind::Next:
      return {today, add_duration(today, period.amount, period.unit)};
    case ast::PeriodKind::This:
    case ast::PeriodKind::Previous: break;
  }
  // Calendar periods: the one containing today, or (Previous) the one before.
  const bool previous = period.kind == ast::PeriodKind::Previous;
  switch (period.unit) {
    case ast::TimeUnit::Day: {
      const int32_t day = previous ? today - 1 : today;
      return {day, day};
    }
    case ast::TimeUnit::Week: {
      const int32_t monday =
          today - static_cast<int32_t>(day_of_week(today) - 1) - (previous ? 7 : 0);
      return {monday, monday + 6};
    }
    case ast::TimeUnit::Month: {
      int32_t year = now.year;
      uint32_t month = now.month;
      if (previous && --month == 0) {
        month = 12;
        --year;
      }
      return {calendar::days_from_civil({year, month, 1}),
              calendar::days_from_civil({year, month, calendar::days_in_month(year, month)})};
    }
    case ast::TimeUnit::Year: {
      const int32_t year = previous ? now.year - 1 : now.year;
      return {calendar::days_from_civil({year, 1, 1}), calendar::days_from_civil({year, 12, 31})};
    }
  }
  return {};
}

int64_t days_since(int32_t day, int32_t today) { return int64_t{today} - day; }

int64_t years_since(int32_t day, int32_t today) {
  const int32_t this_year = calendar::civil_from_days(today).year;
  const int32_t born = calendar::civil_from_days(day).year;
  // Completed years, rounding down for future dates too (tomorrow gives -1).
  return int64_t{this_year} - born - (anniversary(day, this_year) > today ? 1 : 0);
}

int64_t days_until_birthday(int32_t day, int32_t today) {
  const int32_t this_year = calendar::civil_from_days(today).year;
  int32_t next = anniversary(day, this_year);
  if (next < today) next = anniversary(day, this_year + 1);
  return int64_t{next} - today;
}

int64_t year_of(int32_t day) { return calendar::civil_from_days(day).year; }
int64_t month_of(int32_t day) { return calendar::civil_from_days(day).month; }
int64_t day_of_month(int32_t day) { return calendar::civil_from_days(day).day; }

int64_t day_of_week(int32_t day) {
  // 1970-01-01 was a Thursday (4).
  const int64_t offset = ((int64_t{day} + 3) % 7 + 7) % 7;  // 0 = Monday
  return offset + 1;
}

}  // namespace segc::evaluate::dates
