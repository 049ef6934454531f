// "Why is this customer (not) in the segment?": the value of every
// sub-expression of a segment's rule for one customer, one per line, indented
// by nesting. Referenced segments are explained in turn, so a test failure or
// `segc explain` shows every value that decided the outcome.
#pragma once

#include <string>

#include "evaluate/reference_interpreter.h"
#include "source/source_file.h"

namespace segc::evaluate {

struct ExplainLimits {
  int max_segment_depth = 4;   // referenced segments explained this deep
  size_t max_lines = 200;      // then "..." (rules can be long)
};

// Lines like "    age between 18 and 25 → false", starting at `indent` spaces.
std::string explain_segment(const CheckedProgram& program, const SourceManager& sources,
                            size_t segment, const RowView& row, const EvaluationContext& context,
                            int indent = 0, const ExplainLimits& limits = {});

// The source text of `range`, on one line (runs of whitespace become one space).
std::string source_text(const SourceManager& sources, const SourceRange& range);

}  // namespace segc::evaluate
