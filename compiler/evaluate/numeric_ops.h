// Arithmetic and comparison on Seg numbers (docs/evaluation.md, "Numbers"):
// ints are 64-bit, decimals exact fixed point, floats IEEE doubles. A result
// that does not fit is Missing, never wrapped, never an exception. Every
// function takes int64_t, DecimalValue, double or Missing alternatives of Value.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>

#include "evaluate/value.h"

namespace segc::evaluate::numeric {

// The decimal with `scale` digits after the point that equals `value`
// (scale >= value.scale); nullopt when its unscaled value overflows 64 bits.
std::optional<DecimalValue> rescale(DecimalValue value, int scale);

// An int as a decimal of scale 0; a decimal as itself.
DecimalValue as_decimal(const Value& number);

// An int as `(double) i`, a decimal as `(double) unscaled / 10^scale`.
double as_double(const Value& number);

Value add(const Value& a, const Value& b);
Value subtract(const Value& a, const Value& b);
Value multiply(const Value& a, const Value& b);
// Always a float; Missing when the divisor is zero.
Value divide(const Value& a, const Value& b);
Value negate(const Value& a);
Value absolute(const Value& a);

// Exact for ints and decimals; as doubles when either side is a float.
// nullopt when either side is missing.
std::optional<std::partial_ordering> compare(const Value& a, const Value& b);

// `number` as a value of the numeric type `target` (int, decimal(s) with s at
// least the number's scale, or float); Missing when it does not fit.
Value convert(const Value& number, const Type& target);

}  // namespace segc::evaluate::numeric
