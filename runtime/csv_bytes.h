// Eight bytes at a time ("SIMD within a register"), for the CSV scanning
// loops: finding the bytes that end a field and counting line breaks without
// a branch per byte, in portable C++.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace segc::runtime::csv {

inline uint64_t load_word(const char* bytes) {
  uint64_t word = 0;
  std::memcpy(&word, bytes, 8);  // one unaligned load
  return word;
}

// The top bit of exactly those bytes of `word` that equal `byte` (little
// endian: the lowest set bit is the first such byte). Exact, unlike the
// shorter "has a zero byte" test, so the bits can be counted too.
inline uint64_t bytes_equal(uint64_t word, char byte) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const uint64_t x = word ^ (0x0101010101010101ULL * static_cast<unsigned char>(byte));
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// How many top bits `bytes_equal` set (no popcount instruction assumed).
inline unsigned count_marked(uint64_t marks) {
  return static_cast<unsigned>(((marks >> 7) * 0x0101010101010101ULL) >> 56);
}

// Whether two strings are equal, compared in line with (overlapping) word
// loads: dictionary values are mostly short, shorter than a call to memcmp
// is worth.
inline bool same_bytes(std::string_view a, std::string_view b) {
  const size_t size = a.size();
  if (size != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  if (size >= 8) {
    for (size_t at = 0; at + 8 < size; at += 8) {
      if (load_word(x + at) != load_word(y + at)) return false;
    }
    return load_word(x + size - 8) == load_word(y + size - 8);
  }
  if (size >= 4) {
    uint32_t x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    std::memcpy(&x1, x, 4), std::memcpy(&y1, y, 4);
    std::memcpy(&x2, x + size - 4, 4), std::memcpy(&y2, y + size - 4, 4);
    return x1 == y1 && x2 == y2;
  }
  for (size_t i = 0; i < size; ++i) {
    if (x[i] != y[i]) return false;
  }
  return true;
}

}  // namespace segc::runtime::csv
