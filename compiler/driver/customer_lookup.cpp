#include "driver/customer_lookup.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <utility>
#include <vector>

#include "semantic/suggestions.h"

namespace segc {
namespace {

constexpr size_t kSuggestions = 3;
// Past this many distinct keys, edit distances to every key would make
// explain slow: only the sorted neighbours are suggested.
constexpr size_t kEditDistanceKeys = 200'000;

CustomerLookup find_int(const runtime::Column& keys, size_t rows, std::string_view text) {
  CustomerLookup lookup;
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  int64_t wanted = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), wanted);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
    lookup.problem = fmt::format("the key field '{}' is an int", keys.spec.name);
    return lookup;
  }
  for (size_t row = 0; row < rows; ++row) {
    if (keys.int_at(row) == wanted) {
      lookup.row = row;
      return lookup;
    }
  }
  // Not there: the nearest keys by distance (ties: the smaller key first),
  // a second pass only when the key is missing.
  std::vector<std::pair<uint64_t, int64_t>> nearest;  // sorted, at most kSuggestions
  for (size_t row = 0; row < rows; ++row) {
    const int64_t key = keys.int_at(row);
    const uint64_t distance = key > wanted ? static_cast<uint64_t>(key) - static_cast<uint64_t>(wanted)
                                           : static_cast<uint64_t>(wanted) - static_cast<uint64_t>(key);
    const std::pair candidate{distance, key};
    if (nearest.size() == kSuggestions && !(candidate < nearest.back())) continue;
    const auto at = std::lower_bound(nearest.begin(), nearest.end(), candidate);
    if (at != nearest.end() && *at == candidate) continue;  // a key seen before
    nearest.insert(at, candidate);
    if (nearest.size() > kSuggestions) nearest.pop_back();
  }
  for (const auto& [distance, key] : nearest) lookup.nearest.push_back(std::to_string(key));
  return lookup;
}

CustomerLookup find_string(const runtime::Column& keys, size_t rows, std::string_view wanted) {
  CustomerLookup lookup;
  const runtime::Dictionary& dictionary = keys.dictionary;
  if (auto code = dictionary.find_sorted(wanted)) {
    for (size_t row = 0; row < rows; ++row) {
      if (keys.code_at(row) == *code) {
        lookup.row = row;
        return lookup;
      }
    }
  }
  auto add = [&](std::string_view key) {
    if (lookup.nearest.size() < kSuggestions &&
        std::find(lookup.nearest.begin(), lookup.nearest.end(), key) == lookup.nearest.end()) {
      lookup.nearest.emplace_back(key);
    }
  };
  if (dictionary.size() <= kEditDistanceKeys) {
    if (auto close = closest_match(wanted, dictionary.to_vector())) add(*close);
  }
  const auto at = std::lower_bound(dictionary.begin(), dictionary.end(), wanted);
  const auto position = static_cast<size_t>(at - dictionary.begin());
  if (position < dictionary.size()) add(dictionary[position]);
  if (position > 0) add(dictionary[position - 1]);
  if (position + 1 < dictionary.size()) add(dictionary[position + 1]);
  return lookup;
}

}  // namespace

CustomerLookup find_customer(const runtime::Table& table, std::string_view key) {
  const runtime::Column& keys = table.key();
  if (keys.spec.kind == runtime::ColumnKind::String) return find_string(keys, table.row_count, key);
  return find_int(keys, table.row_count, key);
}

}  // namespace segc
