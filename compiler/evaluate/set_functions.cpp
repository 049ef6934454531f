#include "evaluate/set_functions.h"

#include <algorithm>

namespace segc::evaluate::sets {

bool contains(const SetValue& set, std::string_view element) {
  return std::binary_search(set.elements.begin(), set.elements.end(), element,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

bool contains_any(const SetValue& set, const std::vector<std::string>& elements) {
  return std::any_of(elements.begin(), elements.end(),
                     [&](const std::string& element) { return contains(set, element); });
}

bool contains_all(const SetValue& set, const std::vector<std::string>& elements) {
  return std::all_of(elements.begin(), elements.end(),
                     [&](const std::string& element) { return contains(set, element); });
}

int64_t size(const SetValue& set) { return static_cast<int64_t>(set.elements.size()); }

SetValue make_set(std::vector<std::string> elements) {
  std::sort(elements.begin(), elements.end());
  elements.erase(std::unique(elements.begin(), elements.end()), elements.end());
  return SetValue{std::move(elements)};
}

}  // namespace segc::evaluate::sets
