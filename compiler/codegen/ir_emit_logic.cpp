// Conditions: Kleene logic on (is true, is false) masks, comparisons of every
// comparable pair of types, `in`, `is missing`, `within`.
#include <algorithm>

#include "codegen/ir_emitter.h"
#include "evaluate/date_functions.h"

namespace segc::codegen {
namespace {

llvm::CmpInst::Predicate signed_predicate(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::Eq:
      return llvm::CmpInst::ICMP_EQ;
    case ast::CompareOp::Ne:
      return llvm::CmpInst::ICMP_NE;
    case ast::CompareOp::Lt:
      return llvm::CmpInst::ICMP_SLT;
    case ast::CompareOp::Le:
      return llvm::CmpInst::ICMP_SLE;
    case ast::CompareOp::Gt:
      return llvm::CmpInst::ICMP_SGT;
    case ast::CompareOp::Ge:
      return llvm::CmpInst::ICMP_SGE;
  }
  return llvm::CmpInst::ICMP_EQ;
}

// Ordered comparisons: the operands are never NaN (such values are missing).
llvm::CmpInst::Predicate float_predicate(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::Eq:
      return llvm::CmpInst::FCMP_OEQ;
    case ast::CompareOp::Ne:
      return llvm::CmpInst::FCMP_ONE;
    case ast::CompareOp::Lt:
      return llvm::CmpInst::FCMP_OLT;
    case ast::CompareOp::Le:
      return llvm::CmpInst::FCMP_OLE;
    case ast::CompareOp::Gt:
      return llvm::CmpInst::FCMP_OGT;
    case ast::CompareOp::Ge:
      return llvm::CmpInst::FCMP_OGE;
  }
  return llvm::CmpInst::FCMP_OEQ;
}

// 10^exponent as a constant of `type` (i128, or a vector of i128).
llvm::Constant* power_of_ten_128(llvm::Type* type, int exponent) {
  llvm::APInt value(128, 1);
  for (int i = 0; i < exponent; ++i) value *= llvm::APInt(128, 10);
  return llvm::ConstantInt::get(type, value);
}

}  // namespace

// false < true, bit by bit (so the same for i1 and for words of bits).
llvm::Value* ExprEmitter::bool_order(ast::CompareOp op, llvm::Value* x, llvm::Value* y) {
  switch (op) {
    case ast::CompareOp::Eq:
      return b_.CreateNot(b_.CreateXor(x, y));
    case ast::CompareOp::Ne:
      return b_.CreateXor(x, y);
    case ast::CompareOp::Lt:
      return b_.CreateAnd(b_.CreateNot(x), y);
    case ast::CompareOp::Le:
      return b_.CreateOr(b_.CreateNot(x), y);
    case ast::CompareOp::Gt:
      return b_.CreateAnd(x, b_.CreateNot(y));
    case ast::CompareOp::Ge:
      return b_.CreateOr(x, b_.CreateNot(y));
  }
  return b_.CreateXor(x, y);
}

Tri ExprEmitter::kleene_and(Tri a, Tri b) {
  return Tri{b_.CreateAnd(a.is_true, b.is_true), b_.CreateOr(a.is_false, b.is_false)};
}

Tri ExprEmitter::kleene_or(Tri a, Tri b) {
  return Tri{b_.CreateOr(a.is_true, b.is_true), b_.CreateAnd(a.is_false, b.is_false)};
}

Tri ExprEmitter::known(llvm::Value* present, llvm::Value* holds) {
  return Tri{b_.CreateAnd(present, holds), b_.CreateAnd(present, b_.CreateNot(holds))};
}

Tri ExprEmitter::to_tri(const Val& value) { return known(value.present, value.value); }

Val ExprEmitter::from_tri(Tri tri) {
  return Val{Type::boolean(), tri.is_true, b_.CreateOr(tri.is_true, tri.is_false)};
}

std::optional<Tri> ExprEmitter::compare(ast::CompareOp op, const Val& a, const Val& b) {
  llvm::Value* present = b_.CreateAnd(a.present, b.present);
  const Type& x = a.type;
  const Type& y = b.type;
  llvm::Value* holds = nullptr;
  if (x.is_numeric() && y.is_numeric()) {
    if (x.is(TypeKind::Float) || y.is(TypeKind::Float)) {
      holds = cmp(float_predicate(op), to_double(a), to_double(b));
    } else {
      // Exact: both sides at the larger scale in 128 bits, which cannot overflow.
      const int scale = std::max(x.scale, y.scale);
      llvm::Type* wide = lanes(b_.getInt128Ty());
      llvm::Value* left = b_.CreateMul(b_.CreateSExt(a.value, wide),
                                       power_of_ten_128(wide, scale - x.scale));
      llvm::Value* right = b_.CreateMul(b_.CreateSExt(b.value, wide),
                                        power_of_ten_128(wide, scale - y.scale));
      holds = cmp(signed_predicate(op), left, right);
    }
  } else if ((x.is(TypeKind::Date) && y.is(TypeKind::Date)) ||
             (x.is(TypeKind::Enum) && y.is(TypeKind::Enum))) {
    holds = cmp(signed_predicate(op), a.value, b.value);
  } else if (x.is(TypeKind::Bool) && y.is(TypeKind::Bool)) {
    holds = bool_order(op, a.value, b.value);
  } else if (x.is_textual() && y.is_textual()) {
    if (scalar_only("a string comparison")) return std::nullopt;
    auto left = text_of(a);
    auto right = text_of(b);
    if (!left || !right) return std::nullopt;
    llvm::Value* order = helper_call("segc_string_compare", {left->value, right->value});
    holds = b_.CreateICmp(signed_predicate(op), order, b_.getInt32(0));
  } else {
    return std::nullopt;
  }
  return known(present, holds);
}

