// Dispatch over expression kinds, literals, bind-time tables and the
// interpreter fallback.
#include <fmt/format.h>

#include "codegen/dictionary_precompute.h"
#include "codegen/ir_emitter.h"

namespace segc::codegen {

ExprEmitter::ExprEmitter(EmitEnvironment& environment, llvm::IRBuilder<>& body,
                         llvm::IRBuilder<>& entry, RowPosition position)
    : env_(environment), b_(body), entry_(entry), position_(position) {}

// In word code a constant is the same value in every lane (a splat), and
// an i1 is a word of 64 equal bits.
llvm::Type* ExprEmitter::lanes(llvm::Type* scalar) {
  if (!position_.whole_word) return scalar;
  return llvm::FixedVectorType::get(scalar, 64);
}
llvm::Value* ExprEmitter::i64(int64_t value) {
  return llvm::ConstantInt::get(lanes(b_.getInt64Ty()), static_cast<uint64_t>(value),
                                /*IsSigned=*/true);
}
llvm::Value* ExprEmitter::i1(bool value) {
  if (position_.whole_word) return b_.getInt64(value ? ~uint64_t{0} : 0);
  return b_.getInt1(value);
}
llvm::Value* ExprEmitter::f64(double value) {
  return llvm::ConstantFP::get(lanes(b_.getDoubleTy()), value);
}

llvm::Value* ExprEmitter::bits(llvm::Value* lanes) {
  if (!position_.whole_word) return lanes;
  return b_.CreateBitCast(lanes, b_.getInt64Ty());
}

llvm::Value* ExprEmitter::lane_mask(llvm::Value* word) {
  if (!position_.whole_word) return word;
  return b_.CreateBitCast(word, llvm::FixedVectorType::get(b_.getInt1Ty(), 64));
}

llvm::Value* ExprEmitter::cmp(llvm::CmpInst::Predicate predicate, llvm::Value* a,
                              llvm::Value* b) {
  return bits(b_.CreateCmp(predicate, a, b));
}

llvm::Value* ExprEmitter::select(llvm::Value* condition, llvm::Value* a, llvm::Value* b) {
  if (!position_.whole_word) return b_.CreateSelect(condition, a, b);
  if (!a->getType()->isVectorTy() && !b->getType()->isVectorTy() &&
      a->getType()->isIntegerTy(64)) {  // words of bits
    return b_.CreateOr(b_.CreateAnd(condition, a), b_.CreateAnd(b_.CreateNot(condition), b));
  }
  // A constant (a string literal's handle) is the same in every lane.
  auto spread = [&](llvm::Value* value) {
    return value->getType()->isVectorTy() ? value : b_.CreateVectorSplat(64, value);
  };
  return b_.CreateSelect(lane_mask(condition), spread(a), spread(b));
}

bool ExprEmitter::scalar_only(const char* what) {
  if (!position_.whole_word) return false;
  if (scalar_only_.empty()) scalar_only_ = what;
  return true;
}

llvm::Value* ExprEmitter::load_at(llvm::Type* element, llvm::Value* base, llvm::Value* index) {
  llvm::Value* slot = b_.CreateGEP(element, base, index);
  if (!position_.whole_word) return b_.CreateLoad(element, slot);
  return b_.CreateMaskedGather(lanes(element), slot, llvm::Align(1));
}
// Host data is an external global of unknown size, defined when the code is
// linked: the IR (and so the object code and its cache key) does not depend
// on where this process put the data.
llvm::Value* ExprEmitter::address(const void* pointer) {
  if (pointer == nullptr) return llvm::ConstantPointerNull::get(b_.getPtrTy());
  const std::string& name = env_.host.symbol_for(pointer);
  if (llvm::GlobalVariable* known = env_.module.getNamedGlobal(name)) return known;
  return new llvm::GlobalVariable(env_.module, llvm::ArrayType::get(b_.getInt8Ty(), 0),
                                  /*isConstant=*/false, llvm::GlobalValue::ExternalLinkage,
                                  /*Initializer=*/nullptr, name);
}

void ExprEmitter::unsupported(const ast::Expr& expr, const std::string& what) {
  if (!error_.empty()) return;
  error_ = fmt::format("the JIT does not support {} (line {}, column {})", what,
                       expr.range.begin.line, expr.range.begin.column);
}

Tri ExprEmitter::condition(const ast::Expr& expr) {
  const ast::Expr& node = ast::skip_parens(expr);
  if (auto value = bind_time_value(node)) return to_tri(*value);
  if (auto tri = native_condition(node)) return *tri;
  if (auto value = fallback(node)) return to_tri(*value);
  return Tri{i1(false), i1(false)};  // unknown; error() says why
}

std::optional<Val> ExprEmitter::value(const ast::Expr& expr) {
  const ast::Expr& node = ast::skip_parens(expr);
  if (auto value = bind_time_value(node)) return value;
  if (env_.program.type_of(node).is(TypeKind::Bool)) {
    if (auto tri = native_condition(node)) return from_tri(*tri);
  } else if (auto value = native_value(node)) {
    return value;
  }
  return fallback(node);
}

std::optional<Val> ExprEmitter::value_like(const ast::Expr& expr, const Type& peer) {
  const ast::Expr& node = ast::skip_parens(expr);
  const auto* text = node.as<ast::StringLiteral>();
  if (text != nullptr && peer.is(TypeKind::Enum)) {
    return Val{peer, i64(peer.enumeration->index_of(text->value)), i1(true)};
  }
  return value(node);
}

std::optional<Tri> ExprEmitter::native_condition(const ast::Expr& expr) {
  if (const auto* negation = expr.as<ast::NotExpr>()) {
    const Tri operand = condition(*negation->operand);
    return Tri{operand.is_false, operand.is_true};
  }
  if (const auto* logical = expr.as<ast::LogicalExpr>()) {
    Tri result = condition(*logical->operands[0]);
    for (size_t i = 1; i < logical->operands.size(); ++i) {
      const Tri next = condition(*logical->operands[i]);
      result =
          logical->op == ast::LogicalOp::And ? kleene_and(result, next) : kleene_or(result, next);
    }
    return result;
  }
  if (const auto* compare = expr.as<ast::CompareExpr>()) {
    return compare_operands(compare->op, *compare->lhs, *compare->rhs);
  }
  if (const auto* between = expr.as<ast::BetweenExpr>()) {
    auto low = compare_operands(ast::CompareOp::Ge, *between->value, *between->low);
    auto high = compare_operands(ast::CompareOp::Le, *between->value, *between->high);
    if (!low || !high) return std::nullopt;
    return kleene_and(*low, *high);
  }
  if (const auto* in = expr.as<ast::InExpr>()) return in_list(*in);
  if (const auto* is = expr.as<ast::IsMissingExpr>()) return is_missing(*is);
  if (const auto* set_or_text = expr.as<ast::ContainsExpr>()) return contains(*set_or_text);
  if (const auto* period = expr.as<ast::WithinExpr>()) return within(*period);
  if (auto plain = native_value(expr)) return to_tri(*plain);
  return std::nullopt;
}

std::optional<Val> ExprEmitter::native_value(const ast::Expr& expr) {
  if (auto constant = literal(expr)) return constant;
  if (expr.as<ast::NameRef>()) {
    const NameMeaning& meaning = env_.program.names.at(&expr);
    if (meaning.kind == NameMeaning::Kind::Segment) return segment_member(meaning.index);
    return field_value(meaning.index);
  }
  if (const auto* function = expr.as<ast::CallExpr>()) return call(expr, *function);
  if (const auto* negation = expr.as<ast::NegateExpr>()) {
    auto operand = value(*negation->operand);
    if (!operand) return std::nullopt;
    return negate(*operand);
  }
  if (const auto* node = expr.as<ast::ArithmeticExpr>()) return arithmetic(*node);
  return std::nullopt;
}

std::optional<Val> ExprEmitter::literal(const ast::Expr& expr) {
  if (const auto* integer = expr.as<ast::IntLiteral>()) {
    return Val{Type::integer(), i64(integer->value), i1(true)};
  }
  if (const auto* decimal = expr.as<ast::DecimalLiteral>()) {
    return Val{Type::decimal(decimal->scale), i64(decimal->unscaled), i1(true)};
  }
  if (const auto* flag = expr.as<ast::BoolLiteral>()) {
    return Val{Type::boolean(), i1(flag->value), i1(true)};
  }
  if (const auto* date = expr.as<ast::DateLiteral>()) {
    return Val{Type::date(), i64(date->days), i1(true)};
  }
  if (const auto* text = expr.as<ast::StringLiteral>()) {
    return Val{Type::string(), address(env_.host.string(text->value)), i1(true)};
  }
  return std::nullopt;
}

std::optional<Val> ExprEmitter::bind_time_value(const ast::Expr& expr) {
  // Literals and plain field reads are cheaper as they are.
  if (literal(expr) || expr.as<ast::NameRef>()) return std::nullopt;
  if (env_.dependencies.is_constant(expr)) {
    auto table = fold_constant(env_.program, expr, env_.context);
    if (!table) {
      unsupported(expr, "this constant expression: " + llvm::toString(table.takeError()));
      return std::nullopt;
    }
    return tabulated(*table, nullptr);
  }
  if (auto field = env_.dependencies.single_dictionary_field(expr)) {
    auto table = tabulate_over_dictionary(env_.program, expr, *field, env_.table.columns[*field],
                                          env_.context);
    if (!table) {
      unsupported(expr, "this expression: " + llvm::toString(table.takeError()));
      return std::nullopt;
    }
    if (table->type.is(TypeKind::Bool)) return tabulated_condition(*table, *field);
    return tabulated(*table, dictionary_index(*field));
  }
  return std::nullopt;
}

Val ExprEmitter::tabulated(const Tabulated& table, llvm::Value* index) {
  Val result{table.type};
  if (index == nullptr) {  // a constant: no table, just the value
    const uint8_t state = table.state[0];
    if (table.type.is(TypeKind::Bool)) {
      return Val{table.type, i1(state == kTrue), i1(state != kUnknown)};
    }
    result.present = i1(state == 1);
    if (table.type.is(TypeKind::String)) {
      result.value = address(env_.host.string(table.strings[0]));
    } else if (table.type.is(TypeKind::Float)) {
      result.value = b_.CreateBitCast(i64(table.bits[0]), lanes(b_.getDoubleTy()));
    } else {
      result.value = i64(table.bits[0]);
    }
    return result;
  }
  llvm::Value* state = load_at(b_.getInt8Ty(), address(env_.host.array(table.state)), index);
  auto byte = [&](uint8_t value) { return llvm::ConstantInt::get(state->getType(), value); };
  if (table.type.is(TypeKind::Bool)) {
    return Val{table.type, cmp(llvm::CmpInst::ICMP_EQ, state, byte(kTrue)),
               cmp(llvm::CmpInst::ICMP_NE, state, byte(kUnknown))};
  }
  result.present = cmp(llvm::CmpInst::ICMP_EQ, state, byte(1));
  if (table.type.is(TypeKind::String)) {
    llvm::Type* handle = llvm::StructType::get(b_.getPtrTy(), b_.getInt64Ty());
    result.value = b_.CreateGEP(handle, address(env_.host.string_array(table.strings)), index);
    return result;
  }
  llvm::Value* bits = load_at(b_.getInt64Ty(), address(env_.host.array(table.bits)), index);
  result.value =
      table.type.is(TypeKind::Float) ? b_.CreateBitCast(bits, lanes(b_.getDoubleTy())) : bits;
  return result;
}

std::optional<Val> ExprEmitter::fallback(const ast::Expr& expr) {
  const Type& type = env_.program.type_of(expr);
  if (!is_tabulated_type(type) || type.is(TypeKind::String)) return std::nullopt;
  if (scalar_only("the interpreter fallback")) return std::nullopt;
  if (!env_.interpreter_fallback) {
    unsupported(expr, "this expression natively");
    return std::nullopt;
  }
  const FallbackSite* site =
      env_.host.fallback(FallbackSite{&env_.program, &expr, env_.context, type});
  if (scratch_ == nullptr) scratch_ = entry_.CreateAlloca(entry_.getInt64Ty());
  llvm::Value* run_state = entry_.CreateLoad(
      entry_.getPtrTy(), entry_.CreateConstGEP1_64(entry_.getPtrTy(), position_.args, 3));
  llvm::Value* found =
      helper_call("segc_interpret_row", {address(site), run_state, position_.row, scratch_});
  llvm::Value* bits = b_.CreateLoad(b_.getInt64Ty(), scratch_);
  Val result{type, bits, b_.CreateICmpNE(found, b_.getInt32(0))};
  if (type.is(TypeKind::Bool)) result.value = b_.CreateICmpNE(bits, i64(0));
  if (type.is(TypeKind::Float)) result.value = b_.CreateBitCast(bits, b_.getDoubleTy());
  return result;
}

}  // namespace segc::codegen
