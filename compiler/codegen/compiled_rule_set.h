// One compiled rule set: native code for some segments, specialised to one
// table, and the host data (strings, lookup tables, patterns) it points at.
#pragma once

#include <llvm/ExecutionEngine/Orc/Core.h>

#include <memory>
#include <string>
#include <vector>

#include "codegen/host_data.h"
#include "codegen/run_args.h"
#include "codegen/table_check.h"
#include "evaluate/segment_membership.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc::codegen {

class CompiledRuleSet {
 public:
  CompiledRuleSet(const CheckedProgram& program, std::vector<size_t> segments,
                  evaluate::EvaluationContext context, TableShape shape,
                  std::unique_ptr<HostData> host, llvm::orc::JITDylib* code, RuleSetEntry entry,
                  std::string ir);
  ~CompiledRuleSet();  // removes the code (its JITDylib) from the JIT
  CompiledRuleSet(const CompiledRuleSet&) = delete;
  CompiledRuleSet& operator=(const CompiledRuleSet&) = delete;

  // Evaluates over all rows: the words are split into contiguous ranges (so
  // multiples of 64 rows) over `threads` threads; the result is identical
  // for any thread count. `table` is the table given to compile(); a table
  // of another shape (widths, dictionaries) is evaluated by the interpreter
  // instead, so the result is right either way. A table that does not fit
  // the schema at all (see check_table) gives no segment computed.
  evaluate::SegmentMembership evaluate(const runtime::Table& table, unsigned threads) const;

  // The optimised modules' textual IR (`segc run --emit-llvm`), when
  // compiled with IrText::Keep; else empty.
  const std::string& llvm_ir() const { return ir_; }

 private:
  const CheckedProgram& program_;
  std::vector<size_t> segments_;  // evaluation order
  evaluate::EvaluationContext context_;
  TableShape shape_;  // of the table the code was specialised to
  std::unique_ptr<HostData> host_;
  llvm::orc::JITDylib* code_;
  RuleSetEntry entry_;
  std::string ir_;
};

}  // namespace segc::codegen
