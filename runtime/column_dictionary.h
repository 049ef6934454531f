// Distinct strings of one column, numbered in order of first appearance while
// loading, then sorted by code point for the table (runtime/table.h).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace segc::runtime {

class StringDictionary {
 public:
  void reserve(size_t count) { index_.reserve(count); }

  // The code of `text`, added when new. Text that is not `stable` (it lives
  // in a scratch buffer) is copied; stable text must outlive the dictionary.
  uint32_t code_of(std::string_view text, bool stable) {
    auto found = index_.find(text);
    if (found != index_.end()) return found->second;
    if (!stable) text = owned_.emplace_back(text);
    const auto code = static_cast<uint32_t>(values_.size());
    values_.push_back(text);
    index_.emplace(text, code);
    return code;
  }

  size_t size() const { return values_.size(); }
  std::string_view value(uint32_t code) const { return values_[code]; }

  // The values whose `used` flag is set, in code-point order; `remap` maps
  // each loading code to its code in that order (unused codes map to 0).
  std::vector<std::string> sorted(const std::vector<uint8_t>& used, std::vector<uint32_t>& remap) const;

 private:
  std::unordered_map<std::string_view, uint32_t> index_;
  std::vector<std::string_view> values_;
  std::deque<std::string> owned_;  // deque: stable addresses for the views above
};

}  // namespace segc::runtime
