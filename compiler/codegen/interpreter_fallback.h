// The escape hatch for sub-expressions the IR emitter does not lower itself
// (text functions over values from two columns, sets combined by coalesce,
// ...): generated code calls segc_interpret_row, which runs the reference
// interpreter on that one row. Only scalar results travel back (bool, int,
// decimal, float, date, enum), so the emitter falls back at the nearest
// enclosing node of such a type.
#pragma once

#include <cstdint>

#include "evaluate/reference_interpreter.h"

namespace segc::codegen {

// One call site: what to evaluate. Owned by the compiled rule set.
struct FallbackSite {
  const CheckedProgram* program = nullptr;
  const ast::Expr* expr = nullptr;
  evaluate::EvaluationContext context;
  Type type;  // the expression's checked type: how to encode the result
};

// One evaluation: where the row's data and earlier segments' bits are.
struct RunState {
  const CheckedProgram* program = nullptr;
  const runtime::Table* table = nullptr;
  const evaluate::SegmentMembership* membership = nullptr;
};

// The bits generated code reads for a present value of `type`: bools as 0/1,
// ints, dates, enum indices and decimal unscaled values (at the type's
// scale) as int64, floats as the double's bits. False when missing or not
// representable.
bool encode_value(const evaluate::Value& value, const Type& type, int64_t& bits);

}  // namespace segc::codegen
