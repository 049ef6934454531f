#include "runtime/csv_string_distinct.h"

#include <algorithm>
#include <bit>

// XXH3 (Debian libxxhash-dev), inlined, as in column_dictionary.h.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "runtime/csv_bytes.h"
#include "runtime/huge_pages.h"

namespace segc::runtime::csv {
namespace {

uint64_t hash_of(std::string_view text) { return XXH3_64bits(text.data(), text.size()); }

// An open-addressing table of (hash tag, index) pairs over `values`, like
// StringDictionary's, at most half full.
class DistinctTable {
 public:
  explicit DistinctTable(std::vector<std::string_view>& values) : values_(values) {}

  // Room for `count` distinct strings; the values already in it are rehashed.
  void resize(size_t count) {
    const size_t capacity = std::bit_ceil(std::max<size_t>(64, 2 * count));
    slots_.clear();
    reserve_huge(slots_, capacity);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (uint32_t index = 0; index < values_.size(); ++index) {
      const uint64_t hash = hash_of(values_[index]);
      size_t at = hash & mask_;
      while (slots_[at].index != kEmpty) at = (at + 1) & mask_;
      slots_[at] = Slot{tag_of(hash), index};
    }
  }

  void prefetch_slot(uint64_t hash) const { __builtin_prefetch(&slots_[hash & mask_]); }

  // The value in the first slot that may hold the string of `hash` (its tag
  // matches), if any: a guess, whose text is worth fetching ahead.
  const std::string_view* candidate(uint64_t hash) const {
    for (size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.index == kEmpty) return nullptr;
      if (slot.tag == tag_of(hash)) return &values_[slot.index];
    }
  }

  // The index of `text` in the values, added when new (the table doubles
  // when that makes it half full).
  uint32_t index_of(std::string_view text, uint64_t hash) {
    for (size_t at = hash & mask_;; at = (at + 1) & mask_) {
      Slot& slot = slots_[at];
      if (slot.index == kEmpty) {
        slot = Slot{tag_of(hash), static_cast<uint32_t>(values_.size())};
        values_.push_back(text);
        const uint32_t index = slot.index;
        if (values_.size() * 2 >= slots_.size()) resize(slots_.size());
        return index;
      }
      if (slot.tag == tag_of(hash) && same_bytes(values_[slot.index], text)) return slot.index;
    }
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t tag = 0;  // high half of the hash: most mismatches never touch the text
    uint32_t index = kEmpty;
  };
  static uint32_t tag_of(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }

  std::vector<std::string_view>& values_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// Each lookup in a large table misses the cache three times in a row: its
// slot, the view of the string found there, that string's text. So string
// k is hashed and its slot fetched at step k, the view fetched at step
// k + kStage, the text at k + 2 kStage, and it is looked up at k + 3 kStage,
// by then (mostly) from the cache. The fetches are only hints: the lookup
// alone decides, also when strings in flight were added meanwhile.
constexpr size_t kStage = 8;
constexpr size_t kInFlight = 32;  // a power of two above 3 * kStage

}  // namespace

std::optional<DistinctStrings> number_distinct(const std::vector<std::string_view>& strings,
                                               const std::vector<uint8_t>& used) {
  const size_t count = std::min(strings.size(), used.size());
  const auto used_count = static_cast<size_t>(std::count_if(used.begin(), used.begin() + static_cast<ptrdiff_t>(count),
                                                            [](uint8_t flag) { return flag != 0; }));
  DistinctStrings result;
  reserve_huge(result.values, used_count);  // never reallocated: candidate() views stay valid
  reserve_huge(result.index, strings.size());
  DistinctTable table(result.values);
  table.resize(std::min(used_count, kDistinctProbe));
  size_t looked_up = 0;
  uint64_t hashes[kInFlight];
  const auto hash_at = [&](size_t code) { return hashes[code % kInFlight]; };
  const auto in_use = [&](size_t step, size_t behind) { return step >= behind && step - behind < count && used[step - behind]; };
  for (size_t step = 0; step < count + 3 * kStage; ++step) {
    if (in_use(step, 0)) {
      hashes[step % kInFlight] = hash_of(strings[step]);
      table.prefetch_slot(hash_at(step));
    }
    if (in_use(step, kStage)) {
      if (const std::string_view* view = table.candidate(hash_at(step - kStage))) __builtin_prefetch(view);
    }
    if (in_use(step, 2 * kStage)) {
      if (const std::string_view* view = table.candidate(hash_at(step - 2 * kStage))) __builtin_prefetch(view->data());
    }
    if (step < 3 * kStage || step - 3 * kStage >= count) continue;
    const size_t code = step - 3 * kStage;
    if (!used[code]) {
      result.index.push_back(0);
      continue;
    }
    result.index.push_back(table.index_of(strings[code], hash_at(code)));
    if (++looked_up == kDistinctProbe && looked_up < used_count) {
      if (result.values.size() > looked_up / 4 * 3) return std::nullopt;
      // Later rows repeat more of the earlier ones (e-mail addresses: 60%
      // distinct among the first 65536, 26% in all), so half the probe's
      // share is a fair first size; the table grows if it was too small. A
      // table for every row would be 268 MB at 10M rows, all faulted in.
      table.resize(std::max(result.values.size(), used_count / looked_up * result.values.size() / 2));
    }
  }
  result.index.resize(strings.size(), 0);
  return result;
}

}  // namespace segc::runtime::csv
