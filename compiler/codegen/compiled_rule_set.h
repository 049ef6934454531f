// One compiled rule set: native code for some segments, specialised to one
// table, and the host data (strings, lookup tables, patterns) it points at.
#pragma once

#include <llvm/ExecutionEngine/Orc/Core.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "codegen/block_skipping.h"
#include "codegen/host_data.h"
#include "codegen/run_args.h"
#include "codegen/table_check.h"
#include "evaluate/segment_membership.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc::codegen {

// One fused group's exported function (segment_function.h), its segments
// and, per segment, the ranges its members need (block_skipping.h).
struct GroupCode {
  RuleSetEntry function = nullptr;
  GroupKind kind = GroupKind::RowCode;
  std::vector<size_t> segments;
  std::vector<SegmentRanges> segment_ranges;
  // Every segment has a range: a block may be found to hold no member.
  bool skippable() const;
  // Every segment's ranges are exact: a block may be found to hold only members.
  bool fillable() const;
  bool may_match(const runtime::Table& table, size_t block) const;
  bool always_matches(const runtime::Table& table, size_t block) const;
};

class CompiledRuleSet {
 public:
  CompiledRuleSet(const CheckedProgram& program, std::vector<size_t> segments,
                  evaluate::EvaluationContext context, TableShape shape,
                  std::unique_ptr<HostData> host, llvm::orc::JITDylib* code, RuleSetEntry entry,
                  std::vector<GroupCode> groups, std::string ir);
  ~CompiledRuleSet();  // removes the code (its JITDylib) from the JIT
  CompiledRuleSet(const CompiledRuleSet&) = delete;
  CompiledRuleSet& operator=(const CompiledRuleSet&) = delete;

  // Evaluates over all rows: the words are split into contiguous ranges (so
  // multiples of 64 rows) over `threads` threads; the result is identical
  // for any thread count. `table` is the table given to compile(); a table
  // of another shape (widths, dictionaries) is evaluated by the interpreter
  // instead, so the result is right either way. A table that does not fit
  // the schema at all (see check_table) gives no segment computed. Blocks
  // of 4096 rows where a group's segments cannot hold are not evaluated
  // (block_skipping.h).
  evaluate::SegmentMembership evaluate(const runtime::Table& table, unsigned threads) const;

  // The same, into `result`, whose member bitmaps are zeroed and written
  // again where they have the table's row count, instead of allocated: for
  // callers that evaluate again and again (a service, the bench). Fresh
  // bitmaps are memory the kernel must fault in and zero, 250 MB for 200
  // segments over 10M rows: on an idle bench machine about what the memset
  // here costs, with the other core busy half the pass (bench/RESULTS.md).
  void evaluate_into(const runtime::Table& table, unsigned threads, evaluate::SegmentMembership& result) const;

  // How many (block, group) evaluations block skipping has saved so far:
  // all, and those where the group's words were set to all members.
  uint64_t skipped_group_blocks() const { return skipped_.load(); }
  uint64_t filled_group_blocks() const { return filled_.load(); }

  // The optimised modules' textual IR (`segc run --emit-llvm`), when
  // compiled with IrText::Keep; else empty.
  const std::string& llvm_ir() const { return ir_; }

 private:
  // Words [0, words), all of 64 rows, split over `threads` threads in whole
  // blocks, skipping groups where block statistics allow.
  void evaluate_full_words(const runtime::Table& table, const SegcRunArgs& args,
                           const std::vector<uint64_t*>& members, uint64_t words,
                           unsigned threads) const;
  // Word `word`, the last, of fewer than 64 rows, every group.
  void evaluate_partial_word(const runtime::Table& table, const SegcRunArgs& args,
                             uint64_t word) const;

  const CheckedProgram& program_;
  std::vector<size_t> segments_;  // evaluation order
  evaluate::EvaluationContext context_;
  TableShape shape_;  // of the table the code was specialised to
  std::unique_ptr<HostData> host_;
  llvm::orc::JITDylib* code_;
  RuleSetEntry entry_;
  std::vector<GroupCode> groups_;  // in the entry's order
  std::vector<uint8_t> skippable_;  // per group: GroupCode::skippable()
  std::vector<uint8_t> fillable_;   // per group: GroupCode::fillable()
  bool skipping_ = false;           // some group is skippable or fillable
  std::string ir_;
  mutable std::atomic<uint64_t> skipped_{0};
  mutable std::atomic<uint64_t> filled_{0};
};

}  // namespace segc::codegen
