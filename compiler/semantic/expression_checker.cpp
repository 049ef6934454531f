#include "semantic/expression_checker.h"

#include <fmt/format.h>

#include <algorithm>

#include "diagnostics/codes.h"
#include "semantic/suggestions.h"
#include "syntax/literal_decoding.h"

namespace segc {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

}  // namespace

Type ExpressionChecker::record(const ast::Expr& expr, Type type) {
  program_.types[&expr] = type;
  return type;
}

std::string ExpressionChecker::phrase(const ast::Expr& expr, const Type& type) const {
  const ast::Expr& inner = ast::skip_parens(expr);
  if (const auto* name = inner.as<ast::NameRef>()) {
    auto meaning = program_.names.find(&inner);
    if (meaning != program_.names.end() && meaning->second.kind == NameMeaning::Kind::Segment) {
      return fmt::format("segment '{}' (a condition)", name->name);
    }
    return fmt::format("'{}' ({})", name->name, describe_type(type));
  }
  if (const auto* text = inner.as<ast::StringLiteral>()) {
    return fmt::format("the string {}", quote_string(text->value));
  }
  return describe_type(type);
}

void ExpressionChecker::check_condition(const ast::Expr& expr, const std::string& segment_name,
                                        std::vector<size_t>& references) {
  references_ = &references;
  const Type type = check(expr);
  references_ = nullptr;
  if (type.is_error() || type.is(TypeKind::Bool)) return;
  diagnostics_.error(codes::kNotACondition, expr.range,
                     fmt::format("the rule of segment '{}' is {}, not a condition", segment_name,
                                 phrase(expr, type)),
                     "a rule must be true or false for each customer: compare the value, e.g. "
                     "`age >= 18`");
}

Type ExpressionChecker::require_condition(const ast::Expr& operand, const char* context) {
  const Type type = check(operand);
  if (type.is_error() || type.is(TypeKind::Bool)) return type;
  diagnostics_.error(codes::kNotACondition, operand.range,
                     fmt::format("'{}' needs a condition, but this is {}", context,
                                 phrase(operand, type)),
                     "compare the value to make a condition, e.g. `age >= 18`");
  return Type::error();
}

