// W0602: a comparison whose outcome the types already decide.
//
// Such conditions are legal, but nobody writes an always-false condition on
// purpose, and an always-true one usually means a typo in the value or a
// misunderstanding of the enum's order. Only what the schema and the functions
// guarantee is used; nothing is guessed from field names: `age < 0` is not
// reported, because `int` is signed (see docs/language-decisions.md).
//
// What is known:
// - an enum takes only its members, ordered by declaration (`tier >= "bronze"`);
// - some functions have a fixed range: size, length and abs are never
//   negative, month_of is 1..12, day_of_month 1..31, day_of_week 1..7,
//   days_until_birthday 0..365, bucket(n, ...) 0..n-1, and all but abs give
//   whole numbers;
// - an int is a whole number and a decimal(S) field has S digits after the
//   point, so `=` with a literal that has more digits never holds;
// - a value compared with itself (`age = age`).
// "Always" is about customers whose values are present: when a value is
// missing the comparison is unknown, as every comparison.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "diagnostics/codes.h"
#include "semantic/lints.h"
#include "syntax/literal_decoding.h"

namespace segc::lint {
namespace {

// The values an expression can take: whole numbers (or numbers, for abs) from
// `low` to `high` (unbounded when absent). Enums use declaration indices.
struct KnownRange {
  ExactNumber low;
  std::optional<ExactNumber> high;
  bool whole = true;
  const EnumType* enumeration = nullptr;  // set for enums
};

bool is_whole(const ExactNumber& value) { return significant_scale(value) == 0; }

ExactNumber whole_number(int64_t value) { return ExactNumber{value, 0}; }

// `v op constant` for every v in `range`: always true, always false, or nullopt.
std::optional<bool> decide(const KnownRange& range, ast::CompareOp op,
                           const ExactNumber& constant) {
  const auto low = compare_numbers(range.low, constant);  // low <=> c
  std::optional<std::strong_ordering> high;
  if (range.high) high = compare_numbers(*range.high, constant);
  switch (op) {
    case ast::CompareOp::Lt:
      if (high && *high < 0) return true;
      if (low >= 0) return false;
      return std::nullopt;
    case ast::CompareOp::Le:
      if (high && *high <= 0) return true;
      if (low > 0) return false;
      return std::nullopt;
    case ast::CompareOp::Gt:
      if (low > 0) return true;
      if (high && *high <= 0) return false;
      return std::nullopt;
    case ast::CompareOp::Ge:
      if (low >= 0) return true;
      if (high && *high < 0) return false;
      return std::nullopt;
    case ast::CompareOp::Eq:
    case ast::CompareOp::Ne: {
      std::optional<bool> equal;
      if (low > 0 || (high && *high < 0) || (range.whole && !is_whole(constant))) equal = false;
      if (low == 0 && high && *high == 0) equal = true;
      if (!equal) return std::nullopt;
      return op == ast::CompareOp::Eq ? *equal : !*equal;
    }
  }
  return std::nullopt;
}

class ConstantComparisonLint {
 public:
  ConstantComparisonLint(const CheckedProgram& program, const SourceManager& sources,
                         DiagnosticList& warnings)
      : program_(program), sources_(sources), warnings_(warnings) {}

  void check(const ast::Expr& expr) {
    if (usable_type(program_, expr) != nullptr) {
      if (const auto* compare = expr.as<ast::CompareExpr>()) check_compare(expr, *compare);
      if (const auto* between = expr.as<ast::BetweenExpr>()) check_between(expr, *between);
      if (const auto* in = expr.as<ast::InExpr>()) check_in(expr, *in);
    }
    for_each_child(expr, [&](const ast::Expr& child) { check(child); });
  }

 private:
  std::optional<KnownRange> known_range(const ast::Expr& expr) const {
    const ast::Expr& inner = ast::skip_parens(expr);
    const Type* type = usable_type(program_, inner);
    if (type == nullptr) return std::nullopt;
    if (type->is(TypeKind::Enum)) {
      const auto last = static_cast<int64_t>(type->enumeration->values.size()) - 1;
      return KnownRange{whole_number(0), whole_number(last), true, type->enumeration};
    }
    const auto* call = inner.as<ast::CallExpr>();
    if (call == nullptr) return std::nullopt;
    const std::string& name = call->function.name;
    auto between = [](int64_t low, int64_t high) {
      return KnownRange{whole_number(low), whole_number(high), true, nullptr};
    };
    if (name == "size" || name == "length") {
      return KnownRange{whole_number(0), std::nullopt, true, nullptr};
    }
    if (name == "abs") {
      return KnownRange{whole_number(0), std::nullopt, type->is(TypeKind::Int), nullptr};
    }
    if (name == "month_of") return between(1, 12);
    if (name == "day_of_month") return between(1, 31);
    if (name == "day_of_week") return between(1, 7);
    if (name == "days_until_birthday") return between(0, 365);
    if (name == "bucket" && !call->arguments.empty()) {
      auto count = number_constant(*call->arguments[0]);
      if (count && count->scale == 0 && count->unscaled > 0) {
        return between(0, static_cast<int64_t>(count->unscaled) - 1);
      }
    }
    return std::nullopt;
  }

