// Evaluating segments over a whole table, one row and one segment at a time.
#include <set>

#include "evaluate/expression_evaluator.h"
#include "evaluate/three_valued_logic.h"

namespace segc::evaluate {

std::vector<size_t> segments_to_evaluate(const CheckedProgram& program,
                                         const std::vector<size_t>& wanted) {
  std::set<size_t> needed;
  std::vector<size_t> pending = wanted;
  while (!pending.empty()) {
    const size_t segment = pending.back();
    pending.pop_back();
    if (!needed.insert(segment).second) continue;
    for (size_t reference : program.segments[segment].references) pending.push_back(reference);
  }
  std::vector<size_t> ordered;
  for (size_t segment : program.evaluation_order) {
    if (needed.contains(segment)) ordered.push_back(segment);
  }
  return ordered;
}

SegmentMembership interpret_segments(const CheckedProgram& program, const runtime::Table& table,
                                     const std::vector<size_t>& wanted,
                                     const EvaluationContext& context) {
  SegmentMembership membership;
  membership.members.resize(program.segments.size());
  membership.computed.assign(program.segments.size(), false);
  ExpressionEvaluator evaluator(program, context);
  for (size_t segment : segments_to_evaluate(program, wanted)) {
    // Referenced segments come earlier in the order, so their bits are final.
    runtime::Bitmap members(table.row_count);
    // A checked program without errors has a rule for every segment.
    const ast::Expr* where = program.segments[segment].declaration->where.get();
    for (size_t row = 0; where != nullptr && row < table.row_count; ++row) {
      const TableRowView view(program, table, membership, row);
      members.set(row, is_true(evaluator.evaluate(*where, view)));
    }
    membership.members[segment] = std::move(members);
    membership.computed[segment] = true;
  }
  return membership;
}

}  // namespace segc::evaluate
