// The functions of one rule set: one function per segment, looping over
// 64-row words and, inside each, over rows without branches; and the
// exported entry that runs them in evaluation order over a word range
// (run_args.h). The segment functions may be spread over several modules,
// compiled in parallel, so they are external and the entry declares those
// of other modules.
#pragma once

#include <llvm/Support/Error.h>

#include <string>
#include <vector>

#include "codegen/ir_emitter.h"

namespace segc::codegen {

// Adds the functions of `segments` to env.module, named
// segment_function_name(). Fails (naming the construct) only for what
// neither the emitter nor the interpreter fallback can evaluate.
llvm::Error emit_segment_functions(EmitEnvironment& env, const std::vector<size_t>& segments,
                                   const std::string& entry_name);

// Adds the exported entry `entry_name` to `module`: it calls the functions
// of `segments` in this order, wherever they are defined.
void emit_entry(llvm::Module& module, const CheckedProgram& program,
                const std::vector<size_t>& segments, const std::string& entry_name);

// Unique in the JIT because entry names are.
std::string segment_function_name(const CheckedProgram& program, size_t segment,
                                  const std::string& entry_name);

}  // namespace segc::codegen
