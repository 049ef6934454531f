#include "runtime/block_stats.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <vector>

#include "runtime/table.h"

namespace segc::runtime {
namespace {

constexpr size_t kWordsPerBlock = kBlockRows / 64;

// Min and max over the present rows of each block, for values stored as T.
// Each word is a branch-free loop over its 64 rows (a missing row counts as
// the neutral value), which the compiler can vectorise; with a few percent of
// missing values almost no word is all present, so that case is not special.
template <class T>
void values_min_max(const Column& column, size_t rows, std::vector<int64_t>& low,
                    std::vector<int64_t>& high) {
  const auto* values = reinterpret_cast<const T*>(column.storage.data());
  const uint64_t* present = column.present.words();
  const size_t blocks = block_count(rows);
  low.assign(blocks, 0);
  high.assign(blocks, 0);
  for (size_t block = 0; block < blocks; ++block) {
    T least = std::numeric_limits<T>::max();
    T greatest = std::numeric_limits<T>::min();
    bool any = false;
    const size_t first_word = block * kWordsPerBlock;
    const size_t end_word = std::min(first_word + kWordsPerBlock, (rows + 63) / 64);
    for (size_t word = first_word; word < end_word; ++word) {
      const uint64_t bits = present[word];
      if (bits == 0) continue;
      any = true;
      const T* at = values + word * 64;
      // The last word may cover rows past the end, whose bits are clear.
      const size_t count = std::min<size_t>(64, rows - word * 64);
      for (size_t i = 0; i < count; ++i) {
        const bool present_row = (bits >> i) & 1;
        least = std::min(least, present_row ? at[i] : std::numeric_limits<T>::max());
        greatest = std::max(greatest, present_row ? at[i] : std::numeric_limits<T>::min());
      }
    }
    if (any) {
      low[block] = static_cast<int64_t>(least);
      high[block] = static_cast<int64_t>(greatest);
    }
  }
}

}  // namespace

BlockStats block_stats_of(const Column& column) {
  const size_t rows = column.present.size();
  const size_t blocks = block_count(rows);
  const size_t words = (rows + 63) / 64;
  BlockStats stats;
  std::vector<uint32_t> present(blocks, 0);
  const uint64_t* present_words = column.present.words();
  for (size_t word = 0; word < words; ++word) {
    present[word / kWordsPerBlock] += static_cast<uint32_t>(std::popcount(present_words[word]));
  }
  stats.present = std::move(present);

  std::vector<int64_t> low;
  std::vector<int64_t> high;
  const bool is_signed = column.spec.kind == ColumnKind::Int ||
                         column.spec.kind == ColumnKind::Decimal ||
                         column.spec.kind == ColumnKind::Date;
  const bool is_code = column.spec.kind == ColumnKind::String || column.spec.kind == ColumnKind::Enum;
  if (!is_signed && !is_code) return stats;
  // Storage shorter than the rows (a hand-built column not packed yet) has no statistics.
  if (column.storage.size() * 8 < rows * static_cast<size_t>(column.width)) return stats;
  switch (column.width) {
    case 1:
      is_signed ? values_min_max<int8_t>(column, rows, low, high)
                : values_min_max<uint8_t>(column, rows, low, high);
      break;
    case 2:
      is_signed ? values_min_max<int16_t>(column, rows, low, high)
                : values_min_max<uint16_t>(column, rows, low, high);
      break;
    case 4:
      is_signed ? values_min_max<int32_t>(column, rows, low, high)
                : values_min_max<uint32_t>(column, rows, low, high);
      break;
    default:
      if (!is_signed) return stats;  // codes are never 8 bytes wide
      values_min_max<int64_t>(column, rows, low, high);
      break;
  }
  stats.min = std::move(low);
  stats.max = std::move(high);
  return stats;
}

ValueRange overall_range(const BlockStats& stats) {
  ValueRange range;
  bool any = false;
  for (size_t block = 0; block < stats.min.size(); ++block) {
    if (stats.present[block] == 0) continue;
    range.min = any ? std::min(range.min, stats.min[block]) : stats.min[block];
    range.max = any ? std::max(range.max, stats.max[block]) : stats.max[block];
    any = true;
  }
  return range;
}

void compute_block_stats(Column& column) { column.blocks = block_stats_of(column); }

}  // namespace segc::runtime
