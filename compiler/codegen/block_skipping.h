// Block skipping: a block of rows (runtime::kBlockRows, the 64 words
// CompiledRuleSet::evaluate hands the generated code at a time) where no
// segment of a fused group can be true is not evaluated at all, its words
// left zero, when the block statistics of the columns (runtime/block_stats.h)
// show it.
//
// What a segment needs is read off the top-level `and` of its condition:
// each conjunct that compares an Int or Date field with a constant
// (`age >= 18`, `last_purchase between today - 90 days and today - 30 days`),
// or that is decided by one String or Enum field's dictionary code
// (`city in [...]`, `channel = "email"`), says the field must be present and
// its stored value (or code) within a range. A block where some such field
// has no present row, or its min/max lie outside the range, cannot hold a
// member. Anything else gives no range and never skips.
//
// When every conjunct gave a range that is exactly where it holds (not `!=`,
// not a code range with false codes inside it, nothing else), the ranges are
// exact: a block where every such field is present in every row and its
// min/max lie inside the range holds only members, and its words are set
// without evaluating it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "codegen/expression_dependencies.h"
#include "evaluate/segment_membership.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc::codegen {

// Rows can only be members where `field`'s stored value is in [low, high]
// (low > high: nowhere).
struct ValueRange {
  size_t field = 0;
  int64_t low = 0;
  int64_t high = 0;
};

struct SegmentRanges {
  std::vector<ValueRange> ranges;
  bool exact = false;  // the condition holds exactly where every range does
};

// The ranges `condition` implies, bound to `table` (dictionary codes).
SegmentRanges necessary_ranges(const CheckedProgram& program, DependencyMap& dependencies,
                               const ast::Expr& condition, const runtime::Table& table,
                               const evaluate::EvaluationContext& context);

// Whether block `block` of `table` may hold a row meeting every range.
// Ranges over columns without block statistics say yes.
bool block_may_match(const std::vector<ValueRange>& ranges, const runtime::Table& table,
                     size_t block);

// Whether every row of block `block` meets every range of exact `ranges`
// (no: ranges not exact, none, or a column without block statistics).
bool block_always_matches(const SegmentRanges& ranges, const runtime::Table& table, size_t block);

}  // namespace segc::codegen
