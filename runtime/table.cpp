#include "runtime/table.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace segc::runtime {
namespace {

template <class T>
void pack(Column& column, const std::vector<T>& values, int width) {
  column.width = width;
  column.storage.assign((values.size() * static_cast<size_t>(width) + 7) / 8, 0);
  auto* bytes = reinterpret_cast<char*>(column.storage.data());
  for (size_t row = 0; row < values.size(); ++row) {
    switch (width) {
      case 1: reinterpret_cast<int8_t*>(bytes)[row] = static_cast<int8_t>(values[row]); break;
      case 2: reinterpret_cast<int16_t*>(bytes)[row] = static_cast<int16_t>(values[row]); break;
      case 4: reinterpret_cast<int32_t*>(bytes)[row] = static_cast<int32_t>(values[row]); break;
      default: reinterpret_cast<int64_t*>(bytes)[row] = static_cast<int64_t>(values[row]); break;
    }
  }
}

}  // namespace

void store_ints(Column& column, const std::vector<int64_t>& values) {
  int64_t low = 0;
  int64_t high = 0;
  bool any = false;
  for (size_t row = 0; row < values.size(); ++row) {
    if (row < column.present.size() && !column.present.test(row)) continue;
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
  std::vector<int64_t> stored = values;
  for (size_t row = 0; row < stored.size(); ++row) {
    if (row < column.present.size() && !column.present.test(row)) stored[row] = 0;
  }
  pack(column, stored, width);
}

void store_codes(Column& column, const std::vector<uint32_t>& codes) {
  uint32_t high = 0;
  uint32_t low = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> stored = codes;
  for (size_t row = 0; row < codes.size(); ++row) {
    if (row < column.present.size() && !column.present.test(row)) {
      stored[row] = 0;
      continue;
    }
    high = std::max(high, codes[row]);
    low = std::min(low, codes[row]);
  }
  column.min = low == std::numeric_limits<uint32_t>::max() ? 0 : low;
  column.max = high;
  int width = high <= 0xff ? 1 : high <= 0xffff ? 2 : 4;
  pack(column, stored, width);
}

}  // namespace segc::runtime
