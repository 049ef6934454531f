// Per-block summaries of a column, for deciding a block of rows without
// reading it (block skipping) and stored in the columnar file.
//
// A block is kBlockRows consecutive rows (64 bitmap words, the block the JIT
// evaluates at a time); block b holds rows [b * kBlockRows, (b + 1) * kBlockRows)
// and the last block may be shorter. For every column:
//   present[b]  the number of rows of block b whose value is present.
// For Int, Decimal and Date (unscaled values) and String and Enum (codes):
//   min[b], max[b]  the least and greatest present value of block b; both 0
//                   when present[b] is 0 (no row of the block has a value).
// Float, Bool and StringSet columns have empty min and max.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/column_array.h"

namespace segc::runtime {

inline constexpr size_t kBlockRows = 4096;

inline size_t block_count(size_t rows) { return (rows + kBlockRows - 1) / kBlockRows; }

struct BlockStats {
  ColumnArray<uint32_t> present;
  ColumnArray<int64_t> min;
  ColumnArray<int64_t> max;

  friend bool operator==(const BlockStats&, const BlockStats&) = default;
};

struct Column;

// The statistics of `column` as its arrays are now (rows = present.size()).
BlockStats block_stats_of(const Column& column);

// What one pass over a column's presence and values finds: its statistics
// and, for String and Enum columns, the greatest code stored in any row,
// present or not (generated code may look up a missing row's code too). The
// columnar verifier checks both with this single read of the arrays.
struct ColumnScan {
  BlockStats stats;
  uint64_t greatest_stored_code = 0;
  // Whether a missing row holds anything but 0 (docs/columnar-format.md:
  // missing rows hold 0), for columns with stored values.
  bool value_in_missing_row = false;
};
ColumnScan scan_column(const Column& column);

// The least and greatest value over all blocks with a present row (0, 0 when
// there is none): what Column::min and Column::max hold.
struct ValueRange {
  int64_t min = 0;
  int64_t max = 0;
};
ValueRange overall_range(const BlockStats& stats);

// Sets column.blocks to block_stats_of(column). Loaders call it once a column
// is complete; code that changes a column afterwards calls it again.
void compute_block_stats(Column& column);

}  // namespace segc::runtime
