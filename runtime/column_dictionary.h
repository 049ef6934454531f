// Distinct strings of one column, numbered in order of first appearance while
// loading, then sorted by code point for the table (runtime/table.h).
//
// An open-addressing table of (hash tag, code) pairs over views of the
// strings: a lookup touches one small slot array and, on a tag match, the
// text itself, and nothing is allocated except for a new distinct string.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/dictionary.h"

namespace segc::runtime {

class StringDictionary {
 public:
  void reserve(size_t count);

  // The code of `text`, added when new. Text that is not `stable` (it lives
  // in a scratch buffer) is copied; stable text must outlive the dictionary.
  uint32_t code_of(std::string_view text, bool stable) {
    const uint64_t hash = std::hash<std::string_view>{}(text);
    if ((values_.size() + 1) * 2 > slots_.size()) grow();
    const size_t mask = slots_.size() - 1;
    const auto tag = static_cast<uint32_t>(hash >> 32);
    for (size_t at = static_cast<size_t>(hash) & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.code == kEmpty) {
        if (!stable) text = owned_.emplace_back(text);
        slot = Slot{tag, static_cast<uint32_t>(values_.size())};
        values_.push_back(text);
        hashes_.push_back(hash);
        return slot.code;
      }
      if (slot.tag == tag && values_[slot.code] == text) return slot.code;
    }
  }

  size_t size() const { return values_.size(); }
  std::string_view value(uint32_t code) const { return values_[code]; }

  // The values whose `used` flag is set, in code-point order; `remap` maps
  // each loading code to its code in that order (unused codes map to 0).
  Dictionary sorted(const std::vector<uint8_t>& used, std::vector<uint32_t>& remap) const;

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t tag = 0;  // high half of the hash: most mismatches never touch the text
    uint32_t code = kEmpty;
  };

  void grow();

  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::vector<std::string_view> values_;
  std::vector<uint64_t> hashes_;   // per code, for rehashing
  std::deque<std::string> owned_;  // deque: stable addresses for the views above
};

}  // namespace segc::runtime