Type ExpressionChecker::check(const ast::Expr& expr) {
  const Type type = std::visit(
      Overloaded{
          [&](const ast::IntLiteral&) { return Type::integer(); },
          [&](const ast::DecimalLiteral& d) { return Type::decimal(d.scale); },
          [&](const ast::StringLiteral&) { return Type::string(); },
          [&](const ast::BoolLiteral&) { return Type::boolean(); },
          [&](const ast::DateLiteral&) { return Type::date(); },
          [&](const ast::DurationLiteral&) { return Type{TypeKind::Duration}; },
          [&](const ast::ListLiteral& list) {
            for (const auto& element : list.elements) check(*element);
            return Type{TypeKind::List};
          },
          [&](const ast::TodayExpr&) { return Type::date(); },
          [&](const ast::AgoExpr&) { return Type::date(); },
          [&](const ast::NameRef& name) { return check_name(expr, name); },
          [&](const ast::CallExpr& call) {
            std::vector<Type> argument_types;
            for (const auto& argument : call.arguments) argument_types.push_back(check(*argument));
            return check_builtin_call(*this, expr, call, argument_types);
          },
          [&](const ast::NegateExpr& negate) {
            const Type operand = check(*negate.operand);
            if (operand.is_error() || operand.is_numeric()) return operand;
            diagnostics_.error(codes::kBadOperand, expr.range,
                               fmt::format("a minus sign needs a number, but this is {}",
                                           phrase(*negate.operand, operand)),
                               "to leave values out, write `!=` or `not`, e.g. "
                               "`city != \"Москва\"`");
            return Type::error();
          },
          [&](const ast::NotExpr& negation) {
            return require_condition(*negation.operand, "not").is_error() ? Type::error()
                                                                          : Type::boolean();
          },
          [&](const ast::LogicalExpr& logical) {
            bool ok = true;
            for (const auto& operand : logical.operands) {
              ok &= !require_condition(*operand, logical.op == ast::LogicalOp::And ? "and" : "or")
                         .is_error();
            }
            return ok ? Type::boolean() : Type::error();
          },
          [&](const ast::ArithmeticExpr& arithmetic) { return check_arithmetic(expr, arithmetic); },
          [&](const ast::CompareExpr& compare) {
            const Type lhs = check(*compare.lhs);
            const Type rhs = check(*compare.rhs);
            const bool ordering =
                compare.op != ast::CompareOp::Eq && compare.op != ast::CompareOp::Ne;
            check_comparable(*compare.lhs, lhs, *compare.rhs, rhs, ordering);
            return Type::boolean();
          },
          [&](const ast::BetweenExpr& between) {
            const Type value = check(*between.value);
            const Type low = check(*between.low);
            const Type high = check(*between.high);
            check_comparable(*between.value, value, *between.low, low, true);
            check_comparable(*between.value, value, *between.high, high, true);
            return Type::boolean();
          },
          [&](const ast::InExpr& in) {
            const Type value = check(*in.value);
            check(*in.list);
            check_list_against(*in.value, value, *in.list->as<ast::ListLiteral>());
            return Type::boolean();
          },
          [&](const ast::IsMissingExpr& is) {
            const Type operand = check(*is.operand);
            auto meaning = program_.names.find(&ast::skip_parens(*is.operand));
            if (meaning != program_.names.end() &&
                meaning->second.kind == NameMeaning::Kind::Segment) {
              diagnostics_.error(codes::kBadOperand, expr.range,
                                 "segment membership is never missing",
                                 "a customer is either in a segment or not; test the fields "
                                 "the segment uses instead");
            }
            (void)operand;
            return Type::boolean();
          },
          [&](const ast::ContainsExpr& contains) { return check_contains(expr, contains); },
          [&](const ast::WithinExpr& within) {
            const Type value = check(*within.value);
            if (!value.is_error() && !value.is(TypeKind::Date)) {
              diagnostics_.error(codes::kBadOperand, within.value->range,
                                 fmt::format("'within' needs a date, but this is {}",
                                             phrase(*within.value, value)),
                                 "use 'within' with date fields such as `last_purchase`");
            }
            return Type::boolean();
          },
          [&](const ast::ParenExpr& paren) { return check(*paren.inner); },
      },
      expr.node);
  return record(expr, type);
}

Type ExpressionChecker::check_name(const ast::Expr& expr, const ast::NameRef& name) {
  if (names_.schema != nullptr) {
    if (auto index = names_.schema->index_of(name.name)) {
      program_.names[&expr] = NameMeaning{NameMeaning::Kind::Field, *index};
      return names_.schema->fields[*index].type;
    }
  }
  if (auto it = names_.segments->find(name.name); it != names_.segments->end()) {
    program_.names[&expr] = NameMeaning{NameMeaning::Kind::Segment, it->second};
    if (references_ != nullptr) references_->push_back(it->second);
    return Type::boolean();
  }
  if (names_.partitions->contains(name.name)) {
    diagnostics_.error(codes::kNotASegment, expr.range,
                       fmt::format("'{}' is a partition, not a segment or a field", name.name),
                       "refer to the segments the partition lists instead");
    return Type::error();
  }
  if (names_.unreported->contains(name.name) || names_.schema == nullptr) return Type::error();
  std::vector<std::string> candidates;
  for (const auto& field : names_.schema->fields) candidates.push_back(field.name);
  for (const auto& [segment, index] : *names_.segments) candidates.push_back(segment);
  std::sort(candidates.begin(), candidates.end());
  std::string help = "declare it as a segment, or add the field to the schema";
  if (auto suggestion = closest_match(name.name, candidates)) {
    help = fmt::format("did you mean '{}'?", *suggestion);
  }
  diagnostics_.error(codes::kUnknownName, expr.range,
                     fmt::format("unknown name '{}': it is neither a field of schema '{}' nor a "
                                 "segment",
                                 name.name, names_.schema->name),
                     help);
  return Type::error();
}

