#include "runtime/table.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <type_traits>

namespace segc::runtime {
namespace {

bool is_present(const Column& column, size_t row) {
  return row >= column.present.size() || column.present.test(row);
}

// Writes every value as a T, 0 for missing rows; the width is chosen once,
// outside the loop, so that the loop is a plain narrowing copy.
template <class T, class V>
void pack_as(Column& column, const std::vector<V>& values) {
  auto* out = reinterpret_cast<T*>(column.storage.edit().data());
  for (size_t row = 0; row < values.size(); ++row) {
    out[row] = is_present(column, row) ? static_cast<T>(values[row]) : T{0};
  }
}

template <class Signed, class V>
void pack(Column& column, const std::vector<V>& values, int width) {
  column.width = width;
  column.storage.assign((values.size() * static_cast<size_t>(width) + 7) / 8, 0);
  switch (width) {
    case 1: pack_as<std::conditional_t<Signed::value, int8_t, uint8_t>>(column, values); break;
    case 2: pack_as<std::conditional_t<Signed::value, int16_t, uint16_t>>(column, values); break;
    case 4: pack_as<std::conditional_t<Signed::value, int32_t, uint32_t>>(column, values); break;
    default: pack_as<std::conditional_t<Signed::value, int64_t, uint64_t>>(column, values); break;
  }
}

}  // namespace

void store_ints(Column& column, const std::vector<int64_t>& values) {
  int64_t low = 0;
  int64_t high = 0;
  bool any = false;
  for (size_t row = 0; row < values.size(); ++row) {
    if (!is_present(column, row)) continue;
    low = any ? std::min(low, values[row]) : values[row];
    high = any ? std::max(high, values[row]) : values[row];
    any = true;
  }
  column.min = low;
  column.max = high;
  auto fits = [&](int64_t lo, int64_t hi) { return low >= lo && high <= hi; };
  int width = fits(std::numeric_limits<int8_t>::min(), std::numeric_limits<int8_t>::max())     ? 1
              : fits(std::numeric_limits<int16_t>::min(), std::numeric_limits<int16_t>::max()) ? 2
              : fits(std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()) ? 4
                                                                                               : 8;
  pack<std::true_type>(column, values, width);
  compute_block_stats(column);
}

void store_codes(Column& column, const std::vector<uint32_t>& codes) {
  uint32_t high = 0;
  uint32_t low = std::numeric_limits<uint32_t>::max();
  for (size_t row = 0; row < codes.size(); ++row) {
    if (!is_present(column, row)) continue;
    high = std::max(high, codes[row]);
    low = std::min(low, codes[row]);
  }
  column.min = low == std::numeric_limits<uint32_t>::max() ? 0 : low;
  column.max = high;
  int width = high <= 0xff ? 1 : high <= 0xffff ? 2 : 4;
  pack<std::false_type>(column, codes, width);
  compute_block_stats(column);
}

}  // namespace segc::runtime
