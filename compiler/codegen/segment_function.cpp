#include "codegen/segment_function.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

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
    return is_masked_set(*contains->haystack, program, table) &&
           literal_elements(*contains).has_value();
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
  // 8 rows per step instead of 64. Groups run in the order they were
  // opened, so a segment joins an open group only if that group comes after
  // the groups of every segment it names; else it opens a new one.
  //
  // Segments that read the same columns are taken one after the other, so
  // that they share groups: a group loads a column once and computes a
  // condition several of its segments test once, where segments spread
  // over groups in file order would each load and compare again. A segment
  // still comes after every segment it names (its level is higher).
  struct Order {
    size_t level = 0;  // 0 names no segment, else 1 + the highest level it names
    int kind = 0;      // the group kind above
    std::vector<size_t> fields;
  };
  std::vector<Order> order(program.segments.size());
  for (size_t segment : segments) {
    Order& mine = order[segment];
    for (size_t referenced : program.segments[segment].references) {
      mine.level = std::max(mine.level, order[referenced].level + 1);
    }
    const ast::Expr& where = *program.segments[segment].declaration->where;
    mine.kind = is_straight(where, program, table, dependencies)
                    ? widest_lane(where, table, dependencies)
                    : 0;
    mine.fields = dependencies.of(where).fields;
  }
  std::vector<size_t> sorted = segments;
  std::stable_sort(sorted.begin(), sorted.end(), [&](size_t a, size_t b) {
    return std::tie(order[a].level, order[a].kind, order[a].fields) <
           std::tie(order[b].level, order[b].kind, order[b].fields);
  });

  std::vector<std::vector<size_t>> groups;
  std::map<int, std::optional<size_t>> open;
  std::vector<size_t> group_of(program.segments.size(), 0);
  for (size_t segment : sorted) {
    std::optional<size_t> after;  // the latest group of a segment it names
    for (size_t referenced : program.segments[segment].references) {
      after = std::max(after.value_or(0), group_of[referenced]);
    }
    std::optional<size_t>& group = open[order[segment].kind];
    if (!group || groups[*group].size() >= max_size || (after && *group <= *after)) {
      group = groups.size();
      groups.emplace_back();
    }
    groups[*group].push_back(segment);
    group_of[segment] = *group;
  }
  return groups;
}

