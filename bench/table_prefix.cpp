#include "table_prefix.h"

#include <algorithm>
#include <cstring>

namespace segc::bench {
namespace {

runtime::Bitmap bitmap_prefix(const runtime::Bitmap& bits, size_t rows) {
  if (bits.size() == 0) return bits;  // a column kind that does not use it
  runtime::Bitmap out(rows);
  std::memcpy(out.words(), bits.words(), out.word_count() * sizeof(uint64_t));
  out.clear_tail();
  return out;
}

}  // namespace

runtime::Table table_prefix(const runtime::Table& table, size_t rows) {
  rows = std::min(rows, table.row_count);
  runtime::Table out;
  out.schema = table.schema;
  out.row_count = rows;
  for (const runtime::Column& c : table.columns) {
    runtime::Column copy;
    copy.spec = c.spec;
    copy.present = bitmap_prefix(c.present, rows);
    copy.width = c.width;
    copy.min = c.min;
    copy.max = c.max;
    copy.dictionary = c.dictionary;
    if (!c.storage.empty()) {
      copy.storage.assign(c.storage.begin(), c.storage.begin() + static_cast<std::ptrdiff_t>(
                                                                     (rows * c.width + 7) / 8));
    }
    if (!c.floats.empty()) copy.floats.assign(c.floats.begin(), c.floats.begin() + rows);
    copy.bools = bitmap_prefix(c.bools, rows);
    if (!c.set_offsets.empty()) {
      copy.set_offsets.assign(c.set_offsets.begin(), c.set_offsets.begin() + rows + 1);
      copy.set_codes.assign(c.set_codes.begin(), c.set_codes.begin() + copy.set_offsets.back());
    }
    out.columns.push_back(std::move(copy));
  }
  return out;
}

}  // namespace segc::bench
