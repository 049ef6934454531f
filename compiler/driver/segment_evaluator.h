// One entry point for evaluating segments, whichever engine the user picked:
// the JIT (the default) or the reference interpreter (`--engine interpreter`,
// for cross-checking a surprising result). The evaluator owns the JIT engine,
// created on first use, so its caches live as long as the command; with
// CacheUse::Persistent the engine also reuses object code across runs
// (codegen/compile_cache.h).
#pragma once

#include <llvm/Support/Error.h>

#include <memory>
#include <string>
#include <vector>

#include "evaluate/segment_membership.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc {

namespace codegen {
class JitEngine;
}

enum class EngineKind { Jit, Interpreter };
// Persistent: the compile cache in CompileCache::default_directory().
enum class CacheUse { None, Persistent };

class SegmentEvaluator {
 public:
  SegmentEvaluator(EngineKind kind, unsigned threads, CacheUse cache = CacheUse::None);
  ~SegmentEvaluator();

  // Membership of `wanted` and every segment they reference.
  llvm::Expected<evaluate::SegmentMembership> evaluate(const CheckedProgram& program,
                                                       const runtime::Table& table,
                                                       const std::vector<size_t>& wanted,
                                                       const evaluate::EvaluationContext& context);

  // The optimised LLVM IR the JIT generates for `wanted` bound to `table`.
  llvm::Expected<std::string> llvm_ir(const CheckedProgram& program, const runtime::Table& table,
                                      const std::vector<size_t>& wanted,
                                      const evaluate::EvaluationContext& context);

  // Why the compile cache was not used (at most one message), for the user.
  std::vector<std::string> take_warnings();

 private:
  llvm::Error ensure_jit();

  EngineKind kind_;
  unsigned threads_;
  CacheUse cache_use_;
  std::vector<std::string> warnings_;
  std::unique_ptr<codegen::JitEngine> jit_;
};

// The number of threads `--threads 0` (the default) means: all cores.
unsigned default_thread_count();

}  // namespace segc
