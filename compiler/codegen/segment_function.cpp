#include "codegen/segment_function.h"

#include <fmt/format.h>

namespace segc::codegen {
namespace {

llvm::FunctionType* entry_type(llvm::LLVMContext& context) {
  return llvm::FunctionType::get(llvm::Type::getVoidTy(context),
                                 {llvm::PointerType::get(context, 0),
                                  llvm::Type::getInt64Ty(context), llvm::Type::getInt64Ty(context)},
                                 false);
}

// uint8_t results[64] = {0};
// for (w = first; w < end; ++w) {
//   n = min(64, rows - 64 * w);
//   (each bitmap the rows read: its word w spread into 64 bytes)
//   for (i = 0; i < n; ++i) results[i] = is_true(64 * w + i);
//   members[segment][w] = (bits of results[i] != 0) & (~0ull >> (64 - n));
// }
llvm::Expected<llvm::Function*> emit_segment(EmitEnvironment& env, size_t segment) {
  llvm::Module& module = env.module;
  llvm::LLVMContext& context = module.getContext();
  const CheckedSegment& checked = env.program.segments[segment];
  auto* function = llvm::Function::Create(entry_type(context), llvm::Function::InternalLinkage,
                                          "segment." + checked.name, module);
  function->addFnAttr(llvm::Attribute::NoUnwind);
  // Inlined into its group's function: the code generator's fixed cost per
  // function is then paid once per group.
  function->addFnAttr(llvm::Attribute::AlwaysInline);
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
  llvm::Value* out =
      b.CreateLoad(b.getPtrTy(), b.CreateConstGEP1_64(b.getPtrTy(), members, segment), "out");
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

  // Row i's result goes to byte i; the bytes become the word after the
  // loop. A shift-and-or into the word instead would make the loop's lanes
  // 64 bits wide and vectorise 8 rows at a time rather than 32 or 64.
  llvm::Type* lanes = llvm::ArrayType::get(b.getInt8Ty(), 64);
  llvm::AllocaInst* results = hoisted.CreateAlloca(lanes, nullptr, "results");
  results->setAlignment(llvm::Align(16));
  hoisted.CreateMemSet(results, hoisted.getInt8(0), 64, llvm::MaybeAlign(16));
  b.SetInsertPoint(inner_body);
  llvm::Value* row = b.CreateAdd(base, bit, "row", /*HasNUW=*/true, /*HasNSW=*/true);
  ExprEmitter emitter(env, b, hoisted, RowPosition{args, row, word, bit, &word_start});
  const Tri result = emitter.condition(*checked.declaration->where);
  if (!emitter.error().empty()) {
    return llvm::createStringError(fmt::format("segment '{}': {}", checked.name, emitter.error()));
  }
  b.CreateStore(b.CreateZExt(result.is_true, b.getInt8Ty()),
                b.CreateGEP(b.getInt8Ty(), results, bit));
  llvm::Value* next_bit = b.CreateAdd(bit, b.getInt64(1));
  llvm::BasicBlock* body_end = b.GetInsertBlock();
  b.CreateBr(inner_check);
  bit->addIncoming(next_bit, body_end);

  // Bytes past `count` are left from an earlier word: the mask drops them.
  b.SetInsertPoint(outer_latch);
  auto* byte_lanes = llvm::FixedVectorType::get(b.getInt8Ty(), 64);
  llvm::Value* packed = b.CreateBitCast(
      b.CreateICmpNE(b.CreateAlignedLoad(byte_lanes, results, results->getAlign()),
                     llvm::Constant::getNullValue(byte_lanes)),
      i64);
  llvm::Value* valid = b.CreateLShr(b.getInt64(~uint64_t{0}), b.CreateSub(b.getInt64(64), count));
  b.CreateStore(b.CreateAnd(packed, valid), b.CreateGEP(i64, out, word));
  word->addIncoming(b.CreateAdd(word, b.getInt64(1)), outer_latch);
  b.CreateBr(outer_check);

  b.SetInsertPoint(exit);
  b.CreateRetVoid();
  return function;
}

}  // namespace

llvm::Error emit_segment_group(EmitEnvironment& env, const std::vector<size_t>& segments,
                               const std::string& group_name) {
  std::vector<llvm::Function*> functions;
  for (size_t segment : segments) {
    auto function = emit_segment(env, segment);
    if (!function) return function.takeError();
    functions.push_back(*function);
  }
  llvm::LLVMContext& context = env.module.getContext();
  auto* group = llvm::Function::Create(entry_type(context), llvm::Function::ExternalLinkage,
                                       group_name, env.module);
  group->addFnAttr(llvm::Attribute::NoUnwind);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(context, "entry", group));
  for (llvm::Function* function : functions) {
    b.CreateCall(function, {group->getArg(0), group->getArg(1), group->getArg(2)});
  }
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
