// The optimisation pipeline a rule set's module goes through before it is
// handed to the JIT: verification, then a short function pipeline tuned for
// the host CPU that gets the row loops vectorised. The full O3 module
// pipeline costs twice as long for the same loops: apart from inlining each
// segment's function into its group's, there is no interprocedural work.
#pragma once

#include <llvm/IR/Module.h>
#include <llvm/Support/Error.h>
#include <llvm/Target/TargetMachine.h>

namespace segc::codegen {

// An Error means the emitter produced invalid IR: a bug in segc.
llvm::Error optimize_module(llvm::Module& module, llvm::TargetMachine& target);

}  // namespace segc::codegen