Type ExpressionChecker::check_arithmetic(const ast::Expr& expr,
                                         const ast::ArithmeticExpr& arithmetic) {
  (void)expr;
  Type result = check(*arithmetic.operands[0]);
  for (size_t i = 0; i < arithmetic.ops.size(); ++i) {
    const ast::Expr& operand = *arithmetic.operands[i + 1];
    const Type right = check(operand);
    const ast::ArithmeticOp op = arithmetic.ops[i];
    const bool additive = op == ast::ArithmeticOp::Add || op == ast::ArithmeticOp::Subtract;
    if (result.is_error() || right.is_error()) {
      result = Type::error();
    } else if (result.is(TypeKind::Date) && right.is(TypeKind::Duration) && additive) {
      result = Type::date();
    } else if (result.is(TypeKind::Duration) || right.is(TypeKind::Duration)) {
      // Underline the duration and what it is combined with, on either side.
      diagnostics_.error(codes::kBadOperand, join(arithmetic.operands[0]->range, operand.range),
                         "a duration such as '7 days' can only be added to or subtracted from a "
                         "date",
                         "write for example `signup_date + 30 days`, or `30 days ago`");
      result = Type::error();
    } else if (result.is(TypeKind::Date) || right.is(TypeKind::Date)) {
      diagnostics_.error(codes::kBadOperand, operand.range,
                         "dates can only be moved by a duration such as '7 days'",
                         "for the number of days between a date and today use days_since(d)");
      result = Type::error();
    } else if (!result.is_numeric() || !right.is_numeric()) {
      const bool left_bad = !result.is_numeric();
      const ast::Expr& bad = left_bad ? *arithmetic.operands[0] : operand;
      diagnostics_.error(codes::kBadOperand, bad.range,
                         fmt::format("arithmetic needs numbers, but this is {}",
                                     phrase(bad, left_bad ? result : right)));
      result = Type::error();
    } else if (op == ast::ArithmeticOp::Divide) {
      result = Type::floating();
    } else if (op == ast::ArithmeticOp::Multiply && result.is(TypeKind::Decimal) &&
               right.is(TypeKind::Decimal)) {
      result = Type::decimal(std::min(18, result.scale + right.scale));
    } else {
      result = common_numeric_type(result, right);
    }
  }
  return result;
}

Type ExpressionChecker::check_contains(const ast::Expr& expr, const ast::ContainsExpr& contains) {
  const Type haystack = check(*contains.haystack);
  const Type needle = check(*contains.needle);
  if (haystack.is_error() || needle.is_error()) return Type::boolean();
  if (contains.mode == ast::ContainsMode::Single) {
    if ((haystack.is(TypeKind::String) || haystack.is(TypeKind::StringSet)) &&
        needle.is_textual()) {
      return Type::boolean();
    }
    diagnostics_.error(
        codes::kBadOperand, expr.range,
        fmt::format("'contains' needs a string or a set<string> and a string, not {} and {}",
                    phrase(*contains.haystack, haystack), phrase(*contains.needle, needle)),
        "write `interests contains \"cats\"` or `email contains \"@gmail\"`");
    return Type::boolean();
  }
  const char* word = contains.mode == ast::ContainsMode::Any ? "any" : "all";
  if (!haystack.is(TypeKind::StringSet)) {
    diagnostics_.error(codes::kBadOperand, contains.haystack->range,
                       fmt::format("'contains {}' needs a set<string>, but this is {}", word,
                                   phrase(*contains.haystack, haystack)),
                       haystack.is_textual() ? "for a string value use `in [...]`" : "");
    return Type::boolean();
  }
  for (const auto& element : contains.needle->as<ast::ListLiteral>()->elements) {
    if (!element->as<ast::StringLiteral>()) {
      diagnostics_.error(codes::kBadListElement, element->range,
                         "a set<string> holds strings; this element is not a string",
                         "write the element in double quotes");
    }
  }
  return Type::boolean();
}

}  // namespace segc
