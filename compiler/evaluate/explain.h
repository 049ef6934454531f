// "Why is this customer (not) in the segment?": the value of every
// sub-expression of a segment's rule for one customer, one per line, indented
// by nesting. Referenced segments are explained in turn, so a test failure or
// `segc explain` shows every value that decided the outcome.
#pragma once

#include <string>
#include <vector>

#include "evaluate/reference_interpreter.h"
#include "source/source_file.h"

namespace segc::evaluate {

struct ExplainLimits {
  int max_segment_depth = 4;   // referenced segments explained this deep
  size_t max_lines = 200;      // then "..." (rules can be long)
  // A segment not expanded for depth says which --depth would expand it
  // (segc explain), rather than a bare "...".
  bool name_depth_flag = false;
};

// One line of an explanation: a segment (its name; value "true" when the
// customer is a member, else "false"), a sub-expression (its source text and
// value: "true", "false", "unknown", or the number, date, string or set it
// computes, as show_value writes them), or "..." where a limit cut it short.
struct ExplainNode {
  enum class Kind { Segment, Expression, Cut };
  Kind kind = Kind::Expression;
  std::string text;
  std::string value;
  std::vector<ExplainNode> children;
};

// The tree of `segment` for one customer; `limits.max_lines` counts nodes.
ExplainNode explain_tree(const CheckedProgram& program, const SourceManager& sources, size_t segment,
                         const RowView& row, const EvaluationContext& context, const ExplainLimits& limits = {});

// Lines like "    age between 18 and 25 → false", starting at `indent`
// spaces; a segment's line says "member" or "not a member".
std::string render_explanation(const ExplainNode& tree, int indent = 0);

// explain_tree, rendered.
std::string explain_segment(const CheckedProgram& program, const SourceManager& sources,
                            size_t segment, const RowView& row, const EvaluationContext& context,
                            int indent = 0, const ExplainLimits& limits = {});

// The source text of `range`, on one line (runs of whitespace become one space).
std::string source_text(const SourceManager& sources, const SourceRange& range);

}  // namespace segc::evaluate