  // The constant a ranged expression is compared with: a number, or for an
  // enum the index of a member literal.
  std::optional<ExactNumber> constant_for(const KnownRange& range, const ast::Expr& expr) const {
    if (range.enumeration == nullptr) return number_constant(expr);
    const auto* text = ast::skip_parens(expr).as<ast::StringLiteral>();
    if (text == nullptr) return std::nullopt;
    const int index = range.enumeration->index_of(text->value);
    if (index < 0) return std::nullopt;  // reported as E0203
    return whole_number(index);
  }

  // Why a ranged comparison is decided, said of its subject ("its", "it").
  static std::string range_reason(const KnownRange& range, const ExactNumber& constant,
                                  ast::CompareOp op) {
    if (range.enumeration != nullptr) {
      const auto& values = range.enumeration->values;
      const auto index = static_cast<size_t>(constant.unscaled);
      const std::string member = quote_string(values[index]);
      if (values.size() == 1) return fmt::format("{} is its only value", member);
      return fmt::format("{} is its {} value", member, index == 0 ? "lowest" : "highest");
    }
    const bool equality = op == ast::CompareOp::Eq || op == ast::CompareOp::Ne;
    if (equality && range.whole && !is_whole(constant)) return "it is a whole number";
    if (!range.high) return "it is never negative";
    return fmt::format("it is always between {} and {}", static_cast<int64_t>(range.low.unscaled),
                       static_cast<int64_t>(range.high->unscaled));
  }

  // What to write instead: for an always-true condition on a field (or a
  // function of one), that the field be present, which is all it checks.
  std::string advice(const ast::Expr& subject, bool always) const {
    const ast::Expr& inner = ast::skip_parens(subject);
    std::optional<size_t> field = field_index(program_, inner);
    if (!field) {
      const auto* call = inner.as<ast::CallExpr>();
      // coalesce(x, y) has a value when y has one, not only when x has.
      if (call != nullptr && call->function.name != "coalesce") {
        for (const auto& argument : call->arguments) {
          if (!field) field = field_index(program_, *argument);
        }
      }
    }
    if (!always) return "no customer matches this condition: check the value it is compared with";
    if (!field) return "every customer matches this condition: remove it or check the value";
    const std::string& name = program_.schema.fields[*field].name;
    return fmt::format("it only checks that '{0}' has a value: write \"{0} is present\" instead",
                       name);
  }

  void report(const ast::Expr& at, const ast::Expr& subject, bool always,
              const std::string& reason) {
    warnings_.warning(
        codes::kConstantComparison, at.range,
        fmt::format("this comparison is always {} for {}: {}", always ? "true" : "false",
                    describe_subject(program_, sources_, subject), reason),
        advice(subject, always));
  }

  void check_compare(const ast::Expr& expr, const ast::CompareExpr& compare) {
    if (!usable_type(program_, *compare.lhs) || !usable_type(program_, *compare.rhs)) return;
    if (same_field_expression(program_, *compare.lhs, *compare.rhs)) {
      const bool always = compare.op == ast::CompareOp::Eq || compare.op == ast::CompareOp::Le ||
                          compare.op == ast::CompareOp::Ge;
      report(expr, *compare.lhs, always, "it is compared with itself");
      return;
    }
    // The subject goes on the left: `0 > size(x)` is `size(x) < 0`.
    const ast::Expr* subject = compare.lhs.get();
    const ast::Expr* constant = compare.rhs.get();
    ast::CompareOp op = compare.op;
    const bool swap = known_range(*subject)    ? false
                      : known_range(*constant) ? true
                                               : number_constant(*subject).has_value();
    if (swap) {
      std::swap(subject, constant);
      op = ast::mirrored(op);
    }
    if (auto range = known_range(*subject)) {
      auto value = constant_for(*range, *constant);
      if (!value) return;
      if (auto always = decide(*range, op, *value)) {
        report(expr, *subject, *always, range_reason(*range, *value, op));
      }
      return;
    }
    check_scale(expr, *subject, *constant, op);
  }

