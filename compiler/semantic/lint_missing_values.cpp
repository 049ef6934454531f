// W0601: a negation over a field that may be missing.
//
// `channel != "sms"` reads as "everyone except the sms customers", but a
// comparison that touches a missing value is unknown, and unknown is not true:
// customers with no channel at all silently drop out of the segment. The same
// holds for `not X` and `not in`. The warning names the field and suggests
// saying what should happen to those customers.
//
// A field counts as handled, and is not reported, when the same segment's
// expression tests it with `is missing` / `is present` anywhere, or uses it in
// the first argument of `coalesce(...)`: either shows that the author thought
// about missing values. It is also handled inside an `and` chain that holds a
// plain condition on it (`age > 18 and age != 30`): that condition already
// leaves out the customers without a value, visibly. Segment names are never reported (membership
// is never unknown), nor is the key (always present) or a set<string> field (an empty set is a
// value, and data files never leave a set missing).
#include <fmt/format.h>

#include <map>
#include <set>
#include <vector>

#include "diagnostics/codes.h"
#include "semantic/lint_field_constraints.h"
#include "semantic/lints.h"

namespace segc::lint {
namespace {

// Whether `expr` is one of the negations this warning is about.
bool is_negation(const ast::Expr& expr) {
  if (expr.as<ast::NotExpr>()) return true;
  if (const auto* compare = expr.as<ast::CompareExpr>()) return compare->op == ast::CompareOp::Ne;
  if (const auto* in = expr.as<ast::InExpr>()) return in->negated;
  return false;
}

bool is_coalesce(const ast::Expr& expr) {
  const auto* call = expr.as<ast::CallExpr>();
  return call != nullptr && call->function.name == "coalesce" && !call->arguments.empty();
}

class MissingValueLint {
 public:
  MissingValueLint(const CheckedProgram& program, DiagnosticList& warnings)
      : program_(program), warnings_(warnings) {}

  void check_segment(const ast::Expr& where) {
    handled_.clear();
    collect_handled(where, false);
    find_negations(where);
  }

 private:
  // Fields tested with `is missing` / `is present`, or guarded by coalesce.
  void collect_handled(const ast::Expr& expr, bool guarded) {
    if (guarded) {
      if (auto field = field_index(program_, expr)) handled_.insert(*field);
    }
    if (const auto* is = expr.as<ast::IsMissingExpr>()) {
      collect_handled(*is->operand, true);
      return;
    }
    if (is_coalesce(expr)) {
      const auto& arguments = expr.as<ast::CallExpr>()->arguments;
      collect_handled(*arguments[0], true);
      for (size_t i = 1; i < arguments.size(); ++i) collect_handled(*arguments[i], guarded);
      return;
    }
    for_each_child(expr, [&](const ast::Expr& child) { collect_handled(child, guarded); });
  }

  // Every negation in the expression reports the fields in its own scope.
  void find_negations(const ast::Expr& expr) {
    if (is_negation(expr) && usable_type(program_, expr) != nullptr) report(expr);
    const auto* chain = expr.as<ast::LogicalExpr>();
    if (chain == nullptr || chain->op != ast::LogicalOp::And) {
      for_each_child(expr, [&](const ast::Expr& child) { find_negations(child); });
      return;
    }
    // In `age > 18 and age != 30` a customer without an age is left out by
    // `age > 18`, which says so plainly; the `!=` drops nobody else. So the
    // fields that a positive condition of an `and` chain needs are handled
    // everywhere inside that chain (whatever `or` / `not` lies in between: an
    // `and` is never true while one of its conditions is unknown).
    std::vector<size_t> needed;
    for (const auto& operand : chain->operands) {
      const ast::Expr& inner = ast::skip_parens(*operand);
      if (is_negation(inner)) continue;  // `not opted_in` must not excuse itself
      auto condition = field_constraint(program_, inner);
      if (condition && needs_value(condition->constraint.kind)) needed.push_back(condition->field);
    }
    for (size_t field : needed) ++needed_by_chains_[field];
    for (const auto& operand : chain->operands) find_negations(*operand);
    for (size_t field : needed) {
      if (--needed_by_chains_[field] == 0) needed_by_chains_.erase(field);
    }
  }

  static bool needs_value(Constraint::Kind kind) {
    return kind == Constraint::Kind::Interval || kind == Constraint::Kind::Points ||
           kind == Constraint::Kind::Present;
  }

  void report(const ast::Expr& negation) {
    std::vector<size_t> fields;
    std::set<size_t> seen;
    for_each_child(negation, [&](const ast::Expr& child) { collect_exposed(child, fields, seen); });
    for (size_t index : fields) {
      const std::string& name = program_.schema.fields[index].name;
      warnings_.warning(
          codes::kMissingDropsOut, negation.range,
          fmt::format("customers with no '{}' are left out of this condition", name),
          fmt::format("add \"or {0} is missing\" to keep them, or \"{0} is present and ...\" to "
                      "make the intent explicit",
                      name));
    }
  }

  // The fields whose missing value makes `expr` unknown and that are this
  // negation's to report: a nested negation reports its own fields (so that
  // each field is named once), and `is missing` / `is present` are never
  // unknown.
  void collect_exposed(const ast::Expr& expr, std::vector<size_t>& fields, std::set<size_t>& seen) {
    if (is_negation(expr) || expr.as<ast::IsMissingExpr>()) return;
    if (auto field = field_index(program_, expr)) {
      if (may_drop_out(*field) && seen.insert(*field).second) fields.push_back(*field);
      return;
    }
    for_each_child(expr, [&](const ast::Expr& child) { collect_exposed(child, fields, seen); });
  }

  bool may_drop_out(size_t field) const {
    const SchemaField& declared = program_.schema.fields[field];
    if (declared.is_key || declared.type.is(TypeKind::StringSet)) return false;
    return !handled_.contains(field) && !needed_by_chains_.contains(field);
  }

  const CheckedProgram& program_;
  DiagnosticList& warnings_;
  std::set<size_t> handled_;
  std::map<size_t, int> needed_by_chains_;  // field -> enclosing chains that need it
};

}  // namespace

void check_missing_values(const CheckedProgram& program, const SourceManager& sources,
                          DiagnosticList& warnings) {
  (void)sources;
  MissingValueLint lint(program, warnings);
  for (const CheckedSegment& segment : program.segments) {
    if (segment.declaration != nullptr && segment.declaration->where) {
      lint.check_segment(*segment.declaration->where);
    }
  }
}

}  // namespace segc::lint
