// The expression walk: one case per AST node kind, each a direct transcription
// of a rule of docs/evaluation.md.
#include "evaluate/reference_interpreter.h"

#include "evaluate/date_functions.h"
#include "evaluate/expression_evaluator.h"
#include "evaluate/numeric_ops.h"
#include "evaluate/set_functions.h"
#include "evaluate/three_valued_logic.h"
#include "evaluate/value_comparison.h"

namespace segc::evaluate {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

Value date_or_missing(std::optional<int32_t> days) {
  if (!days) return Missing{};
  return DateValue{*days};
}

// `date + duration` / `date - duration`.
Value move_date(const Value& date, const ast::DurationLiteral& duration, bool backwards) {
  if (is_missing(date)) return Missing{};
  const int64_t amount = backwards ? -duration.amount : duration.amount;
  return date_or_missing(dates::add_duration(std::get<DateValue>(date).days, amount, duration.unit));
}

// `a <= b` where a bound may be missing (Kleene: unknown).
Value at_most(std::optional<int32_t> a, std::optional<int32_t> b) {
  if (!a || !b) return Missing{};
  return *a <= *b;
}

}  // namespace

Value ExpressionEvaluator::evaluate(const ast::Expr& expr, const RowView& row) {
  return std::visit(
      Overloaded{
          [&](const ast::IntLiteral& literal) -> Value { return literal.value; },
          [&](const ast::DecimalLiteral& literal) -> Value {
            return DecimalValue{literal.unscaled, literal.scale};
          },
          [&](const ast::StringLiteral& literal) -> Value { return literal.value; },
          [&](const ast::BoolLiteral& literal) -> Value { return literal.value; },
          [&](const ast::DateLiteral& literal) -> Value { return DateValue{literal.days}; },
          // Durations and lists are only operands; their parents read them.
          [&](const ast::DurationLiteral&) -> Value { return Missing{}; },
          [&](const ast::ListLiteral&) -> Value { return Missing{}; },
          [&](const ast::TodayExpr&) -> Value { return DateValue{context_.today}; },
          [&](const ast::AgoExpr& ago) -> Value {
            return move_date(DateValue{context_.today}, ago.duration, true);
          },
          [&](const ast::NameRef&) -> Value { return name(expr, row); },
          [&](const ast::CallExpr& function) -> Value { return call(expr, function, row); },
          [&](const ast::NegateExpr& negate) -> Value {
            return numeric::negate(evaluate(*negate.operand, row));
          },
          [&](const ast::NotExpr& negation) -> Value {
            return kleene_not(evaluate(*negation.operand, row));
          },
          [&](const ast::LogicalExpr& node) -> Value { return logical(node, row); },
          [&](const ast::ArithmeticExpr& node) -> Value { return arithmetic(node, row); },
          [&](const ast::CompareExpr& node) -> Value { return compare(node, row); },
          [&](const ast::BetweenExpr& node) -> Value { return between(node, row); },
          [&](const ast::InExpr& node) -> Value { return in_list(node, row); },
          [&](const ast::IsMissingExpr& is) -> Value {
            const bool missing = is_missing(evaluate(*is.operand, row));
            return is.present ? !missing : missing;
          },
          [&](const ast::ContainsExpr& node) -> Value { return contains(node, row); },
          [&](const ast::WithinExpr& node) -> Value { return within(node, row); },
          [&](const ast::ParenExpr& paren) -> Value { return evaluate(*paren.inner, row); },
      },
      expr.node);
}

Value ExpressionEvaluator::name(const ast::Expr& expr, const RowView& row) {
  const NameMeaning& meaning = program_.names.at(&expr);
  if (meaning.kind == NameMeaning::Kind::Segment) return row.member(meaning.index);
  return row.field(meaning.index);
}

Value ExpressionEvaluator::logical(const ast::LogicalExpr& logical, const RowView& row) {
  const bool is_and = logical.op == ast::LogicalOp::And;
  Value result = is_and;  // the identity: true for and, false for or
  for (const auto& operand : logical.operands) {
    const Value value = evaluate(*operand, row);
    result = is_and ? kleene_and(result, value) : kleene_or(result, value);
  }
  return result;
}

