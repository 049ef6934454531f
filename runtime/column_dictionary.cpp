#include "runtime/column_dictionary.h"

#include <algorithm>

namespace segc::runtime {

void StringDictionary::reserve(size_t count) {
  values_.reserve(count);
  if (!hashing_) return;
  hashes_.reserve(count);
  if ((count + 1) * 2 > slots_.size()) grow((count + 1) * 2);
}

void StringDictionary::grow(size_t at_least) {
  size_t capacity = slots_.empty() ? 64 : slots_.size() * 2;
  while (capacity < at_least) capacity *= 2;
  slots_.assign(capacity, Slot{});
  const size_t mask = capacity - 1;
  for (uint32_t code = 0; code < values_.size(); ++code) {
    size_t at = static_cast<size_t>(hashes_[code]) & mask;
    while (slots_[at].code != kEmpty) at = (at + 1) & mask;
    slots_[at] = Slot{static_cast<uint32_t>(hashes_[code] >> 32), code};
  }
}

Dictionary StringDictionary::sorted(const std::vector<uint8_t>& used,
                                                  std::vector<uint32_t>& remap) const {
  // Sorting on the first sixteen bytes as two big-endian numbers decides
  // most comparisons without following the views into the text (e-mail
  // addresses often share their first eight bytes).
  struct Entry {
    uint64_t high;
    uint64_t low;
    uint32_t code;
  };
  auto big_endian = [](std::string_view text, size_t from) {
    uint64_t word = 0;
    for (size_t i = from; i < from + 8; ++i) {
      word = (word << 8) | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0U);
    }
    return word;
  };
  std::vector<Entry> order;
  order.reserve(values_.size());
  for (uint32_t code = 0; code < values_.size(); ++code) {
    if (code >= used.size() || !used[code]) continue;
    const std::string_view text = values_[code];
    order.push_back(Entry{big_endian(text, 0), big_endian(text, 8), code});
  }
  // char_traits<char> compares as unsigned char: UTF-8 byte order, which is
  // code-point order (and a shorter string padded with zero bytes ties with
  // its extensions, which the full comparison then orders). Merge sort: the
  // first-appearance order of generated keys (user1, user2, ...) drives
  // std::sort's introsort into its slow heap-sort fallback.
  std::stable_sort(order.begin(), order.end(), [&](const Entry& a, const Entry& b) {
    if (a.high != b.high) return a.high < b.high;
    if (a.low != b.low) return a.low < b.low;
    return values_[a.code] < values_[b.code];
  });
  remap.assign(values_.size(), 0);
  size_t distinct = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    const Entry& entry = order[i];
    const bool repeat = i > 0 && entry.high == order[i - 1].high && entry.low == order[i - 1].low &&
                        values_[entry.code] == values_[order[i - 1].code];
    distinct += repeat ? 0 : 1;
    remap[entry.code] = static_cast<uint32_t>(distinct - 1);
  }
  // Copied in loading order, which is text order: reading the text in
  // sorted order would miss the cache on every string of a large dictionary.
  // (A value still empty is copied again, harmlessly, or is the empty string.)
  std::vector<std::string> result(distinct);
  for (uint32_t code = 0; code < values_.size(); ++code) {
    if (code < used.size() && used[code] && result[remap[code]].empty()) result[remap[code]] = values_[code];
  }
  return Dictionary(result);
}

}  // namespace segc::runtime