// A group is word code (emit_word_code below: each segment's member word
// computed on 64 lanes at once, no loop over rows) unless a segment needs
// row code. Then two loop nests compute every segment of the group:
//
// uint8_t results[k][64] = {0};
// full = min(max(first, rows / 64), end);
// for (w = first; w < full; ++w) rows_of_word(w, 64);   // vectorised
// for (w = full; w < end; ++w) rows_of_word(w, rows - 64 * w);  // the last, partial word
//
// rows_of_word(w, n):
//   (each bitmap the rows read: its word w spread into 64 bytes)
//   for (i = 0; i < n; ++i) {
//     results[0][i] = is_true_0(64 * w + i); ... results[k-1][i] = is_true_k-1(...);
//   }
//   members[segment_j][w] = (bits of results[j][i] != 0) & (~0ull >> (64 - n));
//
// The conditions share one row body, so a column, a presence word or a
// sub-expression that several of them read is loaded or computed once
// (EarlyCSE), and the row loop is vectorised once for all of them. Full
// words get their own copy of the body with a constant 64 rows, which the
// vectoriser turns into straight-line vector code without remainder loops
// or trip-count checks; the partial word's copy is left scalar.
namespace {

struct GroupFrame {
  llvm::Function* function;
  llvm::Value* args;
  llvm::Value* rows;
  std::vector<llvm::Value*> outs;              // members[segment] word arrays
  std::vector<llvm::AllocaInst*> results;      // [64 x i8] per segment
  llvm::IRBuilder<>* hoisted;                  // before the entry's terminator
};

// Emits `for (w = from; w < to; ++w) rows_of_word(w, full ? 64 : rows - 64 w)`
// starting in `start` and ending in `done`. Returns the emitter's error, if any.
std::string emit_word_loop(EmitEnvironment& env, const std::vector<size_t>& segments,
                           const GroupFrame& frame, llvm::BasicBlock* start, llvm::Value* from,
                           llvm::Value* to, bool full, llvm::BasicBlock* done) {
  llvm::LLVMContext& context = env.module.getContext();
  llvm::Function* function = frame.function;
  const std::string kind = full ? "full" : "tail";
  auto* outer_check = llvm::BasicBlock::Create(context, kind + ".word.check", function);
  auto* outer_body = llvm::BasicBlock::Create(context, kind + ".word.body", function);
  auto* inner_check = llvm::BasicBlock::Create(context, kind + ".row.check", function);
  auto* inner_body = llvm::BasicBlock::Create(context, kind + ".row.body", function);
  auto* outer_latch = llvm::BasicBlock::Create(context, kind + ".word.store", function);

  llvm::IRBuilder<> b(start);
  llvm::Type* i64 = b.getInt64Ty();
  b.CreateBr(outer_check);

  b.SetInsertPoint(outer_check);
  llvm::PHINode* word = b.CreatePHI(i64, 2, "word");
  word->addIncoming(from, start);
  b.CreateCondBr(b.CreateICmpULT(word, to), outer_body, done);

  b.SetInsertPoint(outer_body);
  llvm::Value* base = b.CreateShl(word, 6, "base", /*HasNUW=*/true, /*HasNSW=*/true);
  llvm::Value* count = b.getInt64(64);
  if (!full) {
    llvm::Value* remaining = b.CreateSub(frame.rows, base);
    count = b.CreateSelect(b.CreateICmpULT(remaining, b.getInt64(64)), remaining, b.getInt64(64),
                           "count");
  }
  llvm::Instruction* to_rows = b.CreateBr(inner_check);
  llvm::IRBuilder<> word_start(to_rows);  // per-word loads go before the row loop

  b.SetInsertPoint(inner_check);
  llvm::PHINode* bit = b.CreatePHI(i64, 2, "bit");
  bit->addIncoming(b.getInt64(0), outer_body);
  b.CreateCondBr(b.CreateICmpULT(bit, count), inner_body, outer_latch);

  b.SetInsertPoint(inner_body);
  llvm::Value* row = b.CreateAdd(base, bit, "row", /*HasNUW=*/true, /*HasNSW=*/true);
  // One emitter per loop nest: its caches of column pointers and spread
  // bitmaps are shared by the group's segments.
  ExprEmitter emitter(env, b, *frame.hoisted, RowPosition{frame.args, row, word, bit, &word_start});
  for (size_t i = 0; i < segments.size(); ++i) {
    const CheckedSegment& checked = env.program.segments[segments[i]];
    const Tri result = emitter.condition(*checked.declaration->where);
    if (!emitter.error().empty()) return fmt::format("segment '{}': {}", checked.name, emitter.error());
    b.CreateStore(b.CreateZExt(result.is_true, b.getInt8Ty()),
                  b.CreateGEP(b.getInt8Ty(), frame.results[i], bit));
  }
  llvm::Value* next_bit = b.CreateAdd(bit, b.getInt64(1));
  llvm::BasicBlock* body_end = b.GetInsertBlock();
  llvm::Instruction* back = b.CreateBr(inner_check);
  bit->addIncoming(next_bit, body_end);
  if (!full) {
    // One partial word per table: not worth vectorising (nor compiling so).
    llvm::MDNode* disable = llvm::MDNode::get(
        context, {llvm::MDString::get(context, "llvm.loop.vectorize.enable"),
                  llvm::ConstantAsMetadata::get(b.getFalse())});
    llvm::MDNode* unroll = llvm::MDNode::get(
        context, {llvm::MDString::get(context, "llvm.loop.unroll.disable")});
    llvm::MDNode* loop = llvm::MDNode::getDistinct(context, {nullptr, disable, unroll});
    loop->replaceOperandWith(0, loop);
    back->setMetadata(llvm::LLVMContext::MD_loop, loop);
  }

  // Bytes past `count` are left from an earlier word: the mask drops them.
  b.SetInsertPoint(outer_latch);
  auto* byte_lanes = llvm::FixedVectorType::get(b.getInt8Ty(), 64);
  llvm::Value* valid =
      full ? b.getInt64(~uint64_t{0})
           : b.CreateLShr(b.getInt64(~uint64_t{0}), b.CreateSub(b.getInt64(64), count));
  for (size_t i = 0; i < segments.size(); ++i) {
    llvm::AllocaInst* bytes = frame.results[i];
    llvm::Value* packed = b.CreateBitCast(
        b.CreateICmpNE(b.CreateAlignedLoad(byte_lanes, bytes, bytes->getAlign()),
                       llvm::Constant::getNullValue(byte_lanes)),
        i64);
    b.CreateStore(b.CreateAnd(packed, valid), b.CreateGEP(i64, frame.outs[i], word));
  }
  word->addIncoming(b.CreateAdd(word, b.getInt64(1)), outer_latch);
  b.CreateBr(outer_check);
  return "";
}

// Word code for the words [first, end) of `segments`, all of 64 rows, as
// the exported function `name`; false (nothing added to the module) when a
// segment needs row code (ExprEmitter::scalar_only_reason):
//
// for (w = first; w < end; ++w) {
//   members[segment_0][w] = is_true_0(rows 64 w .. 64 w + 63);
//   ...
//   members[segment_k-1][w] = is_true_k-1(rows 64 w .. 64 w + 63);
// }
//
// Each word is stored as soon as it is computed, so that it does not stay
// in a register through the rest of the body. A column, a presence word or
// a condition that several segments read is still loaded or computed once
// (EarlyCSE): the table's loads are !invariant.load (ir_emit_columns.cpp),
// so the stores in between do not make them read again.
bool emit_word_code(EmitEnvironment& env, const std::vector<size_t>& segments,
                    const std::string& name) {
  llvm::Module& module = env.module;
  llvm::LLVMContext& context = module.getContext();
  auto* function = llvm::Function::Create(entry_type(context), llvm::Function::ExternalLinkage,
                                          name, module);
  function->addFnAttr(llvm::Attribute::NoUnwind);
  // The vectors are 64 lanes: on AVX-512 in whole registers with mask
  // registers, rather than split in halves as CPUs that prefer 256-bit
  // vectors get by default. (Nothing changes on AVX2.)
  function->addFnAttr("prefer-vector-width", "512");
  auto* entry = llvm::BasicBlock::Create(context, "entry", function);
  auto* check = llvm::BasicBlock::Create(context, "lanes.check", function);
  auto* body = llvm::BasicBlock::Create(context, "lanes.body", function);
  auto* exit = llvm::BasicBlock::Create(context, "exit", function);
  llvm::Value* args = function->getArg(0);
  llvm::IRBuilder<> b(entry);
  llvm::Type* i64 = b.getInt64Ty();
  llvm::Value* members = b.CreateLoad(b.getPtrTy(), b.CreateConstGEP1_64(b.getPtrTy(), args, 1));
  std::vector<llvm::Value*> outs;
  for (size_t segment : segments) {
    outs.push_back(b.CreateLoad(b.getPtrTy(), b.CreateConstGEP1_64(b.getPtrTy(), members, segment),
                                env.program.segments[segment].name));
  }
  llvm::IRBuilder<> hoisted(b.CreateBr(check));

  b.SetInsertPoint(check);
  llvm::PHINode* word = b.CreatePHI(i64, 2, "word");
  word->addIncoming(function->getArg(1), entry);
  b.CreateCondBr(b.CreateICmpULT(word, function->getArg(2)), body, exit);

  b.SetInsertPoint(body);
  llvm::Value* base = b.CreateShl(word, 6, "base", /*HasNUW=*/true, /*HasNSW=*/true);
  RowPosition position{args, base, word, nullptr, nullptr, /*whole_word=*/true};
  ExprEmitter emitter(env, b, hoisted, position);
  for (size_t i = 0; i < segments.size(); ++i) {
    const Tri result = emitter.condition(*env.program.segments[segments[i]].declaration->where);
    if (!emitter.scalar_only_reason().empty() || !emitter.error().empty()) {
      function->eraseFromParent();
      return false;
    }
    b.CreateStore(result.is_true, b.CreateGEP(i64, outs[i], word));  // the 64 rows' bits
  }
  word->addIncoming(b.CreateAdd(word, b.getInt64(1)), b.GetInsertBlock());
  b.CreateBr(check);

  b.SetInsertPoint(exit);
  b.CreateRetVoid();
  return true;
}

}  // namespace