std::optional<Tri> ExprEmitter::compare_operands(ast::CompareOp op, const ast::Expr& lhs,
                                                 const ast::Expr& rhs) {
  auto a = value_like(lhs, env_.program.type_of(ast::skip_parens(rhs)));
  auto b = value_like(rhs, env_.program.type_of(ast::skip_parens(lhs)));
  if (!a || !b) return std::nullopt;
  return compare(op, *a, *b);
}

// The list's values when it is long and every element is a literal of the
// tested value's own kind (ints for an int, dates for a date, members for an
// enum): then one binary search replaces a chain of comparisons.
static std::optional<std::vector<int64_t>> sorted_literals(const ast::ListLiteral& list,
                                                           const Type& tested) {
  constexpr size_t kLongList = 8;
  if (list.elements.size() <= kLongList) return std::nullopt;
  std::vector<int64_t> values;
  for (const auto& element : list.elements) {
    const ast::Expr& literal = ast::skip_parens(*element);
    if (const auto* integer = literal.as<ast::IntLiteral>(); integer && tested.is(TypeKind::Int)) {
      values.push_back(integer->value);
    } else if (const auto* date = literal.as<ast::DateLiteral>();
               date && tested.is(TypeKind::Date)) {
      values.push_back(date->days);
    } else if (const auto* text = literal.as<ast::StringLiteral>();
               text && tested.is(TypeKind::Enum)) {
      values.push_back(tested.enumeration->index_of(text->value));
    } else {
      return std::nullopt;
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

std::optional<Tri> ExprEmitter::in_list(const ast::InExpr& in) {
  auto tested = value(*in.value);
  if (!tested) return std::nullopt;
  const auto& list = *in.list->as<ast::ListLiteral>();
  if (auto values = sorted_literals(list, tested->type)) {
    if (scalar_only("a search of a long list")) return std::nullopt;
    llvm::Value* found = helper_call("segc_sorted_contains",
                                     {address(env_.host.array(*values)),
                                      i64(static_cast<int64_t>(values->size())), tested->value});
    const Tri result = known(tested->present, b_.CreateICmpNE(found, b_.getInt32(0)));
    return in.negated ? Tri{result.is_false, result.is_true} : result;
  }
  llvm::Value* found = i1(false);
  for (const auto& element : list.elements) {
    auto candidate = value_like(*element, tested->type);
    if (!candidate) return std::nullopt;
    auto equal = compare(ast::CompareOp::Eq, *tested, *candidate);
    if (!equal) return std::nullopt;
    found = b_.CreateOr(found, equal->is_true);
  }
  const Tri result = known(tested->present, found);
  return in.negated ? Tri{result.is_false, result.is_true} : result;
}

std::optional<Tri> ExprEmitter::is_missing(const ast::IsMissingExpr& is) {
  const ast::Expr& operand = ast::skip_parens(*is.operand);
  const Type& type = env_.program.type_of(operand);
  llvm::Value* present = nullptr;
  if (type.is(TypeKind::StringSet)) {
    if (!operand.as<ast::NameRef>()) return std::nullopt;
    present = presence(env_.program.names.at(&operand).index);
  } else if (type.is(TypeKind::Bool)) {
    const Tri tri = condition(operand);
    present = b_.CreateOr(tri.is_true, tri.is_false);
  } else {
    auto operand_value = value(operand);
    if (!operand_value) return std::nullopt;
    present = operand_value->present;
  }
  llvm::Value* absent = b_.CreateNot(present);
  return is.present ? Tri{present, absent} : Tri{absent, present};
}

std::optional<Tri> ExprEmitter::within(const ast::WithinExpr& within) {
  auto day = value(*within.value);
  if (!day) return std::nullopt;
  // The bounds depend only on `today`: constants, possibly missing (out of
  // the valid date range), which makes that side unknown.
  const evaluate::dates::Interval interval =
      evaluate::dates::within_interval(within.period, env_.context.today);
  auto bound = [&](const std::optional<int32_t>& days) {
    return Val{Type::date(), i64(days.value_or(0)), i1(days.has_value())};
  };
  auto low = compare(ast::CompareOp::Le, bound(interval.first), *day);
  auto high = compare(ast::CompareOp::Le, *day, bound(interval.last));
  return kleene_and(*low, *high);
}

}  // namespace segc::codegen
