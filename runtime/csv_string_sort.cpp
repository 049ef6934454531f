#include "runtime/csv_string_sort.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "runtime/huge_pages.h"

namespace segc::runtime::csv {
namespace {

// Bytes from..from+7 of `text` as a big-endian number, zeros past its end.
uint64_t big_endian_word(std::string_view text, size_t from) {
  if (text.size() >= from + 8) {
    uint64_t word = 0;
    std::memcpy(&word, text.data() + from, 8);
    return __builtin_bswap64(word);
  }
  uint64_t word = 0;
  for (size_t i = from; i < from + 8; ++i) {
    word = (word << 8) | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0U);
  }
  return word;
}

// Byte `depth` of a key's string, whose words hold bytes base..base+15, as
// a radix bucket: 0 when the string is shorter (it sorts before every longer
// string with its prefix), else 1 + the byte.
unsigned bucket_of(const StringSortKey& key, size_t depth, size_t base) {
  if (key.size <= depth) return 0;
  const size_t at = depth - base;
  const uint64_t word = at < 8 ? key.high : key.low;
  return 1 + static_cast<unsigned>((word >> (56 - 8 * (at % 8))) & 0xFF);
}

// Full order of two keys whose words hold bytes base..base+15 of strings
// that share their first `base` bytes. With equal words a string of at most
// base + 16 bytes is a prefix of the other (its padding zeros matched the
// other's bytes), so the shorter is less; only two longer strings need their
// text.
bool less(const StringSortKey& a, const StringSortKey& b, size_t base, const std::vector<std::string_view>& strings) {
  if (a.high != b.high) return a.high < b.high;
  if (a.low != b.low) return a.low < b.low;
  if (a.size <= base + 16 || b.size <= base + 16) return a.size < b.size;
  return strings[a.code].substr(base + 16) < strings[b.code].substr(base + 16);
}

// Ranges this small are sorted by comparison (insertion sort inside std::sort).
constexpr size_t kComparisonSortBelow = 48;

// Ranges this large take two bytes a pass: half the passes over the keys,
// and 257 * 257 counters are cheap next to the keys of such a range.
constexpr size_t kTwoBytesFrom = 16384;

void move_keys(const StringSortKey* from, StringSortKey* to, size_t count) {
  std::memcpy(static_cast<void*>(to), from, count * sizeof(StringSortKey));
}

// The digits of a radix pass: one byte (bucket_of), or two as one bucket of
// 257 * 257. A bucket b with b % 257 == 0 holds strings that ended within
// the digit, which are all equal.
struct OneByte {
  static constexpr size_t kBytes = 1;
  static std::array<size_t, 257> counters() { return {}; }
  static unsigned of(const StringSortKey& key, size_t depth, size_t base) { return bucket_of(key, depth, base); }
};
struct TwoBytes {
  static constexpr size_t kBytes = 2;
  static std::vector<size_t> counters() { return std::vector<size_t>(257 * 257, 0); }
  static unsigned of(const StringSortKey& key, size_t depth, size_t base) {
    return bucket_of(key, depth, base) * 257 + bucket_of(key, depth + 1, base);
  }
};

void radix_sort(StringSortKey* keys, StringSortKey* other, bool into_other, size_t count, size_t depth, size_t base,
                const std::vector<std::string_view>& strings);

// One pass of radix_sort (see there) on the digit at `depth`: scatters the
// keys into `other` by it and sorts each bucket on; false, with nothing
// moved, when every string has the same digit there and goes on past it.
template <class Digit>
bool radix_pass(StringSortKey* keys, StringSortKey* other, bool into_other, size_t count, size_t depth, size_t base,
                const std::vector<std::string_view>& strings) {
  auto counts = Digit::counters();
  for (size_t i = 0; i < count; ++i) ++counts[Digit::of(keys[i], depth, base)];
  const unsigned first = Digit::of(keys[0], depth, base);
  if (counts[first] == count) {
    if (first % 257 != 0) return false;
    if (into_other) move_keys(keys, other, count);  // all ended here: all equal
    return true;
  }
  // ends[b] is where bucket b starts, and after the scatter where it ends.
  auto ends = Digit::counters();
  size_t at = 0;
  for (size_t b = 0; b < counts.size(); ++b) {
    ends[b] = at;
    at += counts[b];
  }
  for (size_t i = 0; i < count; ++i) other[ends[Digit::of(keys[i], depth, base)]++] = keys[i];
  // Now in `other`. Ended strings (all equal) and a bucket of one are
  // sorted: they only move when the result goes back.
  for (size_t b = 0; b < counts.size(); ++b) {
    const size_t start = ends[b] - counts[b];
    if (counts[b] > 1 && b % 257 != 0) {
      radix_sort(other + start, keys + start, !into_other, counts[b], depth + Digit::kBytes, base, strings);
    } else if (!into_other && counts[b] > 0) {
      move_keys(other + start, keys + start, counts[b]);
    }
  }
  return true;
}

// Sorts the `count` keys at `keys`, whose strings share their first `depth`
// bytes and whose words hold bytes base..base+15, leaving the result at
// `keys` or, when `into_other`, at `other` (each pass scatters from one
// array into the other, so that no pass copies back). Strings that share all
// sixteen (e-mail addresses of one name and number at different domains)
// get the next sixteen bytes of their text in their words.
void radix_sort(StringSortKey* keys, StringSortKey* other, bool into_other, size_t count, size_t depth, size_t base,
                const std::vector<std::string_view>& strings) {
  while (true) {
    if (count < kComparisonSortBelow) {
      std::sort(keys, keys + count,
                [&](const StringSortKey& a, const StringSortKey& b) { return less(a, b, base, strings); });
      if (into_other) move_keys(keys, other, count);
      return;
    }
    if (depth == base + 16) {
      for (size_t i = 0; i < count; ++i) {
        keys[i].high = big_endian_word(strings[keys[i].code], depth);
        keys[i].low = big_endian_word(strings[keys[i].code], depth + 8);
      }
      base = depth;
    }
    if (count >= kTwoBytesFrom && depth + 1 < base + 16) {
      if (radix_pass<TwoBytes>(keys, other, into_other, count, depth, base, strings)) return;
      depth += 2;  // every string shares both bytes
    } else {
      if (radix_pass<OneByte>(keys, other, into_other, count, depth, base, strings)) return;
      ++depth;  // every string shares this byte
    }
  }
}

}  // namespace

StringSortKey string_sort_key(std::string_view text, uint32_t code) {
  const auto size = static_cast<uint32_t>(std::min<size_t>(text.size(), std::numeric_limits<uint32_t>::max()));
  return StringSortKey{big_endian_word(text, 0), big_endian_word(text, 8), code, size};
}

void sort_string_keys(std::vector<StringSortKey>& keys, const std::vector<std::string_view>& strings) {
  if (keys.size() < 2) return;
  std::vector<StringSortKey> scratch;
  reserve_huge(scratch, keys.size());
  scratch.resize(keys.size());
  radix_sort(keys.data(), scratch.data(), /*into_other=*/false, keys.size(), 0, 0, strings);
}

}  // namespace segc::runtime::csv
