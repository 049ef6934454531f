// Civil-date arithmetic for segc-datagen on std::chrono (no libm, no locale):
// days since 1970-01-01, the same representation segc uses.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace segc::datagen {

using Day = int;  // days since 1970-01-01

inline Day to_day(std::chrono::year_month_day date) {
  return static_cast<Day>(std::chrono::sys_days(date).time_since_epoch().count());
}

inline std::chrono::year_month_day to_date(Day day) {
  return std::chrono::year_month_day(std::chrono::sys_days(std::chrono::days(day)));
}

// Strict YYYY-MM-DD; nothing for anything else or a date that does not exist.
std::optional<Day> parse_date(std::string_view text);

// Completed years from `born` to `today`, with the anniversary of 29 February
// on 28 February in common years (docs/evaluation.md, years_since).
int years_since(Day born, Day today);

// `day` moved by whole years, 29 February clamping to 28 February.
Day add_years(Day day, int years);

}  // namespace segc::datagen
