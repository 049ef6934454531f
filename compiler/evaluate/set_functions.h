// Set tests (docs/evaluation.md, "Sets"). A SetValue's elements are sorted and
// distinct, so membership is a binary search.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/value.h"

namespace segc::evaluate::sets {

bool contains(const SetValue& set, std::string_view element);
// At least one of `elements` is in the set (false for an empty list).
bool contains_any(const SetValue& set, const std::vector<std::string>& elements);
// Every one of `elements` is in the set (true for an empty list).
bool contains_all(const SetValue& set, const std::vector<std::string>& elements);
int64_t size(const SetValue& set);

// Sorted by code point and without duplicates, as SetValue requires.
SetValue make_set(std::vector<std::string> elements);

}  // namespace segc::evaluate::sets
