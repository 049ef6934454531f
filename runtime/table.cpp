#include "runtime/table.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <type_traits>
#include <utility>

namespace segc::runtime {
namespace {

constexpr uint64_t kAllRows = ~uint64_t{0};

// The presence bits of rows [64 * word, 64 * word + 64) of `rows`: rows past
// the end of the presence bitmap count as present (hand-built tables may
// leave it empty), rows past `rows` as absent.
uint64_t presence_word(const Column& column, size_t word, size_t rows) {
  const size_t first = word * 64;
  const size_t bits = column.present.size();
  uint64_t present = kAllRows;
  if (first < bits) {
    present = column.present.words()[word];
    if (bits - first < 64) present |= kAllRows << (bits - first);
  }
  if (rows - first < 64) present &= (uint64_t{1} << (rows - first)) - 1;
  return present;
}

// The smallest and largest present value, a word of rows at a time (a full
// word needs no test per row); 0 and 0 when no row is present.
template <class V>
std::pair<V, V> present_range(const Column& column, const std::vector<V>& values) {
  V low = std::numeric_limits<V>::max();
  V high = std::numeric_limits<V>::min();
  bool any = false;
  for (size_t word = 0; word * 64 < values.size(); ++word) {
    const uint64_t present = presence_word(column, word, values.size());
    const V* v = values.data() + word * 64;
    if (present == kAllRows) {
      for (size_t i = 0; i < 64; ++i) {
        low = std::min(low, v[i]);
        high = std::max(high, v[i]);
      }
    } else {
      for (uint64_t bits = present; bits != 0; bits &= bits - 1) {
        const auto i = static_cast<size_t>(std::countr_zero(bits));
        low = std::min(low, v[i]);
        high = std::max(high, v[i]);
      }
    }
    any = any || present != 0;
  }
  return any ? std::pair{low, high} : std::pair<V, V>{0, 0};
}

// Writes every value as a T, 0 for missing rows; the width is chosen once,
// outside the loop, so that the loop is a plain narrowing copy.
template <class T, class V>
void pack_as(Column& column, const std::vector<V>& values) {
  auto* out = reinterpret_cast<T*>(column.storage.edit().data());
  for (size_t word = 0; word * 64 < values.size(); ++word) {
    const uint64_t present = presence_word(column, word, values.size());
    const size_t first = word * 64;
    const V* v = values.data() + first;
    T* o = out + first;
    if (present == kAllRows) {
      for (size_t i = 0; i < 64; ++i) o[i] = static_cast<T>(v[i]);
    } else {
      const size_t count = std::min<size_t>(64, values.size() - first);
      for (size_t i = 0; i < count; ++i) o[i] = (present >> i) & 1 ? static_cast<T>(v[i]) : T{0};
    }
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

// The narrowest of 1, 2, 4 and 8 bytes (unsigned: 1, 2 and 4, codes being
// 32-bit) that holds every value in [low, high].
template <class Signed>
int width_for(int64_t low, int64_t high) {
  const auto fits = [&](auto narrow) {
    using T = decltype(narrow);
    return low >= std::numeric_limits<T>::min() && high <= std::numeric_limits<T>::max();
  };
  if constexpr (Signed::value) {
    return fits(int8_t{}) ? 1 : fits(int16_t{}) ? 2 : fits(int32_t{}) ? 4 : 8;
  } else {
    return fits(uint8_t{}) ? 1 : fits(uint16_t{}) ? 2 : 4;
  }
}

template <class Signed, class V>
void store_values(Column& column, const std::vector<V>& values) {
  const auto [low, high] = present_range(column, values);
  column.min = low;
  column.max = high;
  pack<Signed>(column, values, width_for<Signed>(low, high));
  compute_block_stats(column);
}

}  // namespace

template <class V>
void store_ints(Column& column, const std::vector<V>& values) {
  static_assert(std::is_signed_v<V>);
  store_values<std::true_type>(column, values);
}
template void store_ints(Column&, const std::vector<int64_t>&);
template void store_ints(Column&, const std::vector<int32_t>&);
template void store_ints(Column&, const std::vector<int16_t>&);
template void store_ints(Column&, const std::vector<int8_t>&);

template <class V>
void store_codes(Column& column, const std::vector<V>& codes) {
  static_assert(std::is_unsigned_v<V> && sizeof(V) <= 4);
  store_values<std::false_type>(column, codes);
}
template void store_codes(Column&, const std::vector<uint32_t>&);
template void store_codes(Column&, const std::vector<uint16_t>&);
template void store_codes(Column&, const std::vector<uint8_t>&);

}  // namespace segc::runtime
