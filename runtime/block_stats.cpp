#include "runtime/block_stats.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

#include "runtime/table.h"

// The binary targets any x86-64, where std::popcount is a library call per
// word and vectors are 16 bytes; the scans are built several times and the
// best one for the CPU is chosen when the program loads.
#if defined(__x86_64__) && defined(__GNUC__)
#define SEGC_SCAN_CLONES __attribute__((target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")))
#else
#define SEGC_SCAN_CLONES
#endif

namespace segc::runtime {
namespace {

// kRowMasks[b]: the eight bits of b spread over eight bytes, 0xff where the
// bit is set, lowest bit first. A presence word becomes 64 mask bytes with
// eight table reads, and the loops below select present values with AND and
// OR, which the compiler vectorises (a per-row bit test it does not).
constexpr std::array<uint64_t, 256> spread_bits_to_bytes() {
  std::array<uint64_t, 256> masks{};
  for (unsigned byte = 0; byte < 256; ++byte) {
    for (unsigned bit = 0; bit < 8; ++bit) {
      if ((byte >> bit) & 1) masks[byte] |= uint64_t{0xff} << (8 * bit);
    }
  }
  return masks;
}
constexpr std::array<uint64_t, 256> kRowMasks = spread_bits_to_bytes();

// The mask bytes of `word_count` presence words into `masks`; returns how
// many bits are set.
[[gnu::always_inline]] inline uint32_t spread_presence(const uint64_t* words, size_t word_count,
                                                       int8_t* masks) {
  uint32_t ones = 0;
  for (size_t word = 0; word < word_count; ++word) {
    const uint64_t bits = words[word];
    ones += static_cast<uint32_t>(std::popcount(bits));
    for (size_t byte = 0; byte < 8; ++byte) {
      std::memcpy(masks + word * 64 + byte * 8, &kRowMasks[(bits >> (8 * byte)) & 0xff], 8);
    }
  }
  return ones;
}

template <class T>
struct Extremes {
  T least = std::numeric_limits<T>::max();     // of present values
  T greatest = std::numeric_limits<T>::min();  // of present values
  T greatest_stored = 0;                       // of every row (codes only)
  T stray = 0;                                 // OR of the missing rows' values
};

// What scan_blocks finds besides the statistics.
struct StoredValues {
  uint64_t greatest_stored = 0;  // codes only
  bool value_in_missing_row = false;
};

// Folds `count` rows into `extremes`. Branch-free: a missing row contributes
// the neutral value. Called with the constant kBlockRows for whole blocks,
// because GCC's -O2 cost model vectorises only loops without a remainder.
template <class T>
[[gnu::always_inline]] inline void fold_rows(const T* values, const int8_t* masks, size_t count,
                                             Extremes<T>& extremes) {
  constexpr T kMax = std::numeric_limits<T>::max();
  constexpr T kMin = std::numeric_limits<T>::min();
  T least = extremes.least;
  T greatest = extremes.greatest;
  T stored = extremes.greatest_stored;
  T stray = extremes.stray;
  for (size_t i = 0; i < count; ++i) {
    const T value = values[i];
    const T chosen = static_cast<T>(masks[i]);  // all ones or zero
    const T low_candidate = static_cast<T>((value & chosen) | (kMax & ~chosen));
    const T high_candidate = static_cast<T>((value & chosen) | (kMin & ~chosen));
    least = least < low_candidate ? least : low_candidate;
    greatest = greatest > high_candidate ? greatest : high_candidate;
    if constexpr (std::is_unsigned_v<T>) stored = stored > value ? stored : value;
    stray = static_cast<T>(stray | (value & ~chosen));
  }
  extremes = {least, greatest, stored, stray};
}

// Present count, min and max of every block of `rows` values stored as T.
template <class T>
[[gnu::always_inline]] inline StoredValues scan_blocks(const T* values, const uint64_t* present_words,
                                            size_t rows, uint32_t* present, int64_t* low,
                                            int64_t* high) {
  alignas(64) int8_t masks[kBlockRows];
  T greatest_stored = 0;
  T stray = 0;
  for (size_t block = 0, first = 0; first < rows; ++block, first += kBlockRows) {
    const size_t count = std::min(kBlockRows, rows - first);
    const uint32_t ones = spread_presence(present_words + first / 64, (count + 63) / 64, masks);
    // Every member given: clang (the fuzz build) leaves the implicit
    // constructor undefined in target_clones functions.
    Extremes<T> extremes{std::numeric_limits<T>::max(), std::numeric_limits<T>::min(), greatest_stored, stray};
    if (count == kBlockRows) {
      fold_rows(values + first, masks, kBlockRows, extremes);
    } else {
      fold_rows(values + first, masks, count, extremes);
    }
    greatest_stored = extremes.greatest_stored;
    stray = extremes.stray;
    present[block] = ones;
    low[block] = ones == 0 ? 0 : static_cast<int64_t>(extremes.least);
    high[block] = ones == 0 ? 0 : static_cast<int64_t>(extremes.greatest);
  }
  return {static_cast<uint64_t>(greatest_stored), stray != 0};
}

SEGC_SCAN_CLONES void count_present(const uint64_t* words, size_t rows, uint32_t* present) {
  const size_t word_count = (rows + 63) / 64;
  for (size_t word = 0; word < word_count; ++word) {
    present[word / (kBlockRows / 64)] += static_cast<uint32_t>(std::popcount(words[word]));
  }
}

// One instance per stored type, each built for several CPUs (see above).
SEGC_SCAN_CLONES StoredValues scan_int8(const int8_t* values, const uint64_t* words, size_t rows,
                                   uint32_t* present, int64_t* low, int64_t* high) {
  return scan_blocks(values, words, rows, present, low, high);
}
SEGC_SCAN_CLONES StoredValues scan_int16(const int16_t* values, const uint64_t* words, size_t rows,
                                    uint32_t* present, int64_t* low, int64_t* high) {
  return scan_blocks(values, words, rows, present, low, high);
}
SEGC_SCAN_CLONES StoredValues scan_int32(const int32_t* values, const uint64_t* words, size_t rows,
                                    uint32_t* present, int64_t* low, int64_t* high) {
  return scan_blocks(values, words, rows, present, low, high);
}
SEGC_SCAN_CLONES StoredValues scan_int64(const int64_t* values, const uint64_t* words, size_t rows,
                                    uint32_t* present, int64_t* low, int64_t* high) {
  return scan_blocks(values, words, rows, present, low, high);
}
SEGC_SCAN_CLONES StoredValues scan_code8(const uint8_t* values, const uint64_t* words, size_t rows,
                                     uint32_t* present, int64_t* low, int64_t* high) {
  return scan_blocks(values, words, rows, present, low, high);
}
SEGC_SCAN_CLONES StoredValues scan_code16(const uint16_t* values, const uint64_t* words, size_t rows,
                                      uint32_t* present, int64_t* low, int64_t* high) {
  return scan_blocks(values, words, rows, present, low, high);
}
SEGC_SCAN_CLONES StoredValues scan_code32(const uint32_t* values, const uint64_t* words, size_t rows,
                                      uint32_t* present, int64_t* low, int64_t* high) {
  return scan_blocks(values, words, rows, present, low, high);
}

template <class T>
const T* values_as(const Column& column) {
  return reinterpret_cast<const T*>(column.storage.data());
}

}  // namespace

ColumnScan scan_column(const Column& column) {
  const size_t rows = column.present.size();
  const size_t blocks = block_count(rows);
  const uint64_t* words = column.present.words();
  ColumnScan scan;
  std::vector<uint32_t> present(blocks, 0);
  const bool is_signed = column.spec.kind == ColumnKind::Int ||
                         column.spec.kind == ColumnKind::Decimal ||
                         column.spec.kind == ColumnKind::Date;
  const bool is_code = column.spec.kind == ColumnKind::String || column.spec.kind == ColumnKind::Enum;
  // Storage shorter than the rows (a hand-built column not packed yet) has
  // no minimum and maximum; codes are never 8 bytes wide.
  const bool has_values = (is_signed || (is_code && column.width != 8)) &&
                          column.storage.size() * 8 >= rows * static_cast<size_t>(column.width);
  if (!has_values) {
    count_present(words, rows, present.data());
    scan.stats.present = std::move(present);
    return scan;
  }
  std::vector<int64_t> low(blocks, 0);
  std::vector<int64_t> high(blocks, 0);
  uint32_t* p = present.data();
  int64_t* lo = low.data();
  int64_t* hi = high.data();
  StoredValues stored;
  switch (column.width) {
    case 1:
      stored = is_signed ? scan_int8(values_as<int8_t>(column), words, rows, p, lo, hi)
                         : scan_code8(values_as<uint8_t>(column), words, rows, p, lo, hi);
      break;
    case 2:
      stored = is_signed ? scan_int16(values_as<int16_t>(column), words, rows, p, lo, hi)
                         : scan_code16(values_as<uint16_t>(column), words, rows, p, lo, hi);
      break;
    case 4:
      stored = is_signed ? scan_int32(values_as<int32_t>(column), words, rows, p, lo, hi)
                         : scan_code32(values_as<uint32_t>(column), words, rows, p, lo, hi);
      break;
    default: stored = scan_int64(values_as<int64_t>(column), words, rows, p, lo, hi); break;
  }
  scan.greatest_stored_code = is_signed ? 0 : stored.greatest_stored;
  scan.value_in_missing_row = stored.value_in_missing_row;
  scan.stats.present = std::move(present);
  scan.stats.min = std::move(low);
  scan.stats.max = std::move(high);
  return scan;
}

BlockStats block_stats_of(const Column& column) { return scan_column(column).stats; }

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
