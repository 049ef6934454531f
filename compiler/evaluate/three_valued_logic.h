// Kleene three-valued logic (LANGUAGE.md section 5): a condition's value is
// true, false or Missing (unknown).
#pragma once

#include <compare>
#include <optional>

#include "evaluate/value.h"

namespace segc::evaluate {

inline bool is_true(const Value& value) {
  const bool* truth = std::get_if<bool>(&value);
  return truth != nullptr && *truth;
}

inline bool is_false(const Value& value) {
  const bool* truth = std::get_if<bool>(&value);
  return truth != nullptr && !*truth;
}

inline Value kleene_not(const Value& value) {
  if (is_missing(value)) return Missing{};
  return !std::get<bool>(value);
}

// false wins over unknown, which wins over true.
inline Value kleene_and(const Value& a, const Value& b) {
  if (is_false(a) || is_false(b)) return false;
  if (is_missing(a) || is_missing(b)) return Missing{};
  return true;
}

// true wins over unknown, which wins over false.
inline Value kleene_or(const Value& a, const Value& b) {
  if (is_true(a) || is_true(b)) return true;
  if (is_missing(a) || is_missing(b)) return Missing{};
  return false;
}

// A condition from a test that may not be decidable (nullopt: unknown).
inline Value truth(std::optional<bool> known) {
  if (!known) return Missing{};
  return *known;
}

}  // namespace segc::evaluate
