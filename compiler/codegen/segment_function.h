// The functions of one rule set: per segment, loops over 64-row words and,
// inside each, over rows without branches; segments grouped into exported
// functions (runs of the evaluation order), which may be spread over several
// modules compiled in parallel; and the exported entry that calls the groups
// in order over a word range (run_args.h).
#pragma once

#include <llvm/Support/Error.h>

#include <string>
#include <vector>

#include "codegen/ir_emitter.h"

namespace segc::codegen {

// Adds to env.module the exported function `group_name` (same signature as
// the entry) that computes `segments`, a run of the evaluation order, one
// after the other. Fails (naming the construct) only for what neither the
// emitter nor the interpreter fallback can evaluate.
llvm::Error emit_segment_group(EmitEnvironment& env, const std::vector<size_t>& segments,
                               const std::string& group_name);

// Adds the exported entry `entry_name` to `module`: it calls `groups` in
// this order, wherever they are defined.
void emit_entry(llvm::Module& module, const std::vector<std::string>& groups,
                const std::string& entry_name);

}  // namespace segc::codegen
