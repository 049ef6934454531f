// Typed access to table columns for the hand-written loops: the column's
// array cast to its stored width, found by field name, and a driver that
// builds a member bitmap 64 rows (one word) at a time.
#pragma once

#include <immintrin.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "runtime/bitmap.h"
#include "runtime/table.h"

namespace segc::bench {

inline const runtime::Column& column(const runtime::Table& table, std::string_view name) {
  for (const runtime::Column& c : table.columns) {
    if (c.spec.name == name) return c;
  }
  throw std::runtime_error("no column " + std::string(name));
}

// The dictionary code of `value`, or a code no row holds when it is absent.
inline uint32_t code_of(const runtime::Column& c, std::string_view value) {
  auto it = std::find(c.dictionary.begin(), c.dictionary.end(), value);
  return it == c.dictionary.end() ? UINT32_MAX : static_cast<uint32_t>(it - c.dictionary.begin());
}

// Calls f with the column's signed integer array at its stored width.
template <typename F>
void with_ints(const runtime::Column& c, F&& f) {
  const void* data = c.data();
  switch (c.width) {
    case 1:
      f(static_cast<const int8_t*>(data));
      break;
    case 2:
      f(static_cast<const int16_t*>(data));
      break;
    case 4:
      f(static_cast<const int32_t*>(data));
      break;
    default:
      f(static_cast<const int64_t*>(data));
      break;
  }
}

// Calls f with the column's unsigned code array at its stored width.
template <typename F>
void with_codes(const runtime::Column& c, F&& f) {
  const void* data = c.data();
  switch (c.width) {
    case 1:
      f(static_cast<const uint8_t*>(data));
      break;
    case 2:
      f(static_cast<const uint16_t*>(data));
      break;
    default:
      f(static_cast<const uint32_t*>(data));
      break;
  }
}

// The bits of `pred(row)` for the n rows from `first_row` (bit i: row
// first_row + i). The predicate fills 64 bytes, a loop the compiler
// vectorises; one AVX-512 byte test turns them into the word (the bench is
// built with -march=native), on AVX2 two byte masks, else a multiply
// gathers each 8 bytes of 0/1 into 8 bits.
template <typename N, typename Pred>
inline uint64_t pack_bits(size_t first_row, N n, Pred&& pred) {
  alignas(64) uint8_t flags[64] = {};
  for (unsigned i = 0; i < n; ++i) flags[i] = static_cast<uint8_t>(pred(first_row + i));
#if defined(__AVX512BW__)
  const __m512i bytes = _mm512_load_si512(flags);
  return _mm512_test_epi8_mask(bytes, bytes);
#elif defined(__AVX2__)
  // Flags are 0 or 1: shifted to the top bit of each byte for the byte mask.
  const __m256i low = _mm256_slli_epi16(_mm256_load_si256(reinterpret_cast<const __m256i*>(flags)), 7);
  const __m256i high = _mm256_slli_epi16(_mm256_load_si256(reinterpret_cast<const __m256i*>(flags + 32)), 7);
  return static_cast<uint32_t>(_mm256_movemask_epi8(low)) |
         uint64_t{static_cast<uint32_t>(_mm256_movemask_epi8(high))} << 32;
#endif
  uint64_t bits = 0;
  for (unsigned k = 0; k < 8; ++k) {
    uint64_t eight = 0;
    std::memcpy(&eight, flags + 8 * k, 8);
    bits |= ((eight * 0x0102040810204080ULL) >> 56) << (8 * k);
  }
  return bits;
}

// A bitmap of `rows` rows whose word w is word_bits(w, n) for the n rows of
// that word; n is a compile-time 64 for full words, so the loops over a
// word's rows can be unrolled and vectorised.
template <typename WordBits>
runtime::Bitmap build_bitmap(size_t rows, WordBits&& word_bits) {
  runtime::Bitmap out(rows);
  uint64_t* words = out.words();
  const size_t full = rows / 64;
  for (size_t w = 0; w < full; ++w) words[w] = word_bits(w, std::integral_constant<unsigned, 64>{});
  if (rows % 64 != 0) words[full] = word_bits(full, static_cast<unsigned>(rows % 64));
  return out;
}

}  // namespace segc::bench
