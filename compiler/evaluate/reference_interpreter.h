// The reference interpreter: evaluates checked expressions one customer at a
// time, written for obviousness rather than speed. It defines what the JIT
// must compute (the differential tests compare the two bit for bit), explains
// test failures and `segc explain`, and decides, at bind time, the value of
// expressions that depend only on one dictionary-encoded column.
#pragma once

#include <cstddef>
#include <vector>

#include "evaluate/segment_membership.h"
#include "evaluate/value.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc::evaluate {

// What the interpreter can ask about one customer.
class RowView {
 public:
  virtual ~RowView() = default;
  // The value of schema field `field_index` (Missing when absent).
  virtual Value field(size_t field_index) const = 0;
  // Whether the customer is a member of segment `segment_index` (already
  // evaluated: segments are evaluated in CheckedProgram::evaluation_order).
  virtual bool member(size_t segment_index) const = 0;
};

// Row `row` of a table; `membership` holds the segments evaluated so far.
class TableRowView final : public RowView {
 public:
  TableRowView(const CheckedProgram& program, const runtime::Table& table,
               const SegmentMembership& membership, size_t row);
  Value field(size_t field_index) const override;
  bool member(size_t segment_index) const override;

 private:
  const CheckedProgram& program_;
  const runtime::Table& table_;
  const SegmentMembership& membership_;
  size_t row_;
};

// The value of a checked expression for one customer. Conditions give true,
// false or Missing (unknown); segment references give true or false.
Value evaluate_expression(const CheckedProgram& program, const ast::Expr& expr, const RowView& row,
                          const EvaluationContext& context);

// The segments in `wanted` and all they reference, in evaluation order.
std::vector<size_t> segments_to_evaluate(const CheckedProgram& program,
                                         const std::vector<size_t>& wanted);

// Membership of every segment in `segments_to_evaluate(program, wanted)` for
// every row of `table` (whose columns follow the program's schema).
SegmentMembership interpret_segments(const CheckedProgram& program, const runtime::Table& table,
                                     const std::vector<size_t>& wanted,
                                     const EvaluationContext& context);

}  // namespace segc::evaluate
