#include "driver/segment_evaluator.h"

#include <thread>
#include <utility>

#include "codegen/jit_engine.h"
#include "evaluate/reference_interpreter.h"

namespace segc {

SegmentEvaluator::SegmentEvaluator(EngineKind kind, unsigned threads, CacheUse cache)
    : kind_(kind), threads_(threads == 0 ? default_thread_count() : threads), cache_use_(cache) {}

SegmentEvaluator::~SegmentEvaluator() = default;

unsigned default_thread_count() { return std::max(1u, std::thread::hardware_concurrency()); }

llvm::Error SegmentEvaluator::ensure_jit() {
  if (jit_) return llvm::Error::success();
  std::unique_ptr<codegen::CompileCache> cache;
  if (cache_use_ == CacheUse::Persistent) {
    if (auto directory = codegen::CompileCache::default_directory()) {
      cache = std::make_unique<codegen::CompileCache>(
          *directory, codegen::CompileCache::default_size_limit(warnings_));
    } else {
      warnings_.push_back(
          "compile cache not used: no folder for it (set SEGC_CACHE_DIR, XDG_CACHE_HOME or HOME)");
    }
  }
  auto engine = codegen::JitEngine::create(std::move(cache));
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
  auto compiled = jit_->compile(program, table, wanted, context, codegen::IrText::Keep);
  if (!compiled) return compiled.takeError();
  return (*compiled)->llvm_ir();
}

std::vector<std::string> SegmentEvaluator::take_warnings() {
  std::vector<std::string> warnings = std::exchange(warnings_, {});
  if (jit_ && jit_->cache()) {
    for (std::string& warning : jit_->cache()->take_warnings()) {
      warnings.push_back(std::move(warning));
    }
  }
  return warnings;
}

}  // namespace segc
