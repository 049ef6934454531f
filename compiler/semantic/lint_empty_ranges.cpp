// W0603: `x between 40 and 25`.
//
// `between` is inclusive and takes the lower bound first (LANGUAGE.md section
// 5: `a <= x and x <= b`), so with the bounds swapped no customer matches. That
// is never intended: it is almost always the two numbers written the wrong way
// round, and the help says so. Bounds count when both are literals: numbers
// (int and decimal compared exactly), dates, strings (by code point) and enum
// members (by declaration order, as `<` orders them).
#include <fmt/format.h>

#include <optional>
#include <string>

#include "diagnostics/codes.h"
#include "semantic/lints.h"

namespace segc::lint {
namespace {

// "is greater than" / "is later than" / "comes after" when the constant bounds
// are reversed for a value of `type`; nullopt when they are not (or are not
// constants).
std::optional<std::string> reversal(const Type& type, const ast::Expr& low_expr,
                                    const ast::Expr& high_expr) {
  const ast::Expr& low = ast::skip_parens(low_expr);
  const ast::Expr& high = ast::skip_parens(high_expr);
  if (type.is_numeric()) {
    auto a = number_constant(low);
    auto b = number_constant(high);
    if (a && b && compare_numbers(*a, *b) > 0) return "is greater than";
    return std::nullopt;
  }
  if (type.is(TypeKind::Date)) {
    const auto* a = low.as<ast::DateLiteral>();
    const auto* b = high.as<ast::DateLiteral>();
    if (a && b && a->days > b->days) return "is later than";
    return std::nullopt;
  }
  if (!type.is_textual()) return std::nullopt;
  const auto* a = low.as<ast::StringLiteral>();
  const auto* b = high.as<ast::StringLiteral>();
  if (a == nullptr || b == nullptr) return std::nullopt;
  if (type.is(TypeKind::Enum)) {
    const int i = type.enumeration->index_of(a->value);
    const int j = type.enumeration->index_of(b->value);
    // An unknown member was reported as E0203 already.
    if (i >= 0 && j >= 0 && i > j) return "comes after";
    return std::nullopt;
  }
  // Byte order of UTF-8 is code point order, which is how strings compare.
  if (a->value > b->value) return "comes after";
  return std::nullopt;
}

void check(const ast::Expr& expr, const CheckedProgram& program, const SourceManager& sources,
           DiagnosticList& warnings) {
  for_each_child(expr, [&](const ast::Expr& child) { check(child, program, sources, warnings); });
  const auto* between = expr.as<ast::BetweenExpr>();
  if (between == nullptr) return;
  const Type* type = usable_type(program, *between->value);
  if (type == nullptr || !usable_type(program, *between->low) ||
      !usable_type(program, *between->high)) {
    return;
  }
  auto reversed = reversal(*type, *between->low, *between->high);
  if (!reversed) return;
  const std::string low = source_snippet(sources, between->low->range);
  const std::string high = source_snippet(sources, between->high->range);
  const std::string value = source_snippet(sources, between->value->range);
  std::string help = "write the smaller bound first";
  if (!low.empty() && !high.empty() && !value.empty()) {
    help = fmt::format("write the smaller bound first: {} between {} and {}", value, high, low);
  }
  warnings.warning(codes::kEmptyRange, expr.range,
                   fmt::format("this range is empty: {} {} {}, so no customer matches",
                               low.empty() ? "the lower bound" : low, *reversed,
                               high.empty() ? "the upper bound" : high),
                   help);
}

}  // namespace

void check_empty_ranges(const CheckedProgram& program, const SourceManager& sources,
                        DiagnosticList& warnings) {
  for (const CheckedSegment& segment : program.segments) {
    if (segment.declaration != nullptr && segment.declaration->where) {
      check(*segment.declaration->where, program, sources, warnings);
    }
  }
}

}  // namespace segc::lint
