// Member lists as users receive them: one key a line, ascending (ints by
// value, strings by code point), whatever order the rows had in the data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/bitmap.h"
#include "runtime/table.h"

namespace segc::output {

class KeyOrder {
 public:
  // Sorts the table's keys once; every member list is then a walk in that order.
  explicit KeyOrder(const runtime::Table& table);

  // The members' keys, one a line, ascending.
  std::string keys_text(const runtime::Bitmap& members) const;

  // The text of one row's key: decimal for int keys, the string itself otherwise.
  std::string key_text(size_t row) const;

  // True when the rows already are in ascending key order (data sorted by
  // key, the common case): then row r has the r-th smallest key and no
  // permutation is kept.
  bool rows_ascending() const { return rows_ascending_; }
  // The row with the i-th smallest key.
  uint32_t row_at_rank(size_t rank) const {
    return rows_ascending_ ? static_cast<uint32_t>(rank) : rows_in_key_order_[rank];
  }

 private:
  const runtime::Table& table_;
  bool rows_ascending_ = true;
  std::vector<uint32_t> rows_in_key_order_;  // empty when rows_ascending_
};

}  // namespace segc::output
