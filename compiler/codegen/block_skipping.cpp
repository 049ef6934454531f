#include "codegen/block_skipping.h"

#include <limits>
#include <optional>

#include "codegen/dictionary_precompute.h"

namespace segc::codegen {
namespace {

constexpr int64_t kLeast = std::numeric_limits<int64_t>::min();
constexpr int64_t kGreatest = std::numeric_limits<int64_t>::max();

class RangeFinder {
 public:
  RangeFinder(const CheckedProgram& program, DependencyMap& dependencies,
              const runtime::Table& table, const evaluate::EvaluationContext& context)
      : program_(program), dependencies_(dependencies), table_(table), context_(context) {}

  // Adds the conjuncts' ranges to `out`; clears out.exact for a conjunct
  // whose range is not exactly where it holds.
  void conjunct(const ast::Expr& expr, SegmentRanges& out) {
    const ast::Expr& node = ast::skip_parens(expr);
    const size_t before = out.ranges.size();
    if (const auto* logical = node.as<ast::LogicalExpr>()) {
      if (logical->op != ast::LogicalOp::And) {
        out.exact = false;
        return;
      }
      for (const ast::ExprPtr& operand : logical->operands) conjunct(*operand, out);
      return;
    }
    if (auto range = dictionary_range(node)) {
      out.ranges.push_back(range->first);
      out.exact = out.exact && range->second;
      return;
    }
    if (const auto* compare = node.as<ast::CompareExpr>()) {
      if (auto field = ordered_field(*compare->lhs)) {
        add_compare(*field, compare->op, *compare->rhs, out.ranges);
      } else if (auto mirrored_field = ordered_field(*compare->rhs)) {
        add_compare(*mirrored_field, ast::mirrored(compare->op), *compare->lhs, out.ranges);
      }
    } else if (const auto* between = node.as<ast::BetweenExpr>()) {
      auto field = ordered_field(*between->value);
      auto low = field ? constant(*between->low, *field) : std::nullopt;
      auto high = field ? constant(*between->high, *field) : std::nullopt;
      if (low && high) out.ranges.push_back({*field, *low, *high});
    }
    if (out.ranges.size() == before) out.exact = false;  // nothing known of this conjunct
  }

 private:
  // An Int or Date field read as it is stored.
  std::optional<size_t> ordered_field(const ast::Expr& expr) {
    const ast::Expr& node = ast::skip_parens(expr);
    if (!node.as<ast::NameRef>()) return std::nullopt;
    auto meaning = program_.names.find(&node);
    if (meaning == program_.names.end() || meaning->second.kind != NameMeaning::Kind::Field) {
      return std::nullopt;
    }
    const runtime::ColumnKind kind = table_.columns[meaning->second.index].spec.kind;
    if (kind != runtime::ColumnKind::Int && kind != runtime::ColumnKind::Date) return std::nullopt;
    return meaning->second.index;
  }

  // A constant of the field's own type (an int for an int field, a date for
  // a date field), as stored; anything else (a decimal, a missing value)
  // gives nothing.
  std::optional<int64_t> constant(const ast::Expr& expr, size_t field) {
    if (!dependencies_.is_constant(expr)) return std::nullopt;
    const Type& type = program_.type_of(expr);
    if (type.kind != program_.schema.fields[field].type.kind) return std::nullopt;
    auto folded = fold_constant(program_, expr, context_);
    if (!folded) {
      llvm::consumeError(folded.takeError());
      return std::nullopt;
    }
    if (folded->state[0] != 1) return std::nullopt;
    return folded->bits[0];
  }

