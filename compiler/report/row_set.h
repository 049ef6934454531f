// A set of table rows as a CRoaring bitmap of row numbers, for the report's
// counts: sizes of intersections between segments (the overlap matrix) and
// between a segment and the customers with one value of a field (profiles).
// Sparse sets become array containers and long stretches runs, so counting
// the intersection of two small segments touches little memory, where the
// row bitmaps (runtime::Bitmap) would be read word by word in full.
#pragma once

#include <cstdint>

#include "runtime/bitmap.h"

struct roaring_bitmap_s;

namespace segc::report {

class RowSet {
 public:
  // The rows whose bits are set; a table has at most 2^32 rows here
  // (row_set_limit_problem says so before).
  explicit RowSet(const runtime::Bitmap& rows);
  ~RowSet();
  RowSet(RowSet&& other) noexcept;
  RowSet& operator=(RowSet&& other) noexcept;
  RowSet(const RowSet&) = delete;
  RowSet& operator=(const RowSet&) = delete;

  uint64_t size() const { return size_; }
  uint64_t intersection_size(const RowSet& other) const;

 private:
  roaring_bitmap_s* bitmap_ = nullptr;
  uint64_t size_ = 0;
};

// The most rows a RowSet holds: row numbers are 32-bit.
inline constexpr uint64_t kMaxRowSetRows = uint64_t{1} << 32;

}  // namespace segc::report