Value ExpressionEvaluator::arithmetic(const ast::ArithmeticExpr& arithmetic, const RowView& row) {
  Value result = evaluate(*arithmetic.operands[0], row);
  for (size_t i = 0; i < arithmetic.ops.size(); ++i) {
    const ast::ArithmeticOp op = arithmetic.ops[i];
    const ast::Expr& operand = ast::skip_parens(*arithmetic.operands[i + 1]);
    if (const auto* duration = operand.as<ast::DurationLiteral>()) {
      result = move_date(result, *duration, op == ast::ArithmeticOp::Subtract);
      continue;
    }
    const Value right = evaluate(operand, row);
    switch (op) {
      case ast::ArithmeticOp::Add: result = numeric::add(result, right); break;
      case ast::ArithmeticOp::Subtract: result = numeric::subtract(result, right); break;
      case ast::ArithmeticOp::Multiply: result = numeric::multiply(result, right); break;
      case ast::ArithmeticOp::Divide: result = numeric::divide(result, right); break;
    }
  }
  return result;
}

Value ExpressionEvaluator::compare(const ast::CompareExpr& compare, const RowView& row) {
  const auto order = compare_values(evaluate(*compare.lhs, row), evaluate(*compare.rhs, row));
  if (!order) return Missing{};
  switch (compare.op) {
    case ast::CompareOp::Eq: return *order == 0;
    case ast::CompareOp::Ne: return *order != 0;
    case ast::CompareOp::Lt: return *order < 0;
    case ast::CompareOp::Le: return *order <= 0;
    case ast::CompareOp::Gt: return *order > 0;
    case ast::CompareOp::Ge: return *order >= 0;
  }
  return Missing{};
}

Value ExpressionEvaluator::between(const ast::BetweenExpr& between, const RowView& row) {
  const Value value = evaluate(*between.value, row);
  const auto low = compare_values(evaluate(*between.low, row), value);
  const auto high = compare_values(value, evaluate(*between.high, row));
  return kleene_and(truth(low ? std::optional(*low <= 0) : std::nullopt),
                    truth(high ? std::optional(*high <= 0) : std::nullopt));
}

Value ExpressionEvaluator::in_list(const ast::InExpr& in, const RowView& row) {
  const Value value = evaluate(*in.value, row);
  if (is_missing(value)) return Missing{};
  bool found = false;
  for (const auto& element : in.list->as<ast::ListLiteral>()->elements) {
    const auto order = compare_values(value, evaluate(*element, row));
    found = found || (order && *order == 0);
  }
  return in.negated ? !found : found;
}

Value ExpressionEvaluator::contains(const ast::ContainsExpr& contains, const RowView& row) {
  const Value haystack = evaluate(*contains.haystack, row);
  if (is_missing(haystack)) return Missing{};
  if (contains.mode == ast::ContainsMode::Single) {
    const Value needle = evaluate(*contains.needle, row);
    if (is_missing(needle)) return Missing{};
    if (const auto* set = std::get_if<SetValue>(&haystack)) {
      return sets::contains(*set, text_of(needle));
    }
    return text::contains(text_of(haystack), text_of(needle));
  }
  std::vector<std::string> elements;
  for (const auto& element : contains.needle->as<ast::ListLiteral>()->elements) {
    elements.push_back(std::get<std::string>(evaluate(*element, row)));
  }
  const auto& set = std::get<SetValue>(haystack);
  return contains.mode == ast::ContainsMode::Any ? sets::contains_any(set, elements)
                                                 : sets::contains_all(set, elements);
}

Value ExpressionEvaluator::within(const ast::WithinExpr& within, const RowView& row) {
  const Value value = evaluate(*within.value, row);
  if (is_missing(value)) return Missing{};
  const int32_t day = std::get<DateValue>(value).days;
  const dates::Interval interval = dates::within_interval(within.period, context_.today);
  return kleene_and(at_most(interval.first, day), at_most(day, interval.last));
}

Value evaluate_expression(const CheckedProgram& program, const ast::Expr& expr, const RowView& row,
                          const EvaluationContext& context) {
  ExpressionEvaluator evaluator(program, context);
  return evaluator.evaluate(expr, row);
}

}  // namespace segc::evaluate
