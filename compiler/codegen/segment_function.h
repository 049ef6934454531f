// The functions of one rule set: per group of segments, a loop over 64-row
// words computing the group's segments together, each word on 64 lanes at
// once (word code) or, where a segment calls helpers, by a loop over its
// rows without branches; groups are exported functions (runs of the evaluation
// order), which may be spread over several
// modules compiled in parallel; and the exported entry that calls the groups
// in order over a word range (run_args.h).
#pragma once

#include <llvm/Support/Error.h>

#include <string>
#include <vector>

#include "codegen/ir_emitter.h"
#include "codegen/run_args.h"

namespace segc::codegen {

// Splits `segments` (in evaluation order) into groups of at most `max_size`
// computed together in one loop, run in the order returned. A segment never
// shares a group with one it names (whose words it reads), and segments
// whose row code vectorises are kept apart from those that call helpers, and
// from each other by the widest column they read; segments that read the
// same columns are put in the same groups, whatever their order in the file.
std::vector<std::vector<size_t>> fusion_groups(const CheckedProgram& program,
                                               const runtime::Table& table,
                                               DependencyMap& dependencies,
                                               const std::vector<size_t>& segments,
                                               size_t max_size);

// Adds to env.module the exported function `group_name` (same signature as
// the entry) that computes `segments` (one of fusion_groups()) in one pass
// over the rows. Fails (naming the construct) only for what neither the
// emitter nor the interpreter fallback can evaluate.
llvm::Expected<GroupKind> emit_segment_group(EmitEnvironment& env,
                                             const std::vector<size_t>& segments,
                                             const std::string& group_name);

// Adds the exported entry `entry_name` to `module`: it calls `groups` in
// this order, wherever they are defined.
void emit_entry(llvm::Module& module, const std::vector<std::string>& groups,
                const std::string& entry_name);

}  // namespace segc::codegen
