// A set of table rows as a CRoaring bitmap of row numbers, for the report's
// counts: sizes of intersections between segments (the overlap matrix) and
// between a segment and the customers with one value of a field (profiles).
// Chunks of 65,536 rows without a member take no room and no time. Chunks
// with a few members (at most kMaxArrayRows) are array containers; the rest
// are bitset containers, whose intersections report/bit_count.h counts with
// the processor's popcount: for counting, a bitset beats a merge of two sorted
// arrays long before the Roaring format's 4096-key limit (measured with
// bench/insight.sh).
#pragma once

#include <cstdint>
#include <vector>

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

  friend std::vector<uint64_t> intersection_sizes(const std::vector<const RowSet*>& rows,
                                                  const std::vector<const RowSet*>& columns, bool upper_triangle,
                                                  unsigned threads);

 private:
  roaring_bitmap_s* bitmap_ = nullptr;
  uint64_t size_ = 0;
};

// The intersection size of every set of `rows` with every set of `columns`,
// row by row (rows.size() x columns.size() counts). With `upper_triangle`
// (`rows` and `columns` the same sets) only pairs r < c are counted; the rest
// are 0. Counted chunk by chunk on `threads` threads, so that each chunk of a
// set comes from memory once, not once per pair: what makes hundreds of
// segments over millions of rows fast.
std::vector<uint64_t> intersection_sizes(const std::vector<const RowSet*>& rows,
                                         const std::vector<const RowSet*>& columns, bool upper_triangle,
                                         unsigned threads);

// Chunks with at most this many members are arrays.
inline constexpr int32_t kMaxArrayRows = 64;

// The most rows a RowSet holds: row numbers are 32-bit.
inline constexpr uint64_t kMaxRowSetRows = uint64_t{1} << 32;

}  // namespace segc::report
