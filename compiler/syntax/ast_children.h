// Visiting the direct sub-expressions of an expression, for passes that walk
// the tree (lints, explanations). Parentheses are children too; list literals'
// elements are children of the list.
#pragma once

#include <type_traits>
#include <variant>

#include "syntax/ast.h"

namespace segc::ast {

template <class Visit>
void for_each_child(const ast::Expr& expr, Visit&& visit) {
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::ListLiteral>) {
          for (const auto& element : node.elements) visit(*element);
        } else if constexpr (std::is_same_v<T, ast::CallExpr>) {
          for (const auto& argument : node.arguments) visit(*argument);
        } else if constexpr (std::is_same_v<T, ast::NegateExpr> ||
                             std::is_same_v<T, ast::NotExpr> ||
                             std::is_same_v<T, ast::IsMissingExpr>) {
          visit(*node.operand);
        } else if constexpr (std::is_same_v<T, ast::LogicalExpr> ||
                             std::is_same_v<T, ast::ArithmeticExpr>) {
          for (const auto& operand : node.operands) visit(*operand);
        } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
          visit(*node.lhs);
          visit(*node.rhs);
        } else if constexpr (std::is_same_v<T, ast::BetweenExpr>) {
          visit(*node.value);
          visit(*node.low);
          visit(*node.high);
        } else if constexpr (std::is_same_v<T, ast::InExpr>) {
          visit(*node.value);
          visit(*node.list);
        } else if constexpr (std::is_same_v<T, ast::ContainsExpr>) {
          visit(*node.haystack);
          visit(*node.needle);
        } else if constexpr (std::is_same_v<T, ast::WithinExpr>) {
          visit(*node.value);
        } else if constexpr (std::is_same_v<T, ast::ParenExpr>) {
          visit(*node.inner);
        }
      },
      expr.node);
}

}  // namespace segc::ast
