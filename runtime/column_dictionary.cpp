#include "runtime/column_dictionary.h"

#include <algorithm>

namespace segc::runtime {

void StringDictionary::reserve(size_t count) {
  values_.reserve(count);
  hashes_.reserve(count);
}

void StringDictionary::grow() {
  const size_t capacity = slots_.empty() ? 64 : slots_.size() * 2;
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
  // Sorting on the first eight bytes as a big-endian number decides most
  // comparisons without following the views into the text.
  struct Entry {
    uint64_t prefix;
    uint32_t code;
  };
  std::vector<Entry> order;
  order.reserve(values_.size());
  for (uint32_t code = 0; code < values_.size(); ++code) {
    if (code >= used.size() || !used[code]) continue;
    uint64_t prefix = 0;
    const std::string_view text = values_[code];
    for (size_t i = 0; i < 8; ++i) {
      prefix = (prefix << 8) | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0U);
    }
    order.push_back(Entry{prefix, code});
  }
  // char_traits<char> compares as unsigned char: UTF-8 byte order, which is
  // code-point order (and a shorter string padded with zero bytes ties with
  // its extensions, which the full comparison then orders). Merge sort: the
  // first-appearance order of generated keys (user1, user2, ...) drives
  // std::sort's introsort into its slow heap-sort fallback.
  std::stable_sort(order.begin(), order.end(), [&](const Entry& a, const Entry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return values_[a.code] < values_[b.code];
  });
  remap.assign(values_.size(), 0);
  std::vector<std::string_view> result;
  result.reserve(order.size());
  for (uint32_t rank = 0; rank < order.size(); ++rank) {
    remap[order[rank].code] = rank;
    result.push_back(values_[order[rank].code]);
  }
  return Dictionary::from_views(result);
}

}  // namespace segc::runtime
