#include "evaluate/data_lints.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "diagnostics/codes.h"
#include "evaluate/explain.h"
#include "evaluate/reference_interpreter.h"
#include "semantic/lints.h"
#include "semantic/suggestions.h"
#include "syntax/ast_children.h"

namespace segc::evaluate {
namespace {

// Past this many distinct values a transformed comparison (`lower(city) =
// "..."`) is not checked, and no spelling is suggested: each would cost an
// evaluation or an edit distance per value.
constexpr size_t kValuesChecked = 100'000;

// The values one column holds, or an expression of it computes, over every
// distinct value of the column's dictionary.
class ColumnValues {
 public:
  ColumnValues(const CheckedProgram& program, const runtime::Column& column, size_t field, const ast::Expr& expr)
      : column_(column), identity_(ast::skip_parens(expr).as<ast::NameRef>() != nullptr) {
    if (identity_ || column.dictionary.size() > kValuesChecked) return;
    // A customer whose only value is one dictionary entry of the field.
    struct OneValue final : RowView {
      size_t which = 0;
      Value value;
      Value field(size_t index) const override { return index == which ? value : Value(Missing{}); }
      bool member(size_t) const override { return false; }
    } row;
    row.which = field;
    for (std::string_view entry : column.dictionary) {
      row.value = std::string(entry);
      const Value computed = evaluate_expression(program, expr, row, EvaluationContext{});
      if (const auto* text = std::get_if<std::string>(&computed)) computed_.insert(*text);
    }
    checked_ = true;
  }

  // Whether the answer below means anything (small enough to check).
  bool checked() const { return identity_ || checked_; }
  bool has(const std::string& value) const {
    return identity_ ? column_.dictionary.find_sorted(value).has_value() : computed_.contains(value);
  }
  std::optional<std::string> nearest(const std::string& value) const {
    std::vector<std::string> candidates;
    if (identity_) {
      if (column_.dictionary.size() > kValuesChecked) return std::nullopt;
      candidates = column_.dictionary.to_vector();
    } else {
      candidates.assign(computed_.begin(), computed_.end());
      std::sort(candidates.begin(), candidates.end());
    }
    return closest_match(value, candidates);
  }

 private:
  const runtime::Column& column_;
  bool identity_;
  bool checked_ = false;
  std::unordered_set<std::string> computed_;
};

class DataLinter {
 public:
  DataLinter(const CheckedProgram& program, const SourceManager& sources, const runtime::Table& table,
             const std::string& data, DiagnosticList& out)
      : program_(program), sources_(sources), table_(table), data_(data), out_(out) {}

  void segment_rule(const ast::Expr& expr) {
    if (const auto* compare = expr.as<ast::CompareExpr>()) {
      if (compare->op == ast::CompareOp::Eq || compare->op == ast::CompareOp::Ne) {
        literal_against(*compare->lhs, *compare->rhs, expr);
        literal_against(*compare->rhs, *compare->lhs, expr);
      }
    } else if (const auto* in = expr.as<ast::InExpr>()) {
      if (const auto* list = ast::skip_parens(*in->list).as<ast::ListLiteral>()) {
        for (const ast::ExprPtr& element : list->elements) literal_against(*element, *in->value, expr);
      }
    } else if (const auto* contains = expr.as<ast::ContainsExpr>()) {
      if (is_set_field(*contains->haystack)) {
        if (contains->mode == ast::ContainsMode::Single) {
          literal_against(*contains->needle, *contains->haystack, expr);
        } else if (const auto* list = ast::skip_parens(*contains->needle).as<ast::ListLiteral>()) {
          for (const ast::ExprPtr& element : list->elements) literal_against(*element, *contains->haystack, expr);
        }
      }
    }
    if (auto field = field_of(expr)) first_use_.try_emplace(*field, expr.range);
    ast::for_each_child(expr, [&](const ast::Expr& child) { segment_rule(child); });
  }

  // W0704, once every rule was read.
  void always_missing_fields() {
    for (const auto& [field, range] : first_use_) {
      if (field == program_.schema.key_index || table_.columns[field].present.count() != 0) continue;
      out_.warning(codes::kFieldAlwaysMissing, range,
                   fmt::format("field '{}' is missing on every row of {} ({} customers)",
                               program_.schema.fields[field].name, data_, table_.row_count),
                   "a column that is empty, or absent from the file, reads as missing: every condition on it is "
                   "unknown");
    }
  }

 private:
  std::optional<size_t> field_of(const ast::Expr& written) const {
    const ast::Expr& expr = ast::skip_parens(written);
    if (expr.as<ast::NameRef>() == nullptr) return std::nullopt;
    auto meaning = program_.names.find(&expr);
    if (meaning == program_.names.end() || meaning->second.kind != NameMeaning::Kind::Field) return std::nullopt;
    return meaning->second.index;
  }

  bool is_set_field(const ast::Expr& expr) const {
    auto field = field_of(expr);
    return field && table_.columns[*field].spec.kind == runtime::ColumnKind::StringSet;
  }

