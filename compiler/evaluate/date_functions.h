// Date arithmetic and the date built-ins (docs/evaluation.md, "Dates"). Dates
// are days since 1970-01-01; results outside 0001-01-01..9999-12-31 are
// nullopt (Missing to the caller).
#pragma once

#include <cstdint>
#include <optional>

#include "syntax/ast.h"

namespace segc::evaluate::dates {

bool in_range(int64_t days);

// `day + amount units` (amount may be negative); months and years clamp the
// day to the last day of the resulting month.
std::optional<int32_t> add_duration(int32_t day, int64_t amount, ast::TimeUnit unit);

// The inclusive bounds of `within PERIOD` for `today`. Last / Next bounds are
// date arithmetic and may be nullopt; calendar periods always have bounds.
struct Interval {
  std::optional<int32_t> first;
  std::optional<int32_t> last;
};
Interval within_interval(const ast::Period& period, int32_t today);

int64_t days_since(int32_t day, int32_t today);
int64_t years_since(int32_t day, int32_t today);
int64_t days_until_birthday(int32_t day, int32_t today);
int64_t year_of(int32_t day);
int64_t month_of(int32_t day);
int64_t day_of_month(int32_t day);
int64_t day_of_week(int32_t day);  // Monday is 1, Sunday 7

}  // namespace segc::evaluate::dates
