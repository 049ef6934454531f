#include "syntax/ast.h"

namespace segc::ast {

const Expr& skip_parens(const Expr& expr) {
  const Expr* current = &expr;
  while (const auto* paren = current->as<ParenExpr>()) current = paren->inner.get();
  return *current;
}

}  // namespace segc::ast
