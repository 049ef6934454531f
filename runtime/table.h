// The columnar customer table that evaluators read: plain arrays, one column
// per schema field, in schema order. JIT-compiled code reads these arrays
// directly (see compiler/codegen/calling_convention.md), so their layout is
// part of the contract:
//
// - presence: a Bitmap, bit set = value present. Every column has one; the key
//   column's is all ones.
// - Int, Decimal (unscaled, i.e. 12.50 with scale 2 is 1250) and Date (days
//   since 1970-01-01): signed little-endian integers of `width` bytes (1, 2, 4
//   or 8), the narrowest that holds every present value. Missing rows hold 0.
// - Float: doubles (missing rows hold 0.0).
// - Bool: a Bitmap of values (missing rows hold 0).
// - String and Enum: unsigned codes of `width` bytes (1, 2 or 4) into
//   `dictionary`. For an Enum the dictionary is exactly the enum's values in
//   declaration order, so code order is the order of `<`. For a String it is
//   every distinct value present, sorted by code point (UTF-8 byte order), so
//   code order is string order. Missing rows hold code 0.
// - StringSet: row r's elements are set_codes[set_offsets[r] .. set_offsets[r+1]),
//   codes into the sorted `dictionary`, ascending and without duplicates. A
//   missing set has no elements and its presence bit clear; an empty set has
//   no elements and its presence bit set. When the dictionary has at most 64
//   values, `storage` also holds one mask per row of `width` bytes (1, 2, 4
//   or 8; bit c set when code c is in the set, 0 for missing rows); with more
//   values `width` is 0 and there are no masks (runtime/set_masks.h).
//
// Every array is a ColumnArray (Bitmap words, Dictionary parts too): owned,
// or borrowed from a memory-mapped columnar file that the arrays keep alive
// (runtime/columnar_file.h). Readers use the const accessors and cannot tell
// the difference.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/bitmap.h"
#include "runtime/block_stats.h"
#include "runtime/column_array.h"
#include "runtime/dictionary.h"

namespace segc::runtime {

enum class ColumnKind : uint8_t { Int, Decimal, Float, Bool, String, Enum, Date, StringSet };

// What the loader needs to know of one schema field.
struct ColumnSpec {
  std::string name;
  ColumnKind kind = ColumnKind::Int;
  int scale = 0;                         // Decimal only: digits after the point
  std::vector<std::string> enum_values;  // Enum only, declaration order
  bool is_key = false;

  friend bool operator==(const ColumnSpec&, const ColumnSpec&) = default;
};

struct TableSchema {
  std::vector<ColumnSpec> columns;
  size_t key_index = 0;
};

struct Column {
  ColumnSpec spec;
  Bitmap present;

  // Int, Decimal, Date (signed) and String, Enum codes (unsigned); StringSet
  // masks (see above).
  int width = 8;
  ColumnArray<uint64_t> storage;  // row_count * width bytes, 8-byte aligned
  int64_t min = 0;                // of present values (codes for String/Enum)
  int64_t max = 0;

  ColumnArray<double> floats;  // Float
  Bitmap bools;                // Bool

  Dictionary dictionary;              // String, Enum, StringSet
  ColumnArray<uint32_t> set_offsets;  // StringSet: row_count + 1 entries
  ColumnArray<uint32_t> set_codes;    // StringSet

  BlockStats blocks;  // see block_stats.h; empty when not computed

  const void* data() const { return storage.data(); }

  // Int, Decimal, Date: the value of row `row` widened to 64 bits.
  int64_t int_at(size_t row) const {
    const auto* bytes = reinterpret_cast<const char*>(storage.data());
    switch (width) {
      case 1: return reinterpret_cast<const int8_t*>(bytes)[row];
      case 2: return reinterpret_cast<const int16_t*>(bytes)[row];
      case 4: return reinterpret_cast<const int32_t*>(bytes)[row];
      default: return reinterpret_cast<const int64_t*>(bytes)[row];
    }
  }
  // String, Enum: the dictionary code of row `row`.
  uint32_t code_at(size_t row) const {
    const auto* bytes = reinterpret_cast<const char*>(storage.data());
    switch (width) {
      case 1: return reinterpret_cast<const uint8_t*>(bytes)[row];
      case 2: return reinterpret_cast<const uint16_t*>(bytes)[row];
      default: return reinterpret_cast<const uint32_t*>(bytes)[row];
    }
  }
};

struct Table {
  TableSchema schema;
  size_t row_count = 0;
  std::vector<Column> columns;  // schema order

  const Column& key() const { return columns[schema.key_index]; }
};

// Packs values into the narrowest signed width that holds them all (used by
// loaders and by tests that build tables by hand), and computes the column's
// block statistics; the presence bitmap must be set first. V is int8_t,
// int16_t, int32_t or int64_t (the instantiations are in table.cpp).
template <class V>
void store_ints(Column& column, const std::vector<V>& values);
// Packs dictionary codes into the narrowest unsigned width, likewise; V is
// uint8_t, uint16_t or uint32_t.
template <class V>
void store_codes(Column& column, const std::vector<V>& codes);

}  // namespace segc::runtime
