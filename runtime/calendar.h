// Calendar arithmetic on dates stored as days since 1970-01-01 (proleptic
// Gregorian), shared by the compiler (literal checks, constant folding) and the
// evaluators.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace segc::calendar {

struct CivilDate {
  int32_t year;
  uint32_t month;  // 1..12
  uint32_t day;    // 1..31
};

bool is_leap_year(int32_t year);
uint32_t days_in_month(int32_t year, uint32_t month);
bool is_valid(const CivilDate& date);

// The dates Seg supports, 0001-01-01 .. 9999-12-31, as days since 1970-01-01.
// Date arithmetic whose result falls outside is missing (docs/evaluation.md).
inline constexpr int32_t kFirstValidDay = -719162;
inline constexpr int32_t kLastValidDay = 2932896;
inline bool is_valid_day(int64_t days) { return days >= kFirstValidDay && days <= kLastValidDay; }

int32_t days_from_civil(const CivilDate& date);
CivilDate civil_from_days(int32_t days);

// Adds months, clamping the day to the last day of the resulting month
// (2026-01-31 + 1 month = 2026-02-28).
int32_t add_months(int32_t days, int64_t months);

// "YYYY-MM-DD"; nullopt when malformed, not a calendar date or in year 0
// (outside the supported range, which four digits otherwise cover).
std::optional<int32_t> parse_iso_date(std::string_view text);
std::string format_iso_date(int32_t days);

}  // namespace segc::calendar
