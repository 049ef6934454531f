#include "calendar.h"

#include <cstdio>

namespace segc::calendar {

bool is_leap_year(int32_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

uint32_t days_in_month(int32_t year, uint32_t month) {
  static constexpr uint32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

bool is_valid(const CivilDate& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

// Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html).
int32_t days_from_civil(const CivilDate& date) {
  const int32_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int32_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<uint32_t>(y - era * 400);
  const uint32_t mp = date.month > 2 ? date.month - 3 : date.month + 9;
  const uint32_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

CivilDate civil_from_days(int32_t days) {
  const int32_t z = days + 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<uint32_t>(z - era * 146097);
  const uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int32_t y = static_cast<int32_t>(yoe) + era * 400;
  const uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const uint32_t mp = (5 * doy + 2) / 153;
  const uint32_t d = doy - (153 * mp + 2) / 5 + 1;
  const uint32_t m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{y + (m <= 2 ? 1 : 0), m, d};
}

int32_t add_months(int32_t days, int64_t months) {
  CivilDate date = civil_from_days(days);
  const int64_t month_index = int64_t{date.year} * 12 + (date.month - 1) + months;
  int64_t year = month_index / 12;
  int64_t month0 = month_index % 12;
  if (month0 < 0) {
    month0 += 12;
    year -= 1;
  }
  date.year = static_cast<int32_t>(year);
  date.month = static_cast<uint32_t>(month0 + 1);
  const uint32_t last = days_in_month(date.year, date.month);
  if (date.day > last) date.day = last;
  return days_from_civil(date);
}

std::optional<int32_t> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t begin, size_t count) -> std::optional<uint32_t> {
    uint32_t value = 0;
    for (size_t i = begin; i < begin + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + static_cast<uint32_t>(text[i] - '0');
    }
    return value;
  };
  auto year = digits(0, 4);
  auto month = digits(5, 2);
  auto day = digits(8, 2);
  if (!year || !month || !day) return std::nullopt;
  CivilDate date{static_cast<int32_t>(*year), *month, *day};
  if (date.year < 1 || !is_valid(date)) return std::nullopt;  // year 0 is before 0001-01-01
  return days_from_civil(date);
}

std::string format_iso_date(int32_t days) {
  const CivilDate date = civil_from_days(days);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
  return buffer;
}

}  // namespace segc::calendar