  void add_compare(size_t field, ast::CompareOp op, const ast::Expr& other,
                   std::vector<ValueRange>& out) {
    auto value = constant(other, field);
    if (!value) return;
    const int64_t c = *value;
    switch (op) {
      case ast::CompareOp::Eq: out.push_back({field, c, c}); break;
      case ast::CompareOp::Lt:
        if (c == kLeast) {
          out.push_back({field, kGreatest, kLeast});  // nothing is below
        } else {
          out.push_back({field, kLeast, c - 1});
        }
        break;
      case ast::CompareOp::Le: out.push_back({field, kLeast, c}); break;
      case ast::CompareOp::Gt:
        if (c == kGreatest) {
          out.push_back({field, kGreatest, kLeast});  // nothing is above
        } else {
          out.push_back({field, c + 1, kGreatest});
        }
        break;
      case ast::CompareOp::Ge: out.push_back({field, c, kGreatest}); break;
      case ast::CompareOp::Ne: break;
    }
  }

  // A condition on one String or Enum field: the codes where it is true,
  // and whether it is true at every code of that range. A condition that
  // holds for a missing value says nothing.
  std::optional<std::pair<ValueRange, bool>> dictionary_range(const ast::Expr& expr) {
    if (!program_.type_of(expr).is(TypeKind::Bool)) return std::nullopt;
    auto field = dependencies_.single_dictionary_field(expr);
    if (!field) return std::nullopt;
    const runtime::Column& column = table_.columns[*field];
    auto table = tabulate_over_dictionary(program_, expr, *field, column, context_);
    if (!table) {
      llvm::consumeError(table.takeError());
      return std::nullopt;
    }
    const size_t entries = table->state.size() - 1;
    if (table->state[entries] == kTrue) return std::nullopt;
    ValueRange range{*field, kGreatest, kLeast};
    for (size_t code = 0; code < entries; ++code) {
      if (table->state[code] != kTrue) continue;
      range.low = std::min<int64_t>(range.low, static_cast<int64_t>(code));
      range.high = std::max<int64_t>(range.high, static_cast<int64_t>(code));
    }
    bool exact = true;
    for (int64_t code = range.low; code <= range.high; ++code) {
      exact = exact && table->state[static_cast<size_t>(code)] == kTrue;
    }
    return std::pair{range, exact};
  }

  const CheckedProgram& program_;
  DependencyMap& dependencies_;
  const runtime::Table& table_;
  const evaluate::EvaluationContext& context_;
};

}  // namespace

SegmentRanges necessary_ranges(const CheckedProgram& program, DependencyMap& dependencies,
                               const ast::Expr& condition, const runtime::Table& table,
                               const evaluate::EvaluationContext& context) {
  SegmentRanges ranges;
  ranges.exact = true;
  RangeFinder(program, dependencies, table, context).conjunct(condition, ranges);
  ranges.exact = ranges.exact && !ranges.ranges.empty();
  return ranges;
}

bool block_may_match(const std::vector<ValueRange>& ranges, const runtime::Table& table,
                     size_t block) {
  const size_t blocks = runtime::block_count(table.row_count);
  for (const ValueRange& range : ranges) {
    const runtime::BlockStats& stats = table.columns[range.field].blocks;
    if (stats.present.size() != blocks || stats.min.size() != blocks ||
        stats.max.size() != blocks) {
      continue;  // no statistics: the block may match
    }
    if (range.low > range.high) return false;
    if (stats.present[block] == 0) return false;  // missing: the conjunct is not true
    if (stats.max[block] < range.low || stats.min[block] > range.high) return false;
  }
  return true;
}

bool block_always_matches(const SegmentRanges& ranges, const runtime::Table& table, size_t block) {
  if (!ranges.exact) return false;
  const size_t blocks = runtime::block_count(table.row_count);
  const uint64_t rows_in_block =
      std::min<uint64_t>(runtime::kBlockRows, table.row_count - block * runtime::kBlockRows);
  for (const ValueRange& range : ranges.ranges) {
    const runtime::BlockStats& stats = table.columns[range.field].blocks;
    if (stats.present.size() != blocks || stats.min.size() != blocks ||
        stats.max.size() != blocks) {
      return false;
    }
    if (stats.present[block] != rows_in_block) return false;  // a missing value is not true
    if (stats.min[block] < range.low || stats.max[block] > range.high) return false;
  }
  return true;
}

}  // namespace segc::codegen
