// The functions of one rule set's module: one internal function per segment,
// looping over 64-row words and, inside each, over rows without branches;
// and the exported entry that runs them in evaluation order over a word
// range (run_args.h).
#pragma once

#include <llvm/Support/Error.h>

#include <string>
#include <vector>

#include "codegen/ir_emitter.h"

namespace segc::codegen {

// Adds the segment functions and the entry `entry_name` to env.module.
// Fails (naming the construct) only for what neither the emitter nor the
// interpreter fallback can evaluate.
llvm::Error emit_rule_set(EmitEnvironment& env, const std::vector<size_t>& segments,
                          const std::string& entry_name);

}  // namespace segc::codegen
