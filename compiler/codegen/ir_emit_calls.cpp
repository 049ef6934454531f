// Built-in functions (LANGUAGE.md section 6): abs, min, max, coalesce, the
// date functions and bucket. Text and set functions are in
// ir_emit_text_sets.cpp.
#include "codegen/ir_emitter.h"

namespace segc::codegen {

llvm::Value* ExprEmitter::helper_call(const std::string& name,
                                      llvm::ArrayRef<llvm::Value*> arguments) {
  return b_.CreateCall(declare_helper(env_.module, name), arguments);
}

std::optional<Val> ExprEmitter::call(const ast::Expr& expr, const ast::CallExpr& call) {
  const std::string& name = call.function.name;
  if (name == "min" || name == "max" || name == "coalesce") return min_max_coalesce(expr, call);
  if (name == "size") return set_size(*call.arguments[0]);
  if (name == "bucket") {
    const size_t key = env_.program.schema.key_index;
    const auto* buckets = ast::skip_parens(*call.arguments[0]).as<ast::IntLiteral>();
    const auto* salt = ast::skip_parens(*call.arguments[1]).as<ast::StringLiteral>();
    // A string key is a dictionary column: bucket() was tabulated at bind time.
    if (!env_.program.schema.fields[key].type.is(TypeKind::Int) || !buckets || !salt) {
      return std::nullopt;
    }
    if (scalar_only("bucket()")) return std::nullopt;
    auto key_value = field_value(key);
    if (!key_value) return std::nullopt;
    llvm::Value* bucket = helper_call(
        "segc_bucket_int_key",
        {key_value->value, address(env_.host.string(salt->value)), i64(buckets->value)});
    return Val{Type::integer(), bucket, i1(true)};
  }
  if (name == "abs") {
    auto number = value(*call.arguments[0]);
    if (!number) return std::nullopt;
    if (number->type.is(TypeKind::Float)) {
      return Val{number->type, b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, number->value),
                 number->present};
    }
    // |INT64_MIN| does not fit: missing.
    llvm::Value* fits = cmp(llvm::CmpInst::ICMP_NE, number->value, i64(INT64_MIN));
    llvm::Value* negative = cmp(llvm::CmpInst::ICMP_SLT, number->value, i64(0));
    return Val{number->type, select(negative, b_.CreateNeg(number->value), number->value),
               b_.CreateAnd(number->present, fits)};
  }
  const auto& arguments = call.arguments;
  if (arguments.size() == 1 &&
      env_.program.type_of(ast::skip_parens(*arguments[0])).is(TypeKind::Date)) {
    auto day = value(*arguments[0]);
    if (!day) return std::nullopt;
    return date_function(name, *day);
  }
  return text_function(name, call);
}

std::optional<Val> ExprEmitter::min_max_coalesce(const ast::Expr& expr, const ast::CallExpr& call) {
  const Type& type = env_.program.type_of(expr);
  const ast::Expr& first = *call.arguments[0];
  const ast::Expr& second = *call.arguments[1];
  auto a = value_like(first, env_.program.type_of(ast::skip_parens(second)));
  auto b = value_like(second, env_.program.type_of(ast::skip_parens(first)));
  if (!a || !b) return std::nullopt;
  auto left = convert(*a, type);
  auto right = convert(*b, type);
  if (!left || !right) return std::nullopt;
  if (call.function.name == "coalesce") {
    // The first value unless it is missing; converted after choosing, so a
    // first value that does not fit the result type is missing, not skipped.
    return Val{type, select(a->present, left->value, right->value),
               select(a->present, left->present, right->present)};
  }
  // Chosen by comparing the arguments as they are (exactly), then converted.
  auto order =
      compare(call.function.name == "min" ? ast::CompareOp::Gt : ast::CompareOp::Lt, *a, *b);
  if (!order) return std::nullopt;
  llvm::Value* take_second = order->is_true;
  return Val{type, select(take_second, right->value, left->value),
             b_.CreateAnd(b_.CreateAnd(a->present, b->present),
                          select(take_second, right->present, left->present))};
}

std::optional<Val> ExprEmitter::date_function(const std::string& name, const Val& date) {
  llvm::Value* today = i64(env_.context.today);
  llvm::Value* result = nullptr;
  if (name == "days_since") {
    result = b_.CreateSub(today, date.value);
  } else if (name == "years_since" || name == "days_until_birthday") {
    if (scalar_only("a calendar function")) return std::nullopt;
    result = helper_call("segc_" + name, {date.value, today});
  } else if (name == "year_of" || name == "month_of" || name == "day_of_month") {
    if (scalar_only("a calendar function")) return std::nullopt;
    result = helper_call("segc_" + name, {date.value});
  } else if (name == "day_of_week") {
    // 1970-01-01 was a Thursday (4); srem is in (-7, 7), so +10 keeps it positive.
    llvm::Value* shifted = b_.CreateAdd(b_.CreateSRem(date.value, i64(7)), i64(10));
    result = b_.CreateAdd(b_.CreateURem(shifted, i64(7)), i64(1));
  } else {
    return std::nullopt;
  }
  return Val{Type::integer(), result, date.present};
}

}  // namespace segc::codegen
