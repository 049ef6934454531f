// Sorting the distinct strings of a column by code point (UTF-8 byte order)
// for its dictionary. A column of ten million e-mail addresses has ten
// million strings to sort, so this is a most-significant-byte radix sort on
// keys that hold each string's first sixteen bytes: most passes read only the
// keys, never the text, and a byte that every string of a range shares (the
// "+7" of phone numbers) costs a count but no move.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/csv_bytes.h"

namespace segc::runtime::csv {

struct StringSortKey {
  uint64_t high = 0;  // bytes 0..7, big-endian, zero past the end of the string (see sort_string_keys)
  uint64_t low = 0;   // bytes 8..15, likewise
  uint32_t code = 0;  // the string is strings[code]
  uint32_t size = 0;  // its length, capped at UINT32_MAX (only compared, never used to read)
};

// The key of `strings[code]`.
StringSortKey string_sort_key(std::string_view text, uint32_t code);

// Sorts `keys` so that strings[key.code] ascend in byte order (equal strings
// end up next to each other, in no set order). The sort may overwrite the
// keys' words with later bytes of their strings, the same for equal strings.
void sort_string_keys(std::vector<StringSortKey>& keys, const std::vector<std::string_view>& strings);

// Whether the strings of two keys that sort_string_keys left next to each
// other are equal (equal strings have equal keys, so most pairs need no text).
// A string shorter than sixteen bytes never has its words overwritten (only
// strings sharing sixteen bytes get later ones), so its key is all of it:
// duplicate phone numbers need no reads of their text, which is at random.
inline bool same_string(const StringSortKey& a, const StringSortKey& b, const std::vector<std::string_view>& strings) {
  if (a.high != b.high || a.low != b.low || a.size != b.size) return false;
  return a.size < 16 || same_bytes(strings[a.code], strings[b.code]);
}

}  // namespace segc::runtime::csv
