// Who the members of a segment are, against the whole customer base: per
// profiled field, the share of members and of all customers in each value
// (enum, bool), each of the most common values (string: the 8 commonest and
// "(other values)"), or each band of values (int, decimal: at most 10 bands
// of a round width). Customers without a value count as "(missing)"; the
// parentheses keep these apart from values a string field may hold.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report/row_set.h"
#include "runtime/table.h"

namespace segc::report {

// The columns a report profiles when --profile is not given: every enum and
// int field, and every string field whose 8 commonest values hold at least
// half of the customers with a value, in schema order, at most
// kDefaultProfileFields of them.
inline constexpr size_t kDefaultProfileFields = 8;
std::vector<size_t> default_profile_columns(const runtime::Table& table);

// Why a column cannot be profiled (a float, date or set field, or the key),
// or "".
std::string unprofilable_column(const runtime::ColumnSpec& spec);

struct FieldProfile {
  std::string field;
  std::vector<std::string> labels;                // bucket names ("(missing)" last when any)
  std::vector<uint64_t> base;                     // customers per bucket
  std::vector<std::vector<uint64_t>> per_segment; // [set][bucket], in the order of the sets given
};

// The profile of `column` for each of `segments` (rows of `table`: segments
// or partition groups), the bucket intersections counted on `threads` threads.
FieldProfile profile_field(const runtime::Table& table, size_t column, const std::vector<const RowSet*>& segments,
                           unsigned threads);

}  // namespace segc::report
