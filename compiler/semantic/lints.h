// The warnings of LANGUAGE.md section 6: rules that are legal but most likely
// not what their author meant. They run after the checker, on a program that
// may still hold errors, so every lint looks only at expressions whose types
// are known, and the warnings it would add to an expression that already has
// an error are dropped (fix the error first). docs/warnings.md explains each
// warning to users.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "semantic/checked_program.h"
#include "source/source_file.h"
#include "syntax/ast_children.h"

namespace segc {

// Adds the warnings W0601..W0605 for every segment, partition, test and import
// of `program`.
void run_lints(const CheckedProgram& program, const SourceManager& sources,
               DiagnosticList& diagnostics);

// Drops the warnings silenced by `# segc: allow CODE[, CODE...]` comments: a
// comment after code silences warnings that start on its own line; a comment on
// a line of its own silences warnings that start on the line below it (see
// allow_comments.cpp). Errors are never silenced.
void apply_allow_comments(const CheckedProgram& program, DiagnosticList& diagnostics);

namespace lint {

// One function per warning; run_lints calls them in turn.
void check_missing_values(const CheckedProgram& program, const SourceManager& sources,
                          DiagnosticList& warnings);  // W0601
void check_constant_comparisons(const CheckedProgram& program, const SourceManager& sources,
                                DiagnosticList& warnings);  // W0602
void check_empty_ranges(const CheckedProgram& program, const SourceManager& sources,
                        DiagnosticList& warnings);  // W0603
void check_contradictions(const CheckedProgram& program, const SourceManager& sources,
                          DiagnosticList& warnings);  // W0604
void check_unused_imports(const CheckedProgram& program, const SourceManager& sources,
                          const DiagnosticList& reported, DiagnosticList& warnings);  // W0605

// ---- helpers shared by the lints (lints.cpp) --------------------------------

// The type of `expr`, or null when it was not typed or is an error (which was
// reported already).
const Type* usable_type(const CheckedProgram& program, const ast::Expr& expr);

// The schema field `expr` names (parentheses skipped), if it is a field.
std::optional<size_t> field_index(const CheckedProgram& program, const ast::Expr& expr);

// Calls `visit` on each direct sub-expression of `expr`.
using ast::for_each_child;

// An exact number: unscaled / 10^scale. Literals have at most 18 digits after
// the point and fit in 64 bits, so any two can be brought to one scale in 128
// bits without overflow.
struct ExactNumber {
  __int128 unscaled = 0;
  int scale = 0;
};

// The value of an int or decimal literal, possibly negated and parenthesised;
// nullopt for anything else, including literals that were reported as out of
// range (their stored value is a placeholder).
std::optional<ExactNumber> number_constant(const ast::Expr& expr);

// `value` rescaled to `scale` digits after the point: exact when `scale` is not
// smaller than value.scale, else rounded down (floor) or up (ceiling).
__int128 rescale(const ExactNumber& value, int scale, bool round_up);

std::strong_ordering compare_numbers(const ExactNumber& a, const ExactNumber& b);

// Digits after the point that `value` really needs ("10.50" needs 1).
int significant_scale(const ExactNumber& value);

// Whether `a` and `b` are written alike (fields, literals, function calls) and
// read at least one field: `age = age`, `lower(city) = lower(city)`.
bool same_field_expression(const CheckedProgram& program, const ast::Expr& a, const ast::Expr& b);

// The source text of `range` for quoting in messages: one line, shortened to
// about 60 code points; empty when the range spans lines.
std::string source_snippet(const SourceManager& sources, const SourceRange& range);

// How messages name an expression: 'age' for a field, else its source text in
// backticks, else `fallback`.
std::string describe_subject(const CheckedProgram& program, const SourceManager& sources,
                             const ast::Expr& expr, const std::string& fallback = "this value");

}  // namespace lint
}  // namespace segc
