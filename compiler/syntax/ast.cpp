#include "syntax/ast.h"

namespace segc::ast {

std::string_view spelling(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "=";
    case CompareOp::Ne: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
  }
  return "=";
}

std::string_view spelling(ArithmeticOp op) {
  switch (op) {
    case ArithmeticOp::Add: return "+";
    case ArithmeticOp::Subtract: return "-";
    case ArithmeticOp::Multiply: return "*";
    case ArithmeticOp::Divide: return "/";
  }
  return "+";
}

CompareOp mirrored(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

const Expr& skip_parens(const Expr& expr) {
  const Expr* current = &expr;
  while (const auto* paren = current->as<ParenExpr>()) current = paren->inner.get();
  return *current;
}

}  // namespace segc::ast
