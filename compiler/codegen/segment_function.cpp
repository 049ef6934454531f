#include "codegen/segment_function.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "syntax/ast_children.h"

namespace segc::codegen {
namespace {

llvm::FunctionType* entry_type(llvm::LLVMContext& context) {
  return llvm::FunctionType::get(llvm::Type::getVoidTy(context),
                                 {llvm::PointerType::get(context, 0),
                                  llvm::Type::getInt64Ty(context), llvm::Type::getInt64Ty(context)},
                                 false);
}

// Bytes per row of the widest array `expr` reads: 8 for floats, the stored
// width for numbers, codes and set masks, 1 for bitmaps (spread to bytes).
int widest_lane(const ast::Expr& expr, const runtime::Table& table, DependencyMap& dependencies) {
  int widest = 1;
  for (size_t field : dependencies.of(expr).fields) {
    const runtime::Column& column = table.columns[field];
    switch (column.spec.kind) {
      case runtime::ColumnKind::Float: widest = 8; break;
      case runtime::ColumnKind::Bool: break;
      default: widest = std::max(widest, column.width); break;
    }
  }
  return widest;
}

// Whether `expr` is a set field stored with per-row masks (runtime/set_masks.h).
bool is_masked_set(const ast::Expr& expr, const CheckedProgram& program,
                   const runtime::Table& table) {
  const ast::Expr& node = ast::skip_parens(expr);
  if (!node.as<ast::NameRef>()) return false;
  auto meaning = program.names.find(&node);
  if (meaning == program.names.end() || meaning->second.kind != NameMeaning::Kind::Field) {
    return false;
  }
  const runtime::Column& column = table.columns[meaning->second.index];
  return column.spec.kind == runtime::ColumnKind::StringSet && column.width != 0;
}

// Whether the row code of `expr` is straight-line arithmetic the loop
// vectoriser accepts: no runtime helper calls, no loops over set elements,
// no interpreter fallback. Conservative: string values (compared by helper)
// and calls count as not straight unless tabulated over a dictionary; set
// tests on masks (literal elements, ir_emit_text_sets.cpp) are straight.
bool is_straight(const ast::Expr& expr, const CheckedProgram& program, const runtime::Table& table,
                 DependencyMap& dependencies) {
  if (dependencies.is_constant(expr)) return true;
  if (dependencies.single_dictionary_field(expr)) {
    return !program.type_of(expr).is(TypeKind::String);  // a compare on the code
  }
  if (const auto* contains = expr.as<ast::ContainsExpr>()) {
    if (!is_masked_set(*contains->haystack, program, table)) return false;
    const ast::Expr& needle = ast::skip_parens(*contains->needle);
    if (const auto* list = needle.as<ast::ListLiteral>()) {
      return std::all_of(list->elements.begin(), list->elements.end(), [](const ast::ExprPtr& e) {
        return ast::skip_parens(*e).as<ast::StringLiteral>() != nullptr;
      });
    }
    return needle.as<ast::StringLiteral>() != nullptr;
  }
  if (const auto* call = expr.as<ast::CallExpr>()) {
    return call->function.name == "size" && call->arguments.size() == 1 &&
           is_masked_set(*call->arguments[0], program, table);
  }
  if (expr.as<ast::NameRef>()) {
    auto meaning = program.names.find(&expr);
    if (meaning == program.names.end() || meaning->second.kind != NameMeaning::Kind::Field) {
      return true;  // a segment: a bit of an earlier group's words
    }
    const Type& type = program.schema.fields[meaning->second.index].type;
    if (type.is(TypeKind::StringSet)) return is_masked_set(expr, program, table);
    return !type.is(TypeKind::String);
  }
  if (const auto* arithmetic = expr.as<ast::ArithmeticExpr>()) {
    for (const ast::ExprPtr& operand : arithmetic->operands) {
      const auto* duration = operand->as<ast::DurationLiteral>();
      if (duration && (duration->unit == ast::TimeUnit::Month ||
                       duration->unit == ast::TimeUnit::Year)) {
        return false;  // segc_date_add_months
      }
    }
  }
  bool straight = true;
  ast::for_each_child(expr, [&](const ast::Expr& child) {
    straight = straight && is_straight(child, program, table, dependencies);
  });
  return straight;
}

}  // namespace

std::vector<std::vector<size_t>> fusion_groups(const CheckedProgram& program,
                                               const runtime::Table& table,
                                               DependencyMap& dependencies,
                                               const std::vector<size_t>& segments,
                                               size_t max_size) {
  // Several groups fill at once: segments whose row code does not vectorise
  // (kind 0), so that one helper call or set loop does not keep a whole
  // group scalar, and vectorisable ones by their widest column (kinds 1, 2,
  // 4, 8 bytes), since the loop vectoriser sizes a loop's lanes by its
  // widest value: one float column would make a loop of byte columns run
  // 8 rows per step instead of 64. A segment that names one in any open
  // group closes them all, so every group runs after the groups of the
  // segments it names.
  std::vector<std::vector<size_t>> groups;
  std::map<int, std::optional<size_t>> open;
  for (size_t segment : segments) {
    for (size_t referenced : program.segments[segment].references) {
      for (auto& [kind, group] : open) {
        if (group && std::find(groups[*group].begin(), groups[*group].end(), referenced) !=
                         groups[*group].end()) {
          open.clear();
          break;
        }
      }
    }
    const ast::Expr& where = *program.segments[segment].declaration->where;
    const bool straight = is_straight(where, program, table, dependencies);
    std::optional<size_t>& group = open[straight ? widest_lane(where, table, dependencies) : 0];
    if (!group || groups[*group].size() >= max_size) {
      group = groups.size();
      groups.emplace_back();
    }
    groups[*group].push_back(segment);
  }
  return groups;
}

// One loop nest computes every segment of the group:
//
// uint8_t results[k][64] = {0};
// for (w = first; w < end; ++w) {
//   n = min(64, rows - 64 * w);
//   (each bitmap the rows read: its word w spread into 64 bytes)
//   for (i = 0; i < n; ++i) {
//     results[0][i] = is_true_0(64 * w + i); ... results[k-1][i] = is_true_k-1(...);
//   }
//   members[segment_j][w] = (bits of results[j][i] != 0) & (~0ull >> (64 - n));
// }
//
// The conditions share one row body, so a column, a presence word or a
// sub-expression that several of them read is loaded or computed once
// (EarlyCSE), and the row loop is vectorised once for all of them.
llvm::Error emit_segment_group(EmitEnvironment& env, const std::vector<size_t>& segments,
                               const std::string& group_name) {
  llvm::Module& module = env.module;
  llvm::LLVMContext& context = module.getContext();
  auto* function = llvm::Function::Create(entry_type(context), llvm::Function::ExternalLinkage,
                                          group_name, module);
  function->addFnAttr(llvm::Attribute::NoUnwind);
  auto* entry = llvm::BasicBlock::Create(context, "entry", function);
  auto* outer_check = llvm::BasicBlock::Create(context, "word.check", function);
  auto* outer_body = llvm::BasicBlock::Create(context, "word.body", function);
  auto* inner_check = llvm::BasicBlock::Create(context, "row.check", function);
  auto* inner_body = llvm::BasicBlock::Create(context, "row.body", function);
  auto* outer_latch = llvm::BasicBlock::Create(context, "word.store", function);
  auto* exit = llvm::BasicBlock::Create(context, "exit", function);

  llvm::Value* args = function->getArg(0);
  llvm::Value* first_word = function->getArg(1);
  llvm::Value* end_word = function->getArg(2);
  llvm::IRBuilder<> b(entry);
  llvm::Type* i64 = b.getInt64Ty();
  llvm::Value* rows = b.CreateLoad(i64, b.CreateConstGEP1_64(b.getPtrTy(), args, 2), "rows");
  llvm::Value* members = b.CreateLoad(b.getPtrTy(), b.CreateConstGEP1_64(b.getPtrTy(), args, 1));
  // Row i's result goes to byte i of the segment's results; the bytes become
  // the word after the loop. A shift-and-or into the word instead would make
  // the loop's lanes 64 bits wide and vectorise 8 rows at a time, not 32-64.
  llvm::Type* lanes = llvm::ArrayType::get(b.getInt8Ty(), 64);
  std::vector<llvm::Value*> outs;
  std::vector<llvm::AllocaInst*> results;
  for (size_t segment : segments) {
    const std::string& name = env.program.segments[segment].name;
    outs.push_back(
        b.CreateLoad(b.getPtrTy(), b.CreateConstGEP1_64(b.getPtrTy(), members, segment), name));
    results.push_back(b.CreateAlloca(lanes, nullptr, name + ".results"));
    // A cache line each, so the bytes' store is forwarded to the load that
    // packs them (see ExprEmitter::bitmap_bit).
    results.back()->setAlignment(llvm::Align(64));
    b.CreateMemSet(results.back(), b.getInt8(0), 64, llvm::MaybeAlign(64));
  }
  llvm::Instruction* to_loops = b.CreateBr(outer_check);
  llvm::IRBuilder<> hoisted(to_loops);  // loop-invariant loads go before the branch

  b.SetInsertPoint(outer_check);
  llvm::PHINode* word = b.CreatePHI(i64, 2, "word");
  word->addIncoming(first_word, entry);
  b.CreateCondBr(b.CreateICmpULT(word, end_word), outer_body, exit);

  b.SetInsertPoint(outer_body);
  llvm::Value* base = b.CreateShl(word, 6, "base", /*HasNUW=*/true, /*HasNSW=*/true);
  llvm::Value* remaining = b.CreateSub(rows, base);
  llvm::Value* count = b.CreateSelect(b.CreateICmpULT(remaining, b.getInt64(64)), remaining,
                                      b.getInt64(64), "count");
  llvm::Instruction* to_rows = b.CreateBr(inner_check);
  llvm::IRBuilder<> word_start(to_rows);  // per-word loads go before the row loop

  b.SetInsertPoint(inner_check);
  llvm::PHINode* bit = b.CreatePHI(i64, 2, "bit");
  bit->addIncoming(b.getInt64(0), outer_body);
  b.CreateCondBr(b.CreateICmpULT(bit, count), inner_body, outer_latch);

  b.SetInsertPoint(inner_body);
  llvm::Value* row = b.CreateAdd(base, bit, "row", /*HasNUW=*/true, /*HasNSW=*/true);
  // One emitter for the group: its caches of column pointers and spread
  // bitmaps are shared by the segments.
  ExprEmitter emitter(env, b, hoisted, RowPosition{args, row, word, bit, &word_start});
  for (size_t i = 0; i < segments.size(); ++i) {
    const CheckedSegment& checked = env.program.segments[segments[i]];
    const Tri result = emitter.condition(*checked.declaration->where);
    if (!emitter.error().empty()) {
      return llvm::createStringError(
          fmt::format("segment '{}': {}", checked.name, emitter.error()));
    }
    b.CreateStore(b.CreateZExt(result.is_true, b.getInt8Ty()),
                  b.CreateGEP(b.getInt8Ty(), results[i], bit));
  }
  llvm::Value* next_bit = b.CreateAdd(bit, b.getInt64(1));
  llvm::BasicBlock* body_end = b.GetInsertBlock();
  b.CreateBr(inner_check);
  bit->addIncoming(next_bit, body_end);

  // Bytes past `count` are left from an earlier word: the mask drops them.
  b.SetInsertPoint(outer_latch);
  auto* byte_lanes = llvm::FixedVectorType::get(b.getInt8Ty(), 64);
  llvm::Value* valid = b.CreateLShr(b.getInt64(~uint64_t{0}), b.CreateSub(b.getInt64(64), count));
  for (size_t i = 0; i < segments.size(); ++i) {
    llvm::Value* packed = b.CreateBitCast(
        b.CreateICmpNE(b.CreateAlignedLoad(byte_lanes, results[i], results[i]->getAlign()),
                       llvm::Constant::getNullValue(byte_lanes)),
        i64);
    b.CreateStore(b.CreateAnd(packed, valid), b.CreateGEP(i64, outs[i], word));
  }
  word->addIncoming(b.CreateAdd(word, b.getInt64(1)), outer_latch);
  b.CreateBr(outer_check);

  b.SetInsertPoint(exit);
  b.CreateRetVoid();
  return llvm::Error::success();
}

void emit_entry(llvm::Module& module, const std::vector<std::string>& groups,
                const std::string& entry_name) {
  llvm::LLVMContext& context = module.getContext();
  auto* entry = llvm::Function::Create(entry_type(context), llvm::Function::ExternalLinkage,
                                       entry_name, module);
  entry->addFnAttr(llvm::Attribute::NoUnwind);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(context, "entry", entry));
  for (const std::string& group : groups) {
    llvm::FunctionCallee function = module.getOrInsertFunction(group, entry_type(context));
    b.CreateCall(function, {entry->getArg(0), entry->getArg(1), entry->getArg(2)});
  }
  b.CreateRetVoid();
}

}  // namespace segc::codegen
