// The first rows of a table as a table of their own, so that the slow
// reference interpreter can be timed on fewer rows than the fast engines.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "runtime/table.h"

namespace segc::bench {
namespace detail {

inline runtime::Bitmap bitmap_prefix(const runtime::Bitmap& bits, size_t rows) {
  if (bits.size() == 0) return bits;  // a column kind that does not use it
  runtime::Bitmap out(rows);
  std::memcpy(out.words(), bits.words(), out.word_count() * sizeof(uint64_t));
  out.clear_tail();
  return out;
}

}  // namespace detail

// Rows [0, rows) of `table` (all of it when rows >= row_count). Dictionaries
// are kept whole, so codes mean the same in both tables.
inline runtime::Table table_prefix(const runtime::Table& table, size_t rows) {
  rows = std::min(rows, table.row_count);
  runtime::Table out;
  out.schema = table.schema;
  out.row_count = rows;
  for (const runtime::Column& c : table.columns) {
    runtime::Column copy;
    copy.spec = c.spec;
    copy.present = detail::bitmap_prefix(c.present, rows);
    copy.width = c.width;
    copy.min = c.min;
    copy.max = c.max;
    copy.dictionary = c.dictionary;
    if (!c.storage.empty()) {
      copy.storage = std::vector<uint64_t>(c.storage.begin(), c.storage.begin() + (rows * c.width + 7) / 8);
    }
    if (!c.floats.empty()) copy.floats = std::vector<double>(c.floats.begin(), c.floats.begin() + rows);
    copy.bools = detail::bitmap_prefix(c.bools, rows);
    if (!c.set_offsets.empty()) {
      copy.set_offsets = std::vector<uint32_t>(c.set_offsets.begin(), c.set_offsets.begin() + rows + 1);
      copy.set_codes =
          std::vector<uint32_t>(c.set_codes.begin(), c.set_codes.begin() + copy.set_offsets.back());
    }
    runtime::compute_block_stats(copy);
    out.columns.push_back(std::move(copy));
  }
  return out;
}

}  // namespace segc::bench