  // An int is whole and a decimal(S) field keeps S digits: `total_spent =
  // 10.005` never holds. (Decimal arithmetic may round, so only fields.)
  void check_scale(const ast::Expr& expr, const ast::Expr& subject, const ast::Expr& constant,
                   ast::CompareOp op) {
    if (op != ast::CompareOp::Eq && op != ast::CompareOp::Ne) return;
    const Type* type = usable_type(program_, subject);
    auto value = number_constant(constant);
    if (type == nullptr || !value) return;
    int scale = 0;
    if (type->is(TypeKind::Decimal) && field_index(program_, subject)) {
      scale = type->scale;
    } else if (!type->is(TypeKind::Int)) {
      return;
    }
    if (significant_scale(*value) <= scale) return;
    const std::string number = source_snippet(sources_, constant.range);
    const std::string reason =
        scale == 0 ? fmt::format("it is a whole number and never equals {}", number)
                   : fmt::format("it has {} digit{} after the point and never equals {}", scale,
                                 scale == 1 ? "" : "s", number);
    const bool always = op == ast::CompareOp::Ne;
    warnings_.warning(
        codes::kConstantComparison, expr.range,
        fmt::format("this comparison is always {} for {}: {}", always ? "true" : "false",
                    describe_subject(program_, sources_, subject), reason),
        scale == 0 ? "compare with a whole number, or use <, > for a range"
                   : fmt::format("compare with a number of at most {} digits after "
                                 "the point, or use <, > for a range",
                                 scale));
  }

  void check_between(const ast::Expr& expr, const ast::BetweenExpr& between) {
    if (!usable_type(program_, *between.low) || !usable_type(program_, *between.high)) return;
    // `month_of(d) between 13 and 20`: a non-empty range that misses every value.
    auto range = known_range(*between.value);
    if (!range) return;
    auto low = constant_for(*range, *between.low);
    auto high = constant_for(*range, *between.high);
    // A reversed range is W0603's (lint_empty_ranges.cpp).
    if (!low || !high || compare_numbers(*low, *high) > 0) return;
    auto above_low = decide(*range, ast::CompareOp::Ge, *low);
    auto below_high = decide(*range, ast::CompareOp::Le, *high);
    if (above_low == false || below_high == false) {
      const bool low_decides = above_low == false;
      report(expr, *between.value, false,
             range_reason(*range, low_decides ? *low : *high, ast::CompareOp::Ge));
    } else if (above_low == true && below_high == true) {
      report(expr, *between.value, true, "the range covers all its values");
    }
  }

  // `month_of(d) in [0, 13]` never holds; `tier in [every member]` always does.
  void check_in(const ast::Expr& expr, const ast::InExpr& in) {
    auto range = known_range(*in.value);
    const auto* list = in.list->as<ast::ListLiteral>();
    if (!range || list == nullptr || list->elements.empty()) return;
    std::vector<bool> named(range->enumeration ? range->enumeration->values.size() : 0);
    bool none_possible = true;
    std::optional<ExactNumber> first;
    for (const auto& element : list->elements) {
      auto value = constant_for(*range, *element);
      if (!value) return;
      if (!first) first = value;
      if (decide(*range, ast::CompareOp::Eq, *value) != false) none_possible = false;
      if (range->enumeration) named[static_cast<size_t>(value->unscaled)] = true;
    }
    const bool all_named =
        range->enumeration && std::find(named.begin(), named.end(), false) == named.end();
    if (none_possible) {
      report(expr, *in.value, in.negated, range_reason(*range, *first, ast::CompareOp::Eq));
    } else if (all_named) {
      report(expr, *in.value, !in.negated, "the list names each of its values");
    }
  }

  const CheckedProgram& program_;
  const SourceManager& sources_;
  DiagnosticList& warnings_;
};

}  // namespace

void check_constant_comparisons(const CheckedProgram& program, const SourceManager& sources,
                                DiagnosticList& warnings) {
  ConstantComparisonLint lint(program, sources, warnings);
  for (const CheckedSegment& segment : program.segments) {
    if (segment.declaration != nullptr && segment.declaration->where) {
      lint.check(*segment.declaration->where);
    }
  }
}

}  // namespace segc::lint
