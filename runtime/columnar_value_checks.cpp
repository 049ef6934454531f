// The checks of a columnar file's values that decide results rather than
// memory safety (columnar_verify.cpp runs them after the checksum and the
// structural checks): unique keys, finite floats, set masks equal to the set
// codes. Each is one pass over arrays the verifier has just read for the
// checksum; docs/columnar-format.md gives their cost at 10M rows.
#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "runtime/columnar_problems.h"
#include "runtime/key_text.h"

namespace segc::runtime::columnar {
namespace {

// Rows compared per step of the ascending check: a file whose keys are not in
// order leaves it after the first few thousand rows.
constexpr size_t kStepRows = 4096;

// Whether values[0..rows) is strictly ascending. Branch-free within a step,
// so the compares vectorise.
template <class T>
bool strictly_ascending(const T* values, size_t rows) {
  for (size_t first = 1; first < rows; first += kStepRows) {
    const size_t end = std::min(rows, first + kStepRows);
    bool falls = false;
    for (size_t i = first; i < end; ++i) falls |= values[i - 1] >= values[i];
    if (falls) return false;
  }
  return true;
}

// A value found twice, for the message; nullopt when all are distinct.
// `values` lie within [least, greatest] (the verified statistics). Dense
// values (the usual customer ids, or codes into a dictionary of about a key
// per row) are marked in a bitmap of the range, at most a byte per row;
// sparse ones are sorted.
template <class T>
std::optional<T> find_duplicate(const T* values, size_t rows, T least, T greatest) {
  const uint64_t span = static_cast<uint64_t>(greatest) - static_cast<uint64_t>(least);
  if (span < uint64_t{8} * rows) {
    std::vector<uint64_t> seen(span / 64 + 1, 0);
    for (size_t row = 0; row < rows; ++row) {
      const uint64_t at = static_cast<uint64_t>(values[row]) - static_cast<uint64_t>(least);
      const uint64_t bit = uint64_t{1} << (at % 64);
      if (seen[at / 64] & bit) return values[row];
      seen[at / 64] |= bit;
    }
    return std::nullopt;
  }
  std::vector<T> sorted(rows);
  std::memcpy(sorted.data(), values, rows * sizeof(T));
  std::sort(sorted.begin(), sorted.end());
  const auto twice = std::adjacent_find(sorted.begin(), sorted.end());
  if (twice == sorted.end()) return std::nullopt;
  return *twice;
}

template <class T>
std::optional<T> duplicate_of(const Column& column, size_t rows) {
  const T* values = reinterpret_cast<const T*>(column.storage.data());
  if (strictly_ascending(values, rows)) return std::nullopt;
  return find_duplicate(values, rows, static_cast<T>(column.min), static_cast<T>(column.max));
}

// Bit c of row r's mask must be set exactly when code c is among row r's
// codes. Codes are already known to be within the dictionary (at most 64
// values when there are masks) and distinct within each row, so a row's
// mask is also the XOR of its codes' bits: the difference of two prefix
// XORs. Both loops below are branch-free; a loop per row over its codes
// would mispredict at nearly every row end (rows hold 0 to 64 codes).
template <class Mask>
bool masks_match_codes(const Column& column, size_t rows) {
  constexpr size_t kChunkRows = 4096;
  const auto* masks = reinterpret_cast<const Mask*>(column.storage.data());
  const uint32_t* offsets = column.set_offsets.data();
  const uint32_t* codes = column.set_codes.data();
  std::vector<uint64_t> prefix;  // prefix[i]: XOR of the bits of the chunk's first i codes
  uint64_t differences = 0;
  for (size_t first = 0; first < rows; first += kChunkRows) {
    const size_t end = std::min(rows, first + kChunkRows);
    const uint32_t base = offsets[first];
    const size_t count = offsets[end] - base;
    prefix.resize(count + 1);
    uint64_t running = 0;
    prefix[0] = 0;
    for (size_t i = 0; i < count; ++i) {
      running ^= uint64_t{1} << codes[base + i];
      prefix[i + 1] = running;
    }
    for (size_t row = first; row < end; ++row) {
      const uint64_t expected = prefix[offsets[row + 1] - base] ^ prefix[offsets[row] - base];
      differences |= expected ^ masks[row];
    }
  }
  return differences == 0;
}

}  // namespace

ColumnarProblem check_unique_keys(const std::string& path, const Column& column, size_t rows,
                                  const std::string& where) {
  if (column.spec.kind == ColumnKind::String) {
    // A key NAME.keys cannot hold as one line (the CSV loader refuses these).
    for (size_t entry = 0; entry < column.dictionary.size(); ++entry) {
      const std::string_view key = column.dictionary[entry];
      if (const size_t at = find_forbidden_key_character(key); at != std::string_view::npos) {
        return invalid(path, fmt::format("{}: {}", where, forbidden_key_character_message(key, at)));
      }
    }
  }
  if (rows < 2) return {};
  std::string duplicate;
  if (column.spec.kind == ColumnKind::Int) {
    std::optional<int64_t> key;
    switch (column.width) {
      case 1: key = duplicate_of<int8_t>(column, rows); break;
      case 2: key = duplicate_of<int16_t>(column, rows); break;
      case 4: key = duplicate_of<int32_t>(column, rows); break;
      default: key = duplicate_of<int64_t>(column, rows); break;
    }
    if (key) duplicate = fmt::format("{}", *key);
  } else {
    // Codes into a dictionary of distinct strings: equal codes, equal keys.
    std::optional<uint32_t> code;
    switch (column.width) {
      case 1: code = duplicate_of<uint8_t>(column, rows); break;
      case 2: code = duplicate_of<uint16_t>(column, rows); break;
      default: code = duplicate_of<uint32_t>(column, rows); break;
    }
    if (code) duplicate = fmt::format("\"{}\"", column.dictionary[*code]);
  }
  if (duplicate.empty()) return {};
  return invalid(path, fmt::format("{}: duplicate key {}", where, duplicate));
}

ColumnarProblem check_finite_floats(const std::string& path, const Column& column,
                                    const std::string& where) {
  // An exponent of all ones is NaN or an infinity. Missing rows must hold 0,
  // so every row is checked, branch-free.
  constexpr uint64_t kExponent = 0x7ff0000000000000ULL;
  const double* values = column.floats.data();
  bool non_finite = false;
  for (size_t row = 0; row < column.floats.size(); ++row) {
    uint64_t bits;
    std::memcpy(&bits, values + row, sizeof bits);
    non_finite |= (bits & kExponent) == kExponent;
  }
  if (!non_finite) return {};
  return invalid(path, where + ": a value is not a finite number (NaN or infinity)");
}

ColumnarProblem check_set_masks(const std::string& path, const Column& column, size_t rows,
                                const std::string& where) {
  bool match = true;
  switch (column.width) {
    case 0: return {};  // no masks: more than 64 values
    case 1: match = masks_match_codes<uint8_t>(column, rows); break;
    case 2: match = masks_match_codes<uint16_t>(column, rows); break;
    case 4: match = masks_match_codes<uint32_t>(column, rows); break;
    default: match = masks_match_codes<uint64_t>(column, rows); break;
  }
  if (match) return {};
  return invalid(path, where + ": the set masks do not match the set codes");
}

}  // namespace segc::runtime::columnar
