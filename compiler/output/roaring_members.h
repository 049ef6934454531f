// Member lists as Roaring bitmaps of keys (`segc run --out-format roaring`,
// `roaring64`): which tables can be written so, and the bytes of one list.
//
// Members come as row bitmaps. When the rows are in key order and the keys
// are consecutive integers (customer ids 1..N, the usual case), the member
// words are the key bitmap shifted by the smallest key, so whole 65536-key
// chunks go to the Roaring writer as words: a 10M-row segment takes well
// under a millisecond. Otherwise the members' keys are produced in ascending
// order (through KeyOrder's permutation when the rows are not sorted by key)
// and added one by one.
#pragma once

#include <cstdint>
#include <string>

#include "output/member_keys.h"
#include "output/roaring_writer.h"
#include "runtime/bitmap.h"
#include "runtime/table.h"

namespace segc::output {

// Why a table with this schema cannot be written as Roaring bitmaps (its key
// is not an integer), or "" when it can. Known before any data is read.
std::string roaring_schema_problem(const runtime::TableSchema& schema);

// Why these keys do not fit `width` (negative, or beyond 2^32 - 1 for Bits32),
// or "" when they do.
std::string roaring_key_range_problem(const runtime::Table& table, RoaringWidth width);

class RoaringMembers {
 public:
  // The table's keys must fit (roaring_key_range_problem(table, width) == "").
  RoaringMembers(const runtime::Table& table, const KeyOrder& order, RoaringWidth width);

  // The serialised Roaring bitmap of the members' keys.
  std::string serialize(const runtime::Bitmap& members) const;

 private:
  // The members as bits in key order (bit i: the row with the i-th smallest key).
  runtime::Bitmap by_rank(const runtime::Bitmap& members) const;
  void add_consecutive_keys(const runtime::Bitmap& ranks, RoaringWriter& writer) const;
  void add_keys(const runtime::Bitmap& ranks, RoaringWriter& writer) const;

  const runtime::Table& table_;
  const KeyOrder& order_;
  RoaringWidth width_;
  bool consecutive_ = true;  // the i-th smallest key is smallest_key_ + i
  int64_t smallest_key_ = 0;
  std::vector<uint32_t> rank_of_row_;  // only when the rows are not in key order
};

}  // namespace segc::output
