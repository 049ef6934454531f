// Strings and sets that could not be decided at bind time (they combine two
// columns): comparisons and tests through helpers on string handles, set
// membership by dictionary codes resolved at bind time (on the row's mask
// when the column has masks, else by a helper over the row's codes).
#include <algorithm>

#include "codegen/ir_emitter.h"

namespace segc::codegen {

std::optional<Val> ExprEmitter::text_of(const Val& value) {
  if (value.type.is(TypeKind::String)) return value;
  if (!value.type.is(TypeKind::Enum)) return std::nullopt;
  const EnumType& enumeration = *value.type.enumeration;
  llvm::Type* handle = llvm::StructType::get(b_.getPtrTy(), b_.getInt64Ty());
  llvm::Value* index = select(value.present, value.value,
                                       i64(static_cast<int64_t>(enumeration.values.size())));
  llvm::Value* strings = address(env_.host.strings_for(&enumeration, runtime::Dictionary(enumeration.values)));
  return Val{Type::string(), b_.CreateGEP(handle, strings, index), value.present};
}

std::optional<Val> ExprEmitter::text_function(const std::string& name, const ast::CallExpr& call) {
  // lower, upper and length of a value from two columns make new strings
  // per row: the interpreter handles them (see fallback()).
  if (name != "starts_with" && name != "ends_with" && name != "matches") return std::nullopt;
  if (scalar_only("a text function")) return std::nullopt;
  auto text_value = value(*call.arguments[0]);
  if (!text_value) return std::nullopt;
  auto text = text_of(*text_value);
  if (!text) return std::nullopt;
  if (name == "matches") {
    const auto* pattern = ast::skip_parens(*call.arguments[1]).as<ast::StringLiteral>();
    if (pattern == nullptr) return std::nullopt;
    llvm::Value* found =
        helper_call("segc_regex_search", {address(env_.host.pattern(pattern->value)), text->value});
    return Val{Type::boolean(), b_.CreateICmpNE(found, b_.getInt32(0)), text->present};
  }
  auto part_value = value(*call.arguments[1]);
  if (!part_value) return std::nullopt;
  auto part = text_of(*part_value);
  if (!part) return std::nullopt;
  llvm::Value* found =
      helper_call(name == "starts_with" ? "segc_string_starts_with" : "segc_string_ends_with",
                  {text->value, part->value});
  return Val{Type::boolean(), b_.CreateICmpNE(found, b_.getInt32(0)),
             b_.CreateAnd(text->present, part->present)};
}

std::optional<std::vector<std::string>> literal_elements(const ast::ContainsExpr& contains) {
  std::vector<const ast::Expr*> needles;
  if (const auto* list = ast::skip_parens(*contains.needle).as<ast::ListLiteral>()) {
    for (const auto& element : list->elements) needles.push_back(element.get());
  } else {
    needles.push_back(contains.needle.get());
  }
  std::vector<std::string> elements;
  for (const ast::Expr* needle : needles) {
    const auto* text = ast::skip_parens(*needle).as<ast::StringLiteral>();
    if (text == nullptr) return std::nullopt;
    elements.push_back(text->value);
  }
  return elements;
}

std::optional<Tri> ExprEmitter::contains(const ast::ContainsExpr& contains) {
  const ast::Expr& haystack = ast::skip_parens(*contains.haystack);
  if (env_.program.type_of(haystack).is_textual()) {
    if (scalar_only("a substring test")) return std::nullopt;
    auto text_value = value(haystack);
    auto part_value = value_like(*contains.needle, Type::string());
    if (!text_value || !part_value) return std::nullopt;
    auto text = text_of(*text_value);
    auto part = text_of(*part_value);
    if (!text || !part) return std::nullopt;
    llvm::Value* found = helper_call("segc_string_contains", {text->value, part->value});
    return known(b_.CreateAnd(text->present, part->present),
                 b_.CreateICmpNE(found, b_.getInt32(0)));
  }
  // A set field and literal elements: resolve them to the column's codes now.
  if (!haystack.as<ast::NameRef>()) return std::nullopt;
  const size_t field = env_.program.names.at(&haystack).index;
  const runtime::Column& column = env_.table.columns[field];
  const auto elements = literal_elements(contains);
  if (!elements) return std::nullopt;  // a per-row needle: the interpreter's job
  std::vector<uint32_t> wanted;
  bool all_known = true;
  for (const std::string& text : *elements) {
    auto found = std::lower_bound(column.dictionary.begin(), column.dictionary.end(), text);
    if (found == column.dictionary.end() || *found != text) {
      all_known = false;  // in no row's set
      continue;
    }
    wanted.push_back(static_cast<uint32_t>(found - column.dictionary.begin()));
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  const bool every = contains.mode == ast::ContainsMode::All;
  llvm::Value* holds = nullptr;
  if (every && !all_known) {
    holds = i1(false);
  } else if (wanted.empty()) {
    holds = i1(every);  // all of nothing holds; any of nothing does not
  } else if (column.width != 0) {
    // One mask per row (runtime/set_masks.h): any = shares a bit with the
    // wanted mask, all = has all of its bits. No loop, so it vectorises.
    llvm::Value* mask = stored_code(field);
    uint64_t wanted_bits = 0;
    for (uint32_t code : wanted) wanted_bits |= uint64_t{1} << code;
    llvm::Value* wanted_mask = llvm::ConstantInt::get(mask->getType(), wanted_bits);
    llvm::Value* shared = b_.CreateAnd(mask, wanted_mask);
    holds = every ? cmp(llvm::CmpInst::ICMP_EQ, shared, wanted_mask)
                  : cmp(llvm::CmpInst::ICMP_NE, shared, llvm::ConstantInt::get(mask->getType(), 0));
  } else {
    if (scalar_only("a set test over the row's codes")) return std::nullopt;
    llvm::Value* found =
        helper_call(every ? "segc_set_contains_all" : "segc_set_contains_any",
                    {column_pointer(field, 2), column_pointer(field, 3), position_.row,
                     address(env_.host.array(wanted)), i64(static_cast<int64_t>(wanted.size()))});
    holds = b_.CreateICmpNE(found, b_.getInt32(0));
  }
  return known(presence(field), holds);
}

std::optional<Val> ExprEmitter::set_size(const ast::Expr& set) {
  const ast::Expr& node = ast::skip_parens(set);
  if (!node.as<ast::NameRef>()) return std::nullopt;
  const size_t field = env_.program.names.at(&node).index;
  if (env_.table.columns[field].width != 0) {  // masks: the element count is the bit count
    llvm::Value* count = b_.CreateUnaryIntrinsic(llvm::Intrinsic::ctpop, stored_code(field));
    return Val{Type::integer(), b_.CreateZExt(count, lanes(b_.getInt64Ty())), presence(field)};
  }
  if (scalar_only("the size of a set without masks")) return std::nullopt;
  llvm::Value* next = b_.CreateAdd(position_.row, i64(1));
  return Val{Type::integer(),
             b_.CreateSub(set_offset(field, next), set_offset(field, position_.row)),
             presence(field)};
}

}  // namespace segc::codegen
