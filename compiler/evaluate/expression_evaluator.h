// The expression walk behind evaluate_expression. One evaluator serves one
// evaluation (one `today`) and keeps what is worth reusing between rows: the
// compiled `matches` patterns. Code that evaluates many rows (the segment
// loop, the JIT's dictionary tabulation) keeps one evaluator rather than
// calling evaluate_expression, which compiles patterns anew on every call.
// Not thread-safe: use one evaluator per thread.
#pragma once

#include "evaluate/reference_interpreter.h"
#include "evaluate/text_functions.h"

namespace segc::evaluate {

class ExpressionEvaluator {
 public:
  ExpressionEvaluator(const CheckedProgram& program, const EvaluationContext& context)
      : program_(program), context_(context) {}

  Value evaluate(const ast::Expr& expr, const RowView& row);

 private:
  Value arithmetic(const ast::ArithmeticExpr& arithmetic, const RowView& row);
  Value compare(const ast::CompareExpr& compare, const RowView& row);
  Value between(const ast::BetweenExpr& between, const RowView& row);
  Value in_list(const ast::InExpr& in, const RowView& row);
  Value contains(const ast::ContainsExpr& contains, const RowView& row);
  Value within(const ast::WithinExpr& within, const RowView& row);
  Value logical(const ast::LogicalExpr& logical, const RowView& row);
  Value name(const ast::Expr& expr, const RowView& row);
  // Built-in functions (builtin_calls.cpp).
  Value call(const ast::Expr& expr, const ast::CallExpr& call, const RowView& row);
  Value bucket(const std::vector<Value>& arguments, const RowView& row);

  const CheckedProgram& program_;
  EvaluationContext context_;
  text::RegexCache regexes_;
};

}  // namespace segc::evaluate