llvm::Expected<GroupKind> emit_segment_group(EmitEnvironment& env,
                                             const std::vector<size_t>& segments,
                                             const std::string& group_name) {
  if (emit_word_code(env, segments, group_name)) return GroupKind::WordCode;
  llvm::Module& module = env.module;
  llvm::LLVMContext& context = module.getContext();
  auto* function = llvm::Function::Create(entry_type(context), llvm::Function::ExternalLinkage,
                                          group_name, module);
  function->addFnAttr(llvm::Attribute::NoUnwind);
  auto* entry = llvm::BasicBlock::Create(context, "entry", function);
  auto* tail = llvm::BasicBlock::Create(context, "tail", function);
  auto* exit = llvm::BasicBlock::Create(context, "exit", function);

  llvm::Value* args = function->getArg(0);
  llvm::Value* first_word = function->getArg(1);
  llvm::Value* end_word = function->getArg(2);
  llvm::IRBuilder<> b(entry);
  llvm::Type* i64 = b.getInt64Ty();
  GroupFrame frame{function, args, nullptr, {}, {}, nullptr};
  frame.rows = b.CreateLoad(i64, b.CreateConstGEP1_64(b.getPtrTy(), args, 2), "rows");
  llvm::Value* members = b.CreateLoad(b.getPtrTy(), b.CreateConstGEP1_64(b.getPtrTy(), args, 1));
  // Row i's result goes to byte i of the segment's results; the bytes become
  // the word after the loop. A shift-and-or into the word instead would make
  // the loop's lanes 64 bits wide and vectorise 8 rows at a time, not 32-64.
  llvm::Type* lanes = llvm::ArrayType::get(b.getInt8Ty(), 64);
  for (size_t segment : segments) {
    const std::string& name = env.program.segments[segment].name;
    frame.outs.push_back(
        b.CreateLoad(b.getPtrTy(), b.CreateConstGEP1_64(b.getPtrTy(), members, segment), name));
    frame.results.push_back(b.CreateAlloca(lanes, nullptr, name + ".results"));
    // A cache line each, so the bytes' store is forwarded to the load that
    // packs them (see ExprEmitter::bitmap_bit).
    frame.results.back()->setAlignment(llvm::Align(64));
    b.CreateMemSet(frame.results.back(), b.getInt8(0), 64, llvm::MaybeAlign(64));
  }
  // Words before `full` have 64 rows.
  llvm::Value* full_words = b.CreateLShr(frame.rows, 6);
  llvm::Value* full = b.CreateSelect(
      b.CreateICmpULT(full_words, first_word), first_word,
      b.CreateSelect(b.CreateICmpULT(end_word, full_words), end_word, full_words), "full");
  llvm::BasicBlock* loops = llvm::BasicBlock::Create(context, "loops", function, tail);
  llvm::Instruction* to_loops = b.CreateBr(loops);
  llvm::IRBuilder<> hoisted(to_loops);  // loop-invariant loads go before the branch
  frame.hoisted = &hoisted;

  std::string error = emit_word_loop(env, segments, frame, loops, first_word, full, true, tail);
  if (error.empty()) error = emit_word_loop(env, segments, frame, tail, full, end_word, false, exit);
  if (!error.empty()) return llvm::createStringError(error);

  b.SetInsertPoint(exit);
  b.CreateRetVoid();
  return GroupKind::RowCode;
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
