// Eight bytes at a time ("SIMD within a register"), for the CSV scanning
// loops: finding the bytes that end a field and counting line breaks without
// a branch per byte, in portable C++.
#pragma once

#include <cstdint>
#include <cstring>

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

}  // namespace segc::runtime::csv
