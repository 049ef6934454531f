// The typing rules of `=`, `!=`, `<`..., `between` and `in` (LANGUAGE.md
// section 5): like compares with like, enums with string literals that name
// one of their members, and a string literal never silently becomes anything
// else.
#include <fmt/format.h>

#include "diagnostics/codes.h"
#include "semantic/expression_checker.h"
#include "semantic/suggestions.h"
#include "syntax/literal_decoding.h"

namespace segc {
namespace {

bool is_string_literal(const ast::Expr& expr) {
  return ast::skip_parens(expr).as<ast::StringLiteral>() != nullptr;
}

std::string enum_values(const EnumType& enumeration) {
  std::string out;
  for (const auto& value : enumeration.values) {
    out += (out.empty() ? "" : ", ") + quote_string(value);
  }
  return out;
}

}  // namespace

bool ExpressionChecker::check_enum_literal(const ast::Expr& enum_side, const Type& enum_type,
                                           const ast::Expr& literal,
                                           std::string_view field_name) {
  const auto& value = ast::skip_parens(literal).as<ast::StringLiteral>()->value;
  if (enum_type.enumeration->index_of(value) >= 0) return true;
  std::string owner = "this enum";
  if (const auto* name = ast::skip_parens(enum_side).as<ast::NameRef>()) {
    owner = fmt::format("enum field '{}'", name->name);
  } else if (!field_name.empty()) {
    owner = fmt::format("enum field '{}'", field_name);
  }
  std::string help = fmt::format("the values are {}", enum_values(*enum_type.enumeration));
  if (auto suggestion = closest_match(value, enum_type.enumeration->values)) {
    help = fmt::format("did you mean {}?", quote_string(*suggestion));
  }
  diagnostics_.error(codes::kUnknownEnumValue, literal.range,
                     fmt::format("unknown value {} for {}", quote_string(value), owner), help);
  return false;
}

void ExpressionChecker::check_comparable(const ast::Expr& value, const Type& value_type,
                                         const ast::Expr& other, const Type& other_type,
                                         bool ordering) {
  if (value_type.is_error() || other_type.is_error()) return;
  // Enum against a string literal, on either side.
  if (value_type.is(TypeKind::Enum) && other_type.is(TypeKind::String) &&
      is_string_literal(other)) {
    check_enum_literal(value, value_type, other);
    return;
  }
  if (other_type.is(TypeKind::Enum) && value_type.is(TypeKind::String) &&
      is_string_literal(value)) {
    check_enum_literal(other, other_type, value);
    return;
  }
  std::string help;
  const bool same_kind = value_type.kind == other_type.kind;
  if (value_type.is_numeric() && other_type.is_numeric()) return;
  if (same_kind && value_type.is(TypeKind::String)) return;
  if (same_kind && value_type.is(TypeKind::Date)) return;
  if (same_kind && value_type.is(TypeKind::Enum) &&
      value_type.enumeration == other_type.enumeration) {
    return;
  }
  if (same_kind && value_type.is(TypeKind::Bool)) {
    if (!ordering) return;
    help = "conditions can only be compared with = and !=";
  } else if (value_type.is(TypeKind::StringSet) || other_type.is(TypeKind::StringSet)) {
    help = "test sets with `contains`, `contains any [...]`, `contains all [...]` or size(...)";
  } else if ((value_type.is(TypeKind::Date) || other_type.is(TypeKind::Date)) &&
             (is_string_literal(value) || is_string_literal(other))) {
    help = "write dates without quotes: 2026-11-01";
  } else if ((value_type.is_numeric() || other_type.is_numeric()) &&
             (is_string_literal(value) || is_string_literal(other))) {
    help = "a string never becomes a number; write the number without quotes";
  } else if (value_type.is(TypeKind::Enum) || other_type.is(TypeKind::Enum)) {
    help = "compare an enum field with one of its values in double quotes";
  } else if (value_type.is(TypeKind::Duration) || other_type.is(TypeKind::Duration)) {
    help = "to compare with a date in the past, write `30 days ago`";
  }
  diagnostics_.error(codes::kTypeMismatch, join(value.range, other.range),
                     fmt::format("cannot compare {} with {}", phrase(value, value_type),
                                 phrase(other, other_type)),
                     help);
}

void ExpressionChecker::check_list_against(const ast::Expr& value, const Type& value_type,
                                           const ast::ListLiteral& list) {
  if (value_type.is_error()) return;
  if (value_type.is(TypeKind::StringSet)) {
    diagnostics_.error(codes::kTypeMismatch, value.range,
                       fmt::format("'in' tests a single value, but {} is a set",
                                   phrase(value, value_type)),
                       "for sets write `contains any [...]`");
    return;
  }
  if (value_type.is(TypeKind::Duration) || value_type.is(TypeKind::List)) {
    diagnostics_.error(codes::kBadOperand, value.range,
                       fmt::format("'in' cannot test {}", phrase(value, value_type)));
    return;
  }
  for (const auto& element : list.elements) {
    auto found = program_.types.find(element.get());
    const Type element_type = found != program_.types.end() ? found->second : Type::error();
    if (element_type.is_error()) continue;
    if (value_type.is(TypeKind::Enum)) {
      if (element->as<ast::StringLiteral>()) {
        check_enum_literal(value, value_type, *element);
        continue;
      }
    } else if ((value_type.is_numeric() && element_type.is_numeric()) ||
               value_type.kind == element_type.kind) {
      continue;
    }
    diagnostics_.error(codes::kBadListElement, element->range,
                       fmt::format("this list element is {}, but {} is compared against it",
                                   describe_type(element_type), phrase(value, value_type)),
                       "every element must be a value of the same type as the tested field");
  }
}

}  // namespace segc
