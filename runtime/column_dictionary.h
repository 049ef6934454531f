// Distinct strings of one column, numbered in order of first appearance while
// loading, then sorted by code point for the table (runtime/table.h).
//
// An open-addressing table of (hash tag, code) pairs over views of the
// strings: a lookup touches one small slot array and, on a tag match, the
// text itself, and nothing is allocated except for a new distinct string.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

// XXH3 (Debian libxxhash-dev), inlined: a fraction of std::hash's time on
// the short strings of customer data.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "runtime/csv_bytes.h"
#include "runtime/dictionary.h"

namespace segc::runtime {

class StringDictionary {
 public:
  // Room for `count` distinct strings without rehashing.
  void reserve(size_t count);

  // The code of `text`, added when new. Text that is not `stable` (it lives
  // in a scratch buffer) is copied; stable text must outlive the dictionary.
  uint32_t code_of(std::string_view text, bool stable) {
    return code_of(text, stable, [](std::string_view) { return true; });
  }

  // Likewise, but a new text is added only when accept(text) holds, else
  // kRejected is returned: a text seen before was accepted then, so a column
  // of few distinct values checks (say, UTF-8) once per value, not per row.
  static constexpr uint32_t kRejected = UINT32_MAX;
  template <class Accept>
  uint32_t code_of(std::string_view text, bool stable, Accept&& accept) {
    if (!hashing_) {
      if (!accept(text)) return kRejected;
      if (!stable) text = owned_.emplace_back(text);
      values_.push_back(text);
      return static_cast<uint32_t>(values_.size() - 1);
    }
    const uint64_t hash = XXH3_64bits(text.data(), text.size());
    if ((values_.size() + 1) * 2 > slots_.size()) grow();
    const size_t mask = slots_.size() - 1;
    const auto tag = static_cast<uint32_t>(hash >> 32);
    for (size_t at = static_cast<size_t>(hash) & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.code == kEmpty) {
        if (!accept(text)) return kRejected;
        if (!stable) text = owned_.emplace_back(text);
        slot = Slot{tag, static_cast<uint32_t>(values_.size())};
        values_.push_back(text);
        hashes_.push_back(hash);
        return slot.code;
      }
      if (slot.tag == tag && csv::same_bytes(values_[slot.code], text)) return slot.code;
    }
  }

  // From now on every code_of gives a new code, also for a string seen
  // before, and sorted() merges equal strings instead: for a column of mostly
  // distinct values (e-mail addresses, phone numbers) the hash table costs a
  // cache miss per row and finds nothing. Codes then no longer tell equal
  // strings apart, so not for a key column.
  void stop_hashing() {
    hashing_ = false;
    slots_ = {};
    hashes_ = {};
  }

  bool hashing() const { return hashing_; }

  // Adds the strings of `other` (the same column, loaded from another range
  // of the file), which is left empty; the result maps each of its codes to
  // the code here. Its own copies of strings move here unchanged, so views of
  // them stay valid.
  std::vector<uint32_t> absorb(StringDictionary& other);

  size_t size() const { return values_.size(); }
  std::string_view value(uint32_t code) const { return values_[code]; }

  // The distinct values whose `used` flag is set, in code-point order; `remap`
  // maps each loading code to its value's code in that order (unused codes map to 0).
  Dictionary sorted(const std::vector<uint8_t>& used, std::vector<uint32_t>& remap) const;

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t tag = 0;  // high half of the hash: most mismatches never touch the text
    uint32_t code = kEmpty;
  };

  void grow(size_t at_least = 0);

  bool hashing_ = true;
  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::vector<std::string_view> values_;
  std::vector<uint64_t> hashes_;   // per code, for rehashing
  std::deque<std::string> owned_;  // deque: stable addresses for the views above
  // Those of absorbed dictionaries, swapped in whole (a swap keeps every
  // element where it is; a deque of them never moves one).
  std::deque<std::deque<std::string>> absorbed_;
};

}  // namespace segc::runtime
