#include "runtime/column_dictionary.h"

#include <algorithm>

namespace segc::runtime {

std::vector<std::string> StringDictionary::sorted(const std::vector<uint8_t>& used,
                                                  std::vector<uint32_t>& remap) const {
  std::vector<uint32_t> order;
  order.reserve(values_.size());
  for (uint32_t code = 0; code < values_.size(); ++code) {
    if (code < used.size() && used[code]) order.push_back(code);
  }
  // char_traits<char> compares as unsigned char: UTF-8 byte order, which is
  // code-point order.
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return values_[a] < values_[b]; });
  remap.assign(values_.size(), 0);
  std::vector<std::string> result;
  result.reserve(order.size());
  for (uint32_t rank = 0; rank < order.size(); ++rank) {
    remap[order[rank]] = rank;
    result.emplace_back(values_[order[rank]]);
  }
  return result;
}

}  // namespace segc::runtime
