#include "runtime/column_dictionary.h"

#include <algorithm>
#include <cstring>

#include "runtime/csv_string_distinct.h"
#include "runtime/csv_string_sort.h"
#include "runtime/huge_pages.h"

namespace segc::runtime {

void StringDictionary::reserve(size_t count) {
  reserve_huge(values_, count);
  if (!hashing_) return;
  reserve_huge(hashes_, count);
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

std::vector<uint32_t> StringDictionary::absorb(StringDictionary& other) {
  absorbed_.emplace_back().swap(other.owned_);
  for (std::deque<std::string>& owned : other.absorbed_) absorbed_.emplace_back().swap(owned);
  std::vector<uint32_t> remap(other.values_.size());
  reserve(values_.size() + other.values_.size());
  for (size_t code = 0; code < other.values_.size(); ++code) remap[code] = code_of(other.values_[code], true);
  other = StringDictionary();
  return remap;
}

namespace {

// The length of a key's string, from the key unless it was capped: the
// view of the string is at random in a large dictionary.
size_t size_of(const csv::StringSortKey& key, const std::vector<std::string_view>& values) {
  return key.size < UINT32_MAX ? key.size : values[key.code].size();
}

// The distinct values whose `used` flag is set, sorted, and the remap of their codes (see sorted()).
Dictionary sorted_values(const std::vector<std::string_view>& values, const std::vector<uint8_t>& used,
                         std::vector<uint32_t>& remap) {
  std::vector<csv::StringSortKey> order;
  reserve_huge(order, values.size());
  for (uint32_t code = 0; code < values.size(); ++code) {
    if (code < used.size() && used[code]) order.push_back(csv::string_sort_key(values[code], code));
  }
  csv::sort_string_keys(order, values);
  remap.clear();
  reserve_huge(remap, values.size());
  remap.assign(values.size(), 0);
  std::vector<uint64_t> offsets;
  reserve_huge(offsets, order.size() + 1);
  offsets.push_back(0);
  for (size_t i = 0; i < order.size(); ++i) {
    if (i > 0 && csv::same_string(order[i], order[i - 1], values)) {
      remap[order[i].code] = static_cast<uint32_t>(offsets.size() - 2);
      continue;
    }
    remap[order[i].code] = static_cast<uint32_t>(offsets.size() - 1);
    offsets.push_back(offsets.back() + size_of(order[i], values));
  }
  // Copied in loading order, which is text order: reading the text in
  // sorted order would miss the cache on every string of a large dictionary.
  // Where each string goes is at random, though, so its offset and then its
  // destination are fetched a few strings ahead. (Equal strings are copied
  // to the same place again, harmlessly; unused codes fetch offset 0.)
  std::vector<char> bytes;
  reserve_huge(bytes, offsets.back());
  bytes.resize(offsets.back());
  constexpr size_t kAhead = 8;
  for (uint32_t code = 0; code < values.size(); ++code) {
    if (code + 2 * kAhead < values.size()) __builtin_prefetch(&offsets[remap[code + 2 * kAhead]]);
    if (code + kAhead < values.size()) __builtin_prefetch(bytes.data() + offsets[remap[code + kAhead]], 1);
    if (code >= used.size() || !used[code]) continue;
    const std::string_view text = values[code];
    if (!text.empty()) std::memcpy(bytes.data() + offsets[remap[code]], text.data(), text.size());
  }
  return Dictionary::from_parts(std::move(offsets), std::move(bytes));
}

}  // namespace

Dictionary StringDictionary::sorted(const std::vector<uint8_t>& used, std::vector<uint32_t>& remap) const {
  if (hashing_) return sorted_values(values_, used, remap);
  // Equal strings may have several codes: when they repeat enough, the sort
  // gets each string once.
  const std::optional<csv::DistinctStrings> distinct = csv::number_distinct(values_, used);
  if (!distinct) return sorted_values(values_, used, remap);
  std::vector<uint32_t> distinct_remap;
  Dictionary result = sorted_values(distinct->values, std::vector<uint8_t>(distinct->values.size(), 1), distinct_remap);
  reserve_huge(remap, values_.size());
  remap.assign(values_.size(), 0);
  for (uint32_t code = 0; code < values_.size() && code < used.size(); ++code) {
    if (used[code]) remap[code] = distinct_remap[distinct->index[code]];
  }
  return result;
}

}  // namespace segc::runtime
