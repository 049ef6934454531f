#include "evaluate/numeric_ops.h"

#include <cmath>
#include <limits>

namespace segc::evaluate::numeric {
namespace {

// Wide enough for any exact intermediate: a 64-bit unscaled value times 10^18,
// or the product of two 64-bit values.
using Wide = __int128;

Wide power_of_ten(int exponent) {
  Wide result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

std::optional<int64_t> narrow(Wide value) {
  if (value < std::numeric_limits<int64_t>::min() || value > std::numeric_limits<int64_t>::max()) {
    return std::nullopt;
  }
  return static_cast<int64_t>(value);
}

bool is_float(const Value& value) { return std::holds_alternative<double>(value); }
bool is_int(const Value& value) { return std::holds_alternative<int64_t>(value); }

Value finite_or_missing(double value) {
  if (!std::isfinite(value)) return Missing{};
  return value;
}

Value decimal_or_missing(std::optional<int64_t> unscaled, int scale) {
  if (!unscaled) return Missing{};
  return DecimalValue{*unscaled, scale};
}

// `a + b` or `a - b` on two decimals at the larger scale.
Value add_decimals(DecimalValue a, DecimalValue b, bool subtract) {
  const int scale = std::max(a.scale, b.scale);
  auto left = rescale(a, scale);
  auto right = rescale(b, scale);
  if (!left || !right) return Missing{};
  int64_t result = 0;
  const bool overflow = subtract ? __builtin_sub_overflow(left->unscaled, right->unscaled, &result)
                                 : __builtin_add_overflow(left->unscaled, right->unscaled, &result);
  if (overflow) return Missing{};
  return DecimalValue{result, scale};
}

Value add_or_subtract(const Value& a, const Value& b, bool subtract) {
  if (is_missing(a) || is_missing(b)) return Missing{};
  if (is_float(a) || is_float(b)) {
    return finite_or_missing(subtract ? as_double(a) - as_double(b) : as_double(a) + as_double(b));
  }
  if (is_int(a) && is_int(b)) {
    int64_t result = 0;
    const bool overflow =
        subtract ? __builtin_sub_overflow(std::get<int64_t>(a), std::get<int64_t>(b), &result)
                 : __builtin_add_overflow(std::get<int64_t>(a), std::get<int64_t>(b), &result);
    if (overflow) return Missing{};
    return result;
  }
  return add_decimals(as_decimal(a), as_decimal(b), subtract);
}

// Divides by 10^digits, rounding half away from zero.
Wide round_off(Wide value, int digits) {
  const Wide divisor = power_of_ten(digits);
  Wide quotient = value / divisor;
  const Wide remainder = value % divisor;
  const Wide twice = remainder < 0 ? -2 * remainder : 2 * remainder;
  if (twice >= divisor) quotient += value < 0 ? -1 : 1;
  return quotient;
}

}  // namespace

std::optional<DecimalValue> rescale(DecimalValue value, int scale) {
  auto unscaled = narrow(Wide{value.unscaled} * power_of_ten(scale - value.scale));
  if (!unscaled) return std::nullopt;
  return DecimalValue{*unscaled, scale};
}

DecimalValue as_decimal(const Value& number) {
  if (const auto* integer = std::get_if<int64_t>(&number)) return DecimalValue{*integer, 0};
  return std::get<DecimalValue>(number);
}

double as_double(const Value& number) {
  static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,
                                       1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13,
                                       1e14, 1e15, 1e16, 1e17, 1e18};
  if (const auto* floating = std::get_if<double>(&number)) return *floating;
  if (const auto* integer = std::get_if<int64_t>(&number)) return static_cast<double>(*integer);
  const auto& decimal = std::get<DecimalValue>(number);
  return static_cast<double>(decimal.unscaled) / kPowers[decimal.scale];
}

Value add(const Value& a, const Value& b) { return add_or_subtract(a, b, false); }
Value subtract(const Value& a, const Value& b) { return add_or_subtract(a, b, true); }

Value multiply(const Value& a, const Value& b) {
  if (is_missing(a) || is_missing(b)) return Missing{};
  if (is_float(a) || is_float(b)) return finite_or_missing(as_double(a) * as_double(b));
  if (is_int(a) && is_int(b)) {
    int64_t result = 0;
    if (__builtin_mul_overflow(std::get<int64_t>(a), std::get<int64_t>(b), &result)) {
      return Missing{};
    }
    return result;
  }
  const DecimalValue left = as_decimal(a);
  const DecimalValue right = as_decimal(b);
  Wide product = Wide{left.unscaled} * Wide{right.unscaled};  // exact: |product| < 2^126
  int scale = left.scale + right.scale;
  if (scale > 18) {
    product = round_off(product, scale - 18);
    scale = 18;
  }
  return decimal_or_missing(narrow(product), scale);
}

Value divide(const Value& a, const Value& b) {
  if (is_missing(a) || is_missing(b)) return Missing{};
  const double divisor = as_double(b);
  if (divisor == 0.0) return Missing{};
  return finite_or_missing(as_double(a) / divisor);
}

Value negate(const Value& a) {
  if (is_missing(a)) return Missing{};
  if (const auto* floating = std::get_if<double>(&a)) return -*floating;
  if (const auto* integer = std::get_if<int64_t>(&a)) {
    if (*integer == std::numeric_limits<int64_t>::min()) return Missing{};
    return -*integer;
  }
  const auto& decimal = std::get<DecimalValue>(a);
  if (decimal.unscaled == std::numeric_limits<int64_t>::min()) return Missing{};
  return DecimalValue{-decimal.unscaled, decimal.scale};
}

Value absolute(const Value& a) {
  if (is_missing(a)) return Missing{};
  if (const auto* floating = std::get_if<double>(&a)) return std::fabs(*floating);
  const auto less_than_zero = compare(a, int64_t{0});
  return *less_than_zero < 0 ? negate(a) : a;
}

std::optional<std::partial_ordering> compare(const Value& a, const Value& b) {
  if (is_missing(a) || is_missing(b)) return std::nullopt;
  if (is_float(a) || is_float(b)) return as_double(a) <=> as_double(b);
  const DecimalValue left = as_decimal(a);
  const DecimalValue right = as_decimal(b);
  const int scale = std::max(left.scale, right.scale);
  // Exact: a 64-bit value times at most 10^18 fits in 128 bits.
  const Wide x = Wide{left.unscaled} * power_of_ten(scale - left.scale);
  const Wide y = Wide{right.unscaled} * power_of_ten(scale - right.scale);
  return x < y ? std::partial_ordering::less
               : x > y ? std::partial_ordering::greater : std::partial_ordering::equivalent;
}

Value convert(const Value& number, const Type& target) {
  if (is_missing(number)) return Missing{};
  switch (target.kind) {
    case TypeKind::Float: return as_double(number);
    case TypeKind::Decimal: {
      auto rescaled = rescale(as_decimal(number), target.scale);
      if (!rescaled) return Missing{};
      return *rescaled;
    }
    default: return number;
  }
}

}  // namespace segc::evaluate::numeric
