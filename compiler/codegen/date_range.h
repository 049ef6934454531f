// The valid range of dates (docs/evaluation.md, "Dates"): 0001-01-01 to
// 9999-12-31 as days since 1970-01-01. Date arithmetic that leaves it gives
// missing, both in generated code and in the helpers.
#pragma once

#include <cstdint>

namespace segc::codegen {

inline constexpr int64_t kFirstValidDay = -719162;  // 0001-01-01
inline constexpr int64_t kLastValidDay = 2932896;   // 9999-12-31

inline bool is_valid_day(int64_t days) { return days >= kFirstValidDay && days <= kLastValidDay; }

}  // namespace segc::codegen
