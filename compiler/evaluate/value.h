// One Seg value for one customer, as the reference interpreter computes it.
// `Missing` is the absent value of LANGUAGE.md section 5; a boolean expression
// that is unknown evaluates to Missing too.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "semantic/types.h"

namespace segc::evaluate {

struct Missing {
  friend bool operator==(Missing, Missing) = default;
};

// Exact fixed point: value = unscaled / 10^scale.
struct DecimalValue {
  int64_t unscaled = 0;
  int scale = 0;
  friend bool operator==(const DecimalValue&, const DecimalValue&) = default;
};

struct DateValue {
  int32_t days = 0;  // since 1970-01-01
  friend bool operator==(const DateValue&, const DateValue&) = default;
};

// A member of an enum, by declaration index (the order of `<`).
struct EnumValue {
  int index = 0;
  const EnumType* type = nullptr;
  const std::string& text() const { return type->values[static_cast<size_t>(index)]; }
  friend bool operator==(const EnumValue& a, const EnumValue& b) { return a.index == b.index; }
};

// Sorted by code point, without duplicates.
struct SetValue {
  std::vector<std::string> elements;
  friend bool operator==(const SetValue&, const SetValue&) = default;
};

using Value = std::variant<Missing, bool, int64_t, DecimalValue, double, std::string, DateValue,
                           EnumValue, SetValue>;

inline bool is_missing(const Value& value) { return std::holds_alternative<Missing>(value); }

// How a value is shown to users (test failures, explain): `missing`, `true`,
// `42`, `12.50`, `"Москва"`, `2026-11-01`, `["a", "b"]`.
std::string show_value(const Value& value);

}  // namespace segc::evaluate
