#include "evaluate/customer_view.h"

#include "evaluate/three_valued_logic.h"

namespace segc::evaluate {

CustomerView::CustomerView(const CheckedProgram& program, const runtime::Table& table, size_t row,
                           const EvaluationContext& context)
    : program_(program),
      context_(context),
      fields_(program, table, none_, row),
      members_(program.segments.size()) {}

Value CustomerView::field(size_t field_index) const { return fields_.field(field_index); }

bool CustomerView::member(size_t segment_index) const {
  std::optional<bool>& known = members_[segment_index];
  if (!known) {
    // References form no cycle (the checker refuses them), so this recursion ends.
    const ast::Expr* where = program_.segments[segment_index].declaration->where.get();
    known = where != nullptr && is_true(evaluate_expression(program_, *where, *this, context_));
  }
  return *known;
}

}  // namespace segc::evaluate
