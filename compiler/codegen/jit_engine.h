// The JIT back end (issue 3): compiles a checked program's segments,
// specialised to one table, into native code with LLVM ORC (LLJIT, host
// CPU), optimising and compiling parts of a rule set on several threads.
// See calling_convention.md for what the generated code looks like
// and how it is called:
//
//   void segc_rules(const SegcRunArgs* args, uint64_t first_word,
//                   uint64_t end_word);
//
// (in the rule set's own JITDylib) computes membership words [first_word, end_word) of every segment, in
// evaluation order, writing bit r % 64 of word r / 64 for row r.
//
// With a CompileCache, each module's object code is looked up by a hash of
// its IR and the compiler's identity (compile_cache_key.h) before it is
// optimised and compiled, and stored afterwards.
#pragma once

#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/Support/Error.h>
#include <llvm/Target/TargetMachine.h>

#include <memory>
#include <mutex>
#include <vector>

#include "codegen/compile_cache.h"
#include "codegen/compiled_rule_set.h"
#include "evaluate/segment_membership.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc::codegen {

// Whether compile() keeps the optimised IR for CompiledRuleSet::llvm_ir():
// printing it costs time, and code from the cache has none, so asking for
// it also bypasses the cache.
enum class IrText { Discard, Keep };

class JitEngine {
 public:
  // Initialises the native target (once per process, thread-safe), detects
  // the host CPU and registers the runtime helpers. Without `cache` every
  // compile() generates code afresh.
  static llvm::Expected<std::unique_ptr<JitEngine>> create(
      std::unique_ptr<CompileCache> cache = nullptr);
  ~JitEngine();
  JitEngine(const JitEngine&) = delete;
  JitEngine& operator=(const JitEngine&) = delete;

  // Binds the program to this table (column widths, dictionaries, literal
  // codes, `today`) and compiles the segments in
  // evaluate::segments_to_evaluate(program, wanted). The result must not
  // outlive this engine, `program`, nor be used with a table other than
  // `table` (or one with the same dictionaries and widths). Thread-safe.
  llvm::Expected<std::unique_ptr<CompiledRuleSet>> compile(
      const CheckedProgram& program, const runtime::Table& table, const std::vector<size_t>& wanted,
      const evaluate::EvaluationContext& context, IrText ir = IrText::Discard);

  // The cache, if any (its counts and warnings).
  CompileCache* cache() { return cache_.get(); }

 private:
  JitEngine(std::unique_ptr<llvm::orc::LLJIT> jit,
            llvm::orc::JITTargetMachineBuilder machine_builder,
            std::unique_ptr<CompileCache> cache);
  // Makes sure there is a target machine for each of `count` compile threads.
  llvm::Error prepare_targets(size_t count);

  std::unique_ptr<llvm::orc::LLJIT> jit_;
  // Configured as the JIT's own (code model, relocations), for the objects
  // compiled here and handed to the JIT's linker.
  llvm::orc::JITTargetMachineBuilder machine_builder_;
  // One per compile thread: a TargetMachine is not shared between threads.
  std::vector<std::unique_ptr<llvm::TargetMachine>> targets_;
  std::unique_ptr<CompileCache> cache_;
  std::string compiler_identity_;  // of targets_[0], for cache keys
  std::mutex mutex_;               // one compilation at a time
  uint64_t next_id_ = 0;           // unique JITDylib names
};

}  // namespace segc::codegen
