// One customer of a table, for `segc explain`: field values come from the
// table, and segment membership is evaluated for this row only, on demand,
// and remembered. Explaining one customer therefore costs one row's
// evaluation, not the table's.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "evaluate/reference_interpreter.h"

namespace segc::evaluate {

class CustomerView final : public RowView {
 public:
  // `program`, `table` and `context` must outlive the view.
  CustomerView(const CheckedProgram& program, const runtime::Table& table, size_t row,
               const EvaluationContext& context);
  Value field(size_t field_index) const override;
  // As interpret_segments decides it: the rule is true (unknown is not a member).
  bool member(size_t segment_index) const override;

 private:
  const CheckedProgram& program_;
  const EvaluationContext& context_;
  SegmentMembership none_;  // TableRowView reads fields only here
  TableRowView fields_;
  mutable std::vector<std::optional<bool>> members_;
};

}  // namespace segc::evaluate
