// Arithmetic (docs/evaluation.md, "Numbers" and "Dates"): ints with overflow
// checks, exact decimals, IEEE floats whose non-finite results are missing,
// `/` always in floats, and date +/- durations.
#include "codegen/ir_emitter.h"

namespace segc::codegen {
namespace {

int64_t power_of_ten(int exponent) {
  int64_t result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

}  // namespace

llvm::Value* ExprEmitter::to_double(const Val& value) {
  if (value.type.is(TypeKind::Float)) return value.value;
  llvm::Value* real = b_.CreateSIToFP(value.value, lanes(b_.getDoubleTy()));
  if (value.type.is(TypeKind::Decimal) && value.type.scale > 0) {
    // One IEEE division by an exact power of ten, as the interpreter does.
    real = b_.CreateFDiv(real, f64(static_cast<double>(power_of_ten(value.type.scale))));
  }
  return real;
}

Val ExprEmitter::overflow_op(llvm::Intrinsic::ID id, const Type& type, llvm::Value* a,
                             llvm::Value* b, llvm::Value* present) {
  llvm::Value* pair = b_.CreateBinaryIntrinsic(id, a, b);
  llvm::Value* overflow = bits(b_.CreateExtractValue(pair, 1));
  return Val{type, b_.CreateExtractValue(pair, 0), b_.CreateAnd(present, b_.CreateNot(overflow))};
}

Val ExprEmitter::rescale(const Val& value, int scale) {
  const int from = value.type.is(TypeKind::Decimal) ? value.type.scale : 0;
  if (from == scale) return Val{Type::decimal(scale), value.value, value.present};
  return overflow_op(llvm::Intrinsic::smul_with_overflow, Type::decimal(scale), value.value,
                     i64(power_of_ten(scale - from)), value.present);
}

std::optional<Val> ExprEmitter::convert(const Val& value, const Type& target) {
  if (target.is_numeric() != value.type.is_numeric()) return std::nullopt;
  if (target.is(TypeKind::Float)) return Val{target, to_double(value), value.present};
  if (target.is(TypeKind::Decimal)) {
    if (value.type.is(TypeKind::Float)) return std::nullopt;
    return rescale(value, target.scale);
  }
  return Val{target, value.value, value.present};
}

llvm::Value* ExprEmitter::finite(llvm::Value* real) {
  llvm::Value* magnitude = b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, real);
  return cmp(llvm::CmpInst::FCMP_OLT, magnitude, f64(std::numeric_limits<double>::infinity()));
}

std::optional<Val> ExprEmitter::negate(const Val& value) {
  if (value.type.is(TypeKind::Float)) {
    return Val{value.type, b_.CreateFNeg(value.value), value.present};
  }
  if (!value.type.is(TypeKind::Int) && !value.type.is(TypeKind::Decimal)) return std::nullopt;
  return overflow_op(llvm::Intrinsic::ssub_with_overflow, value.type, i64(0), value.value,
                     value.present);
}

std::optional<Val> ExprEmitter::arithmetic(const ast::ArithmeticExpr& arithmetic) {
  auto result = value(*arithmetic.operands[0]);
  for (size_t i = 0; result && i < arithmetic.ops.size(); ++i) {
    const ast::Expr& operand = ast::skip_parens(*arithmetic.operands[i + 1]);
    if (const auto* duration = operand.as<ast::DurationLiteral>()) {
      result = add_duration(*result, *duration, arithmetic.ops[i] == ast::ArithmeticOp::Subtract);
      if (!result) return std::nullopt;
      continue;
    }
    auto right = value(operand);
    if (!right) return std::nullopt;
    result = arithmetic_step(*result, arithmetic.ops[i], *right);
  }
  return result;
}

std::optional<Val> ExprEmitter::arithmetic_step(const Val& a, ast::ArithmeticOp op, const Val& b) {
  if (!a.type.is_numeric() || !b.type.is_numeric()) return std::nullopt;
  llvm::Value* present = b_.CreateAnd(a.present, b.present);
  using Op = ast::ArithmeticOp;
  if (op == Op::Divide || a.type.is(TypeKind::Float) || b.type.is(TypeKind::Float)) {
    llvm::Value* x = to_double(a);
    llvm::Value* y = to_double(b);
    llvm::Value* result = nullptr;
    switch (op) {
      case Op::Add:
        result = b_.CreateFAdd(x, y);
        break;
      case Op::Subtract:
        result = b_.CreateFSub(x, y);
        break;
      case Op::Multiply:
        result = b_.CreateFMul(x, y);
        break;
      case Op::Divide:
        present = b_.CreateAnd(present, cmp(llvm::CmpInst::FCMP_ONE, y, f64(0.0)));
        result = b_.CreateFDiv(x, y);
        break;
    }
    return Val{Type::floating(), result, b_.CreateAnd(present, finite(result))};
  }
  if (a.type.is(TypeKind::Int) && b.type.is(TypeKind::Int)) {
    const auto id = op == Op::Add        ? llvm::Intrinsic::sadd_with_overflow
                    : op == Op::Subtract ? llvm::Intrinsic::ssub_with_overflow
                                         : llvm::Intrinsic::smul_with_overflow;
    return overflow_op(id, Type::integer(), a.value, b.value, present);
  }
  const int left_scale = a.type.is(TypeKind::Decimal) ? a.type.scale : 0;
  const int right_scale = b.type.is(TypeKind::Decimal) ? b.type.scale : 0;
  if (op == Op::Multiply) {
    const int scale = left_scale + right_scale;
    if (scale <= 18) {
      return overflow_op(llvm::Intrinsic::smul_with_overflow, Type::decimal(scale), a.value,
                         b.value, present);
    }
    // Round the exact 128-bit product to 18 digits: a helper, so that the
    // JIT needs no 128-bit division routine.
    if (scalar_only("a rounded decimal product")) return std::nullopt;
    if (scratch_ == nullptr) scratch_ = entry_.CreateAlloca(entry_.getInt64Ty());
    llvm::Value* fits =
        helper_call("segc_decimal_multiply_round", {a.value, b.value, i64(scale - 18), scratch_});
    return Val{Type::decimal(18), b_.CreateLoad(b_.getInt64Ty(), scratch_),
               b_.CreateAnd(present, b_.CreateICmpNE(fits, b_.getInt32(0)))};
  }
  const int scale = std::max(left_scale, right_scale);
  const Val left = rescale(a, scale);
  const Val right = rescale(b, scale);
  return overflow_op(
      op == Op::Add ? llvm::Intrinsic::sadd_with_overflow : llvm::Intrinsic::ssub_with_overflow,
      Type::decimal(scale), left.value, right.value, b_.CreateAnd(left.present, right.present));
}

std::optional<Val> ExprEmitter::add_duration(const Val& date,
                                              const ast::DurationLiteral& duration,
                                              bool subtract) {
  const Val missing{Type::date(), i64(0), i1(false)};
  __int128 amount = subtract ? -__int128{duration.amount} : __int128{duration.amount};
  if (duration.unit == ast::TimeUnit::Day || duration.unit == ast::TimeUnit::Week) {
    if (duration.unit == ast::TimeUnit::Week) amount *= 7;
    // Any move beyond the valid range's width leaves it, whatever the date.
    if (amount > kLastValidDay - kFirstValidDay || amount < kFirstValidDay - kLastValidDay) {
      return missing;
    }
    llvm::Value* moved = b_.CreateAdd(date.value, i64(static_cast<int64_t>(amount)));
    llvm::Value* offset = b_.CreateSub(moved, i64(kFirstValidDay));
    llvm::Value* in_range =
        cmp(llvm::CmpInst::ICMP_ULE, offset, i64(kLastValidDay - kFirstValidDay));
    return Val{Type::date(), moved, b_.CreateAnd(date.present, in_range)};
  }
  if (duration.unit == ast::TimeUnit::Year) {
    if (amount > 20000 || amount < -20000) return missing;
    amount *= 12;
  }
  if (amount > 1'000'000 || amount < -1'000'000) return missing;
  if (scalar_only("adding months or years to a date")) return std::nullopt;
  llvm::Value* moved =
      helper_call("segc_date_add_months", {date.value, i64(static_cast<int64_t>(amount))});
  return Val{Type::date(), moved,
             b_.CreateAnd(date.present, b_.CreateICmpNE(moved, i64(kMissingSentinel)))};
}

}  // namespace segc::codegen
