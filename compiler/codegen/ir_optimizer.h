// The optimisation pipeline a rule set's module goes through before it is
// handed to the JIT: verification, then LLVM's standard O3 pipeline (new
// PassBuilder) tuned for the host CPU, so loops over rows get unrolled and,
// where the row code allows, vectorised.
#pragma once

#include <llvm/IR/Module.h>
#include <llvm/Support/Error.h>
#include <llvm/Target/TargetMachine.h>

namespace segc::codegen {

// An Error means the emitter produced invalid IR: a bug in segc.
llvm::Error optimize_module(llvm::Module& module, llvm::TargetMachine& target);

}  // namespace segc::codegen
