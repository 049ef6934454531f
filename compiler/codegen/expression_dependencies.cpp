#include "codegen/expression_dependencies.h"

#include <algorithm>

#include "syntax/ast_children.h"

namespace segc::codegen {

const Dependencies& DependencyMap::of(const ast::Expr& expr) {
  if (auto found = memo_.find(&expr); found != memo_.end()) return found->second;
  Dependencies result;
  if (expr.as<ast::NameRef>()) {
    auto meaning = program_.names.find(&expr);
    if (meaning != program_.names.end()) {
      if (meaning->second.kind == NameMeaning::Kind::Field) {
        result.fields.push_back(meaning->second.index);
      } else {
        result.segments = true;
      }
    }
  }
  if (const auto* call = expr.as<ast::CallExpr>(); call && call->function.name == "bucket") {
    result.fields.push_back(program_.schema.key_index);  // the customer's key
  }
  ast::for_each_child(expr, [&](const ast::Expr& child) {
    const Dependencies& inner = of(child);
    result.fields.insert(result.fields.end(), inner.fields.begin(), inner.fields.end());
    result.segments = result.segments || inner.segments;
  });
  std::sort(result.fields.begin(), result.fields.end());
  result.fields.erase(std::unique(result.fields.begin(), result.fields.end()), result.fields.end());
  return memo_.emplace(&expr, std::move(result)).first->second;
}

bool is_tabulated_type(const Type& type) {
  switch (type.kind) {
    case TypeKind::Bool:
    case TypeKind::Int:
    case TypeKind::Decimal:
    case TypeKind::Float:
    case TypeKind::Date:
    case TypeKind::Enum:
    case TypeKind::String:
      return true;
    default:
      return false;
  }
}

std::optional<size_t> DependencyMap::single_dictionary_field(const ast::Expr& expr) {
  const Dependencies& dependencies = of(expr);
  if (dependencies.segments || dependencies.fields.size() != 1) return std::nullopt;
  auto type = program_.types.find(&expr);
  if (type == program_.types.end() || !is_tabulated_type(type->second)) return std::nullopt;
  const size_t field = dependencies.fields.front();
  if (!program_.schema.fields[field].type.is_textual()) return std::nullopt;
  return field;
}

bool DependencyMap::is_constant(const ast::Expr& expr) {
  const Dependencies& dependencies = of(expr);
  if (dependencies.segments || !dependencies.fields.empty()) return false;
  auto type = program_.types.find(&expr);
  return type != program_.types.end() && is_tabulated_type(type->second);
}

}  // namespace segc::codegen
