// How two values compare (LANGUAGE.md section 5, docs/evaluation.md): numbers
// exactly (as doubles when a float is involved), strings by code point, enums
// by declaration index (a string literal against an enum means that member),
// dates by day, bools for = and != only.
#pragma once

#include <compare>
#include <optional>
#include <string_view>

#include "evaluate/value.h"

namespace segc::evaluate {

// nullopt when either side is missing.
std::optional<std::partial_ordering> compare_values(const Value& a, const Value& b);

// `value` as a value of type `target`: a number converted to the numeric
// type, a string (literal) to the enum member it names; others unchanged.
Value conform(const Value& value, const Type& target);

// The text of a string, or of an enum member (text functions accept both).
std::string_view text_of(const Value& value);

}  // namespace segc::evaluate
