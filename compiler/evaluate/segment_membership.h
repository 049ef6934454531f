// What evaluating segments over a table produces, whichever engine ran.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/bitmap.h"

namespace segc::evaluate {

// The day `today` means (LANGUAGE.md section 5), fixed for one evaluation.
struct EvaluationContext {
  int32_t today = 0;  // days since 1970-01-01
};

struct SegmentMembership {
  // Indexed by segment index (CheckedProgram::segments). A segment that was
  // not asked for (nor referenced by one that was) has an empty bitmap.
  std::vector<runtime::Bitmap> members;
  std::vector<bool> computed;
};

// The segments to evaluate: `wanted` and everything they reference, in
// CheckedProgram::evaluation_order.
}  // namespace segc::evaluate
