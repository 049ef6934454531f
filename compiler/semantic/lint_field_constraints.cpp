// Conditions on one field as constraints on its values (see
// lint_field_constraints.h); W0604 compares the constraints of one `and` chain.
#include "semantic/lint_field_constraints.h"

#include <algorithm>

#include "semantic/lints.h"

namespace segc::lint {
namespace {

using Kind = Constraint::Kind;

// How the values of a field compare.
struct Domain {
  TypeKind kind = TypeKind::Error;
  bool discrete = true;  // whole steps of a grid: strict bounds become inclusive
  bool ordered = true;   // `<` and `>` apply
  bool numeric = false;
  int scale = 0;                          // numbers: digits kept after the point
  const EnumType* enumeration = nullptr;  // enums
};

std::optional<Domain> domain_of(const Type& type) {
  switch (type.kind) {
    case TypeKind::Int:
      return Domain{type.kind, true, true, true, 0, nullptr};
    case TypeKind::Decimal:
      return Domain{type.kind, true, true, true, type.scale, nullptr};
    case TypeKind::Float:
      return Domain{type.kind, false, true, true, 18, nullptr};
    case TypeKind::Date:
      return Domain{type.kind, true, true, false, 0, nullptr};
    case TypeKind::Enum:
      return Domain{type.kind, true, true, false, 0, type.enumeration};
    case TypeKind::String:
      return Domain{type.kind, false, true, false, 0, nullptr};
    case TypeKind::Bool:
      return Domain{type.kind, true, false, false, 0, nullptr};
    default:
      return std::nullopt;  // sets and the rest have no comparable values
  }
}

// The domain of `subject` when it is a typed field whose values compare.
std::optional<Domain> domain_for(const CheckedProgram& program, const ast::Expr& subject) {
  auto field = field_index(program, subject);
  if (!field || usable_type(program, ast::skip_parens(subject)) == nullptr) return std::nullopt;
  return domain_of(program.schema.fields[*field].type);
}

// A literal as a value of `domain`. A number finer than the domain's grid is
// rounded down (floor) or up, and `exact` is false.
struct Constant {
  Value value;
  bool exact = true;
};

std::optional<Constant> constant_of(const Domain& domain, const ast::Expr& expr, bool round_up) {
  const ast::Expr& literal = ast::skip_parens(expr);
  if (domain.numeric) {
    auto number = number_constant(literal);
    if (!number) return std::nullopt;
    return Constant{rescale(*number, domain.scale, round_up),
                    significant_scale(*number) <= domain.scale};
  }
  switch (domain.kind) {
    case TypeKind::Date:
      if (const auto* date = literal.as<ast::DateLiteral>()) return Constant{__int128{date->days}};
      return std::nullopt;
    case TypeKind::Bool:
      if (const auto* flag = literal.as<ast::BoolLiteral>()) return Constant{__int128{flag->value}};
      return std::nullopt;
    case TypeKind::Enum:
    case TypeKind::String: {
      const auto* text = literal.as<ast::StringLiteral>();
      if (text == nullptr) return std::nullopt;
      if (domain.enumeration == nullptr) return Constant{text->value};
      const int index = domain.enumeration->index_of(text->value);
      if (index < 0) return std::nullopt;  // reported as E0203
      return Constant{__int128{index}};
    }
    default:
      return std::nullopt;
  }
}

// Enums are clamped to their members; an interval holding one value of a grid
// is that value. Nullopt when the interval is empty by itself.
std::optional<Constraint> finish_interval(const Domain& domain, Constraint constraint) {
  if (domain.enumeration != nullptr) {
    const Bound first{__int128{0}};
    const Bound last{static_cast<__int128>(domain.enumeration->values.size()) - 1};
    if (!constraint.lower || constraint.lower->value < first.value) constraint.lower = first;
    if (!constraint.upper || last.value < constraint.upper->value) constraint.upper = last;
  }
  if (!constraint.lower || !constraint.upper) return constraint;
  if (disjoint(*constraint.lower, *constraint.upper)) return std::nullopt;
  if (domain.discrete && constraint.lower->value == constraint.upper->value) {
    return Constraint{Kind::Points, {}, {}, {constraint.lower->value}};
  }
  return constraint;
}

std::optional<Constraint> from_comparison(const Domain& domain, ast::CompareOp op,
                                          const ast::Expr& other) {
  const bool round_up = op == ast::CompareOp::Ge || op == ast::CompareOp::Lt;
  auto constant = constant_of(domain, other, round_up);
  if (!constant) return std::nullopt;
  if (op == ast::CompareOp::Eq || op == ast::CompareOp::Ne) {
    // `age = 30.5` never holds by itself: that is W0602's to report.
    if (!constant->exact) return std::nullopt;
    return Constraint{
        op == ast::CompareOp::Eq ? Kind::Points : Kind::Excluded, {}, {}, {constant->value}};
  }
  if (!domain.ordered) return std::nullopt;
  const bool lower = op == ast::CompareOp::Gt || op == ast::CompareOp::Ge;
  const bool strict = op == ast::CompareOp::Gt || op == ast::CompareOp::Lt;
  Bound bound{constant->value, !strict};
  if (domain.discrete && strict) {
    // On a grid `> c` is `>= floor(c) + 1` and `< c` is `<= ceil(c) - 1`
    // (constant_of rounded c down for `>` and up for `<`).
    std::get<__int128>(bound.value) += lower ? 1 : -1;
    bound.inclusive = true;
  }
  Constraint constraint{Kind::Interval, {}, {}, {}};
  (lower ? constraint.lower : constraint.upper) = bound;
  return finish_interval(domain, std::move(constraint));
}

std::optional<Constraint> from_between(const Domain& domain, const ast::BetweenExpr& between) {
  if (!domain.ordered) return std::nullopt;
  // Inclusive bounds: on a grid the low one rounds up, the high one down.
  auto low = constant_of(domain, *between.low, true);
  auto high = constant_of(domain, *between.high, false);
  if (!low || !high) return std::nullopt;
  return finish_interval(domain,
                         Constraint{Kind::Interval, Bound{low->value}, Bound{high->value}, {}});
}

std::optional<Constraint> from_list(const Domain& domain, const ast::InExpr& in) {
  const auto* list = in.list->as<ast::ListLiteral>();
  if (list == nullptr) return std::nullopt;
  std::vector<Value> values;
  for (const auto& element : list->elements) {
    auto constant = constant_of(domain, *element, false);
    if (!constant) return std::nullopt;
    // A value off the field's grid can never be equal; it adds nothing.
    if (constant->exact) values.push_back(std::move(constant->value));
  }
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return Constraint{in.negated ? Kind::Excluded : Kind::Points, {}, {}, std::move(values)};
}

}  // namespace

std::optional<FieldCondition> field_constraint(const CheckedProgram& program,
                                               const ast::Expr& condition) {
  if (usable_type(program, condition) == nullptr) return std::nullopt;
  if (const auto* is = condition.as<ast::IsMissingExpr>()) {
    auto field = field_index(program, *is->operand);
    if (!field) return std::nullopt;
    return FieldCondition{*field,
                          Constraint{is->present ? Kind::Present : Kind::Missing, {}, {}, {}}};
  }
  // A bool field by itself (`opted_in`) or negated (`not opted_in`).
  const auto* negation = condition.as<ast::NotExpr>();
  if (auto field = field_index(program, negation ? *negation->operand : condition)) {
    if (!program.schema.fields[*field].type.is(TypeKind::Bool)) return std::nullopt;
    const __int128 value = negation ? 0 : 1;
    return FieldCondition{*field, Constraint{Kind::Points, {}, {}, {Value{value}}}};
  }
  const ast::Expr* subject = nullptr;
  std::optional<Constraint> constraint;
  if (const auto* compare = condition.as<ast::CompareExpr>()) {
    // The field goes on the left: `30 < age` is `age > 30`.
    subject = compare->lhs.get();
    const ast::Expr* other = compare->rhs.get();
    ast::CompareOp op = compare->op;
    if (!field_index(program, *subject)) {
      std::swap(subject, other);
      op = ast::mirrored(op);
    }
    if (!usable_type(program, *other)) return std::nullopt;
    if (auto domain = domain_for(program, *subject)) {
      constraint = from_comparison(*domain, op, *other);
    }
  } else if (const auto* between = condition.as<ast::BetweenExpr>()) {
    subject = between->value.get();
    if (auto domain = domain_for(program, *subject)) constraint = from_between(*domain, *between);
  } else if (const auto* in = condition.as<ast::InExpr>()) {
    subject = in->value.get();
    if (auto domain = domain_for(program, *subject)) constraint = from_list(*domain, *in);
  }
  if (!constraint) return std::nullopt;
  return FieldCondition{*field_index(program, *subject), std::move(*constraint)};
}

bool below(const Value& value, const Bound& lower) {
  return value < lower.value || (value == lower.value && !lower.inclusive);
}

bool above(const Value& value, const Bound& upper) {
  return upper.value < value || (value == upper.value && !upper.inclusive);
}

bool disjoint(const Bound& lower, const Bound& upper) {
  return upper.value < lower.value ||
         (lower.value == upper.value && !(lower.inclusive && upper.inclusive));
}

bool tighter_lower(const Bound& a, const Bound& b) {
  return b.value < a.value || (a.value == b.value && !a.inclusive && b.inclusive);
}

bool tighter_upper(const Bound& a, const Bound& b) {
  return a.value < b.value || (a.value == b.value && !a.inclusive && b.inclusive);
}

bool contains(const std::vector<Value>& sorted, const Value& value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

bool any_within(const std::vector<Value>& points, const std::optional<Bound>& lower,
                const std::optional<Bound>& upper) {
  auto it = points.begin();
  if (lower) {
    it = std::lower_bound(points.begin(), points.end(), lower->value);
    if (it != points.end() && *it == lower->value && !lower->inclusive) ++it;
  }
  return it != points.end() && !(upper && above(*it, *upper));
}

}  // namespace segc::lint