  // The one string or set<string> field `expr` reads, when it reads one field
  // and no segment.
  std::optional<size_t> only_text_field(const ast::Expr& expr) const {
    std::set<size_t> fields;
    bool other = false;
    std::function<void(const ast::Expr&)> visit = [&](const ast::Expr& node) {
      if (node.as<ast::NameRef>() != nullptr) {
        auto field = field_of(node);
        if (field) fields.insert(*field);
        other = other || !field;
      }
      ast::for_each_child(node, visit);
    };
    visit(expr);
    if (other || fields.size() != 1) return std::nullopt;
    const runtime::ColumnKind kind = table_.columns[*fields.begin()].spec.kind;
    if (kind != runtime::ColumnKind::String && kind != runtime::ColumnKind::StringSet) return std::nullopt;
    return *fields.begin();
  }

  void literal_against(const ast::Expr& literal_expr, const ast::Expr& side, const ast::Expr& condition) {
    const auto* literal = ast::skip_parens(literal_expr).as<ast::StringLiteral>();
    if (literal == nullptr) return;
    auto field = only_text_field(side);
    if (!field) return;
    const runtime::Column& column = table_.columns[*field];
    auto [values, added] = values_.try_emplace(&side, program_, column, *field, side);
    const ColumnValues& known = values->second;
    const std::string shown = source_text(sources_, side.range);
    if (known.checked() && !known.has(literal->value)) {
      std::string help = "values are compared exactly, capitals and spaces included";
      if (auto near = known.nearest(literal->value)) help = fmt::format("did you mean \"{}\"?", *near);
      out_.warning(codes::kValueNotInData, literal_expr.range,
                   fmt::format("no customer in {} has {} \"{}\"", data_, shown, literal->value), help);
    }
    padded_values(*field, side, condition, literal->value);
  }

  // W0705: once per field compared directly with `=` or `in`.
  void padded_values(size_t field, const ast::Expr& side, const ast::Expr& condition, const std::string& literal) {
    if (ast::skip_parens(side).as<ast::NameRef>() == nullptr || !padded_checked_.insert(field).second) return;
    const runtime::Column& column = table_.columns[field];
    if (column.spec.kind != runtime::ColumnKind::String) return;
    size_t padded = 0;
    std::string example;
    for (std::string_view value : column.dictionary) {
      const bool stray = !value.empty() && (value.front() == ' ' || value.back() == ' ' || value.front() == '\t' ||
                                            value.back() == '\t');
      if (!stray) continue;
      if (padded++ == 0) example = std::string(value);
    }
    if (padded == 0) return;
    out_.warning(codes::kPaddedValues, condition.range,
                 fmt::format("{} value{} of '{}' in {} {} with a space (e.g. \"{}\"), which \"{}\" does not match",
                             padded, padded == 1 ? "" : "s", program_.schema.fields[field].name, data_,
                             padded == 1 ? "starts or ends" : "start or end", example, literal),
                 "values are compared exactly: strip the spaces from the data (at export, or before segc "
                 "import), or list the padded value too");
  }

  const CheckedProgram& program_;
  const SourceManager& sources_;
  const runtime::Table& table_;
  const std::string& data_;
  DiagnosticList& out_;
  std::map<size_t, SourceRange> first_use_;
  std::map<const ast::Expr*, ColumnValues> values_;
  std::set<size_t> padded_checked_;
};

}  // namespace

DiagnosticList data_lints(const CheckedProgram& program, const SourceManager& sources, const runtime::Table& table,
                          const std::string& data, const std::vector<size_t>& segments,
                          const SegmentMembership* membership) {
  DiagnosticList out;
  if (table.row_count == 0) return out;  // an empty file says nothing about the rules
  const std::vector<size_t> evaluated = segments_to_evaluate(program, segments);
  DataLinter linter(program, sources, table, data, out);
  for (size_t segment : evaluated) {
    if (const ast::Expr* where = program.segments[segment].declaration->where.get()) linter.segment_rule(*where);
  }
  linter.always_missing_fields();
  for (size_t segment : evaluated) {
    if (membership == nullptr || segment >= membership->computed.size() || !membership->computed[segment]) continue;
    const size_t members = membership->members[segment].count();
    const CheckedSegment& checked = program.segments[segment];
    if (members == 0) {
      out.warning(codes::kNoMembers, checked.declaration->name.range,
                  fmt::format("segment '{}' has no members in {} ({} customers)", checked.name, data, table.row_count),
                  fmt::format("segc explain --key ID {} shows why a customer you expected is not in it", checked.name));
    } else if (members == table.row_count) {
      out.warning(codes::kEveryCustomer, checked.declaration->name.range,
                  fmt::format("every customer in {} ({}) is in segment '{}'", data, table.row_count, checked.name),
                  fmt::format("a condition that is always true? segc explain --key ID {} shows its values",
                              checked.name));
    }
  }
  apply_allow_comments(program, out);
  out.sort_and_deduplicate();
  return out;
}

}  // namespace segc::evaluate
