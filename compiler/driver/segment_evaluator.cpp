#include "driver/segment_evaluator.h"

#include <thread>

#include "codegen/jit_engine.h"
#include "evaluate/reference_interpreter.h"

namespace segc {

SegmentEvaluator::SegmentEvaluator(EngineKind kind, unsigned threads)
    : kind_(kind), threads_(threads == 0 ? default_thread_count() : threads) {}

SegmentEvaluator::~SegmentEvaluator() = default;

unsigned default_thread_count() { return std::max(1u, std::thread::hardware_concurrency()); }

llvm::Error SegmentEvaluator::ensure_jit() {
  if (jit_) return llvm::Error::success();
  auto engine = codegen::JitEngine::create();
  if (!engine) return engine.takeError();
  jit_ = std::move(*engine);
  return llvm::Error::success();
}

llvm::Expected<evaluate::SegmentMembership> SegmentEvaluator::evaluate(
    const CheckedProgram& program, const runtime::Table& table, const std::vector<size_t>& wanted,
    const evaluate::EvaluationContext& context) {
  if (kind_ == EngineKind::Interpreter) {
    return evaluate::interpret_segments(program, table, wanted, context);
  }
  if (llvm::Error error = ensure_jit()) return error;
  auto compiled = jit_->compile(program, table, wanted, context);
  if (!compiled) return compiled.takeError();
  return (*compiled)->evaluate(table, threads_);
}

llvm::Expected<std::string> SegmentEvaluator::llvm_ir(const CheckedProgram& program,
                                                      const runtime::Table& table,
                                                      const std::vector<size_t>& wanted,
                                                      const evaluate::EvaluationContext& context) {
  if (llvm::Error error = ensure_jit()) return error;
  auto compiled = jit_->compile(program, table, wanted, context);
  if (!compiled) return compiled.takeError();
  return (*compiled)->llvm_ir();
}

}  // namespace segc
