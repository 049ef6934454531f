#include "evaluate/value_comparison.h"

#include "evaluate/numeric_ops.h"

namespace segc::evaluate {
namespace {

bool is_number(const Value& value) {
  return std::holds_alternative<int64_t>(value) || std::holds_alternative<DecimalValue>(value) ||
         std::holds_alternative<double>(value);
}

template <class T>
std::partial_ordering order(const T& a, const T& b) {
  return a < b ? std::partial_ordering::less
               : b < a ? std::partial_ordering::greater : std::partial_ordering::equivalent;
}

// An enum member's index, where the other side may be a literal naming it.
int enum_index(const Value& value, const EnumType& type) {
  if (const auto* member = std::get_if<EnumValue>(&value)) return member->index;
  return type.index_of(std::get<std::string>(value));
}

}  // namespace

std::optional<std::partial_ordering> compare_values(const Value& a, const Value& b) {
  if (is_missing(a) || is_missing(b)) return std::nullopt;
  if (is_number(a) && is_number(b)) return numeric::compare(a, b);
  if (const auto* member = std::get_if<EnumValue>(&a)) {
    return order(member->index, enum_index(b, *member->type));
  }
  if (const auto* member = std::get_if<EnumValue>(&b)) {
    return order(enum_index(a, *member->type), member->index);
  }
  if (const auto* text = std::get_if<std::string>(&a)) {
    // std::string compares as unsigned bytes, which for UTF-8 is code-point order.
    return order(*text, std::get<std::string>(b));
  }
  if (const auto* date = std::get_if<DateValue>(&a)) {
    return order(date->days, std::get<DateValue>(b).days);
  }
  if (const auto* truth = std::get_if<bool>(&a)) return order(*truth, std::get<bool>(b));
  if (const auto* set = std::get_if<SetValue>(&a)) {
    return set->elements == std::get<SetValue>(b).elements ? std::partial_ordering::equivalent
                                                           : std::partial_ordering::unordered;
  }
  return std::partial_ordering::unordered;  // a checked program never compares other kinds
}

Value conform(const Value& value, const Type& target) {
  if (is_missing(value)) return value;
  if (target.is_numeric() && is_number(value)) return numeric::convert(value, target);
  if (target.is(TypeKind::Enum)) {
    if (const auto* text = std::get_if<std::string>(&value)) {
      return EnumValue{target.enumeration->index_of(*text), target.enumeration};
    }
  }
  return value;
}

std::string_view text_of(const Value& value) {
  if (const auto* member = std::get_if<EnumValue>(&value)) return member->text();
  return std::get<std::string>(value);
}

}  // namespace segc::evaluate
