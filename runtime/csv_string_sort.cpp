#include "runtime/csv_string_sort.h"

#include <algorithm>
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

constexpr size_t kTwoBytesFrom = 16384;

void radix_sort(StringSortKey* keys, StringSortKey* other, bool into_other, size_t count, size_t depth, size_t base,
                const std::vector<std::string_view>& strings);

// Bytes `depth` and `depth` + 1 of a key's string as one bucket of
// 257 * 257: a string that ended at `depth` has both parts 0.
unsigned pair_bucket_of(const StringSortKey& key, size_t depth, size_t base) {
  return bucket_of(key, depth, base) * 257 + bucket_of(key, depth + 1, base);
}

// One pass of radix_sort on two bytes (depth, depth + 1) of the `count` keys,
// recursing into each bucket; false, with nothing moved, when every string
// has the same two bytes there (and has not ended).
bool two_byte_pass(StringSortKey* keys, StringSortKey* other, bool into_other, size_t count, size_t depth,
                   size_t base, const std::vector<std::string_view>& strings) {
  constexpr size_t kBuckets = 257 * 257;
  std::vector<size_t> counts(kBuckets, 0);
  for (size_t i = 0; i < count; ++i) ++counts[pair_bucket_of(keys[i], depth, base)];
  const unsigned first = pair_bucket_of(keys[0], depth, base);
  if (counts[first] == count && first != 0) return false;
  std::vector<size_t> starts(kBuckets);
  size_t at = 0;
  for (size_t b = 0; b < kBuckets; ++b) {
    starts[b] = at;
    at += counts[b];
  }
  std::vector<size_t> next = starts;
  for (size_t i = 0; i < count; ++i) other[next[pair_bucket_of(keys[i], depth, base)]++] = keys[i];
  // Bucket 0 holds the strings that ended at `depth`, and a bucket b * 257
  // those that ended at depth + 1: all equal within it, sorted as they are.
  for (size_t b = 0; b < kBuckets; ++b) {
    if (counts[b] > 1 && b % 257 != 0) {
      radix_sort(other + starts[b], keys + starts[b], !into_other, counts[b], depth + 2, base, strings);
    } else if (!into_other && counts[b] > 0) {
      std::memcpy(static_cast<void*>(keys + starts[b]), other + starts[b], counts[b] * sizeof(StringSortKey));
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
  const auto move_result = [&](StringSortKey* from, StringSortKey* to, size_t size) {
    std::memcpy(static_cast<void*>(to), from, size * sizeof(StringSortKey));
  };
  while (true) {
    if (count < kComparisonSortBelow) {
      std::sort(keys, keys + count,
                [&](const StringSortKey& a, const StringSortKey& b) { return less(a, b, base, strings); });
      if (into_other) move_result(keys, other, count);
      return;
    }
    if (depth == base + 16) {
      for (size_t i = 0; i < count; ++i) {
        keys[i].high = big_endian_word(strings[keys[i].code], depth);
        keys[i].low = big_endian_word(strings[keys[i].code], depth + 8);
      }
      base = depth;
    }
    // Large ranges take two bytes a pass: half the passes over the keys, and
    // 257 * 257 counters are cheap next to the keys of such a range.
    if (count >= kTwoBytesFrom && depth + 1 < base + 16) {
      if (two_byte_pass(keys, other, into_other, count, depth, base, strings)) return;
      depth += 2;  // every string shares both bytes
      continue;
    }
    size_t counts[257] = {};
    for (size_t i = 0; i < count; ++i) ++counts[bucket_of(keys[i], depth, base)];
    const unsigned first = bucket_of(keys[0], depth, base);
    if (counts[first] == count) {  // every string has this byte here (or all ended: all equal)
      if (first == 0) {
        if (into_other) move_result(keys, other, count);
        return;
      }
      ++depth;
      continue;
    }
    size_t starts[257];
    size_t at = 0;
    for (unsigned b = 0; b < 257; ++b) {
      starts[b] = at;
      at += counts[b];
    }
    size_t next[257];
    std::copy(std::begin(starts), std::end(starts), std::begin(next));
    for (size_t i = 0; i < count; ++i) other[next[bucket_of(keys[i], depth, base)]++] = keys[i];
    // Now in `other`. Bucket 0 holds strings that ended here (all equal) and
    // a bucket of one is sorted: they only move when the result goes back.
    for (unsigned b = 0; b < 257; ++b) {
      if (b > 0 && counts[b] > 1) {
        radix_sort(other + starts[b], keys + starts[b], !into_other, counts[b], depth + 1, base, strings);
      } else if (!into_other && counts[b] > 0) {
        move_result(other + starts[b], keys + starts[b], counts[b]);
      }
    }
    return;
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
