#include "semantic/types.h"

#include <fmt/format.h>

#include <algorithm>

namespace segc {

int EnumType::index_of(std::string_view value) const {
  auto it = std::find(values.begin(), values.end(), value);
  return it == values.end() ? -1 : static_cast<int>(it - values.begin());
}

std::string describe_type(const Type& type) {
  switch (type.kind) {
    case TypeKind::Error: return "an invalid value";
    case TypeKind::Bool: return "a condition (true/false)";
    case TypeKind::Int: return "an int";
    case TypeKind::Decimal: return fmt::format("a decimal({})", type.scale);
    case TypeKind::Float: return "a float";
    case TypeKind::String: return "a string";
    case TypeKind::Enum: {
      std::string values;
      for (const auto& value : type.enumeration->values) {
        values += (values.empty() ? "\"" : ", \"") + value + "\"";
      }
      return fmt::format("an enum({})", values);
    }
    case TypeKind::Date: return "a date";
    case TypeKind::Duration: return "a duration";
    case TypeKind::StringSet: return "a set<string>";
    case TypeKind::List: return "a list";
  }
  return "a value";
}

Type common_numeric_type(const Type& a, const Type& b) {
  if (a.is(TypeKind::Float) || b.is(TypeKind::Float)) return Type::floating();
  if (a.is(TypeKind::Decimal) || b.is(TypeKind::Decimal)) {
    return Type::decimal(std::max(a.is(TypeKind::Decimal) ? a.scale : 0,
                                  b.is(TypeKind::Decimal) ? b.scale : 0));
  }
  return Type::integer();
}

}  // namespace segc
