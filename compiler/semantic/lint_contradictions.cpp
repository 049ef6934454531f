// W0604: conditions on one field that cannot hold together in one `and` chain:
// `age > 40 and age < 30`, `channel = "email" and channel = "sms"`,
// `age in [1, 2] and age = 3`, `x between 10 and 20 and x > 30`,
// `age is missing and age > 30`.
//
// Such a segment is empty, which is never what its author wanted; usually an
// `or` was meant, or two numbers were mixed up. The chain is the whole `and`
// chain, flattened through parentheses and nested `and`s but not through `or`
// or `not`, which change what the conditions mean together.
//
// Each condition on a field becomes a constraint on that field's values
// (lint_field_constraints.h) and is checked against the tightest earlier
// constraint of each kind on that field, kept per field in a map: the work is
// linear in the chain, which may have 100,000 conditions. A contradiction is
// reported once per pair, at the later condition, pointing at the earlier one.
// Only pairs are found: conditions that exclude every value only three at a
// time are not reported, and neither is a pair hidden behind a tighter earlier
// condition of the same kind that does not contradict.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <vector>

#include "diagnostics/codes.h"
#include "semantic/lint_field_constraints.h"
#include "semantic/lints.h"

namespace segc::lint {
namespace {

using Kind = Constraint::Kind;

// The tightest earlier constraint of each kind on one field of one chain, each
// with the condition it came from.
struct FieldState {
  std::optional<Bound> lower, upper;
  const ast::Expr* lower_source = nullptr;
  const ast::Expr* upper_source = nullptr;
  std::vector<Value> points;  // the smallest set of allowed values so far
  const ast::Expr* points_source = nullptr;
  std::map<Value, const ast::Expr*> excluded;
  const ast::Expr* missing = nullptr;  // `is missing`
  const ast::Expr* present = nullptr;  // the first condition that needs a value
};

// One earlier condition that rules out every value in `values`, if any.
const ast::Expr* ruling_out(const FieldState& state, const std::vector<Value>& values) {
  std::vector<const ast::Expr*> common;
  for (size_t i = 0; i < values.size(); ++i) {
    const Value& value = values[i];
    std::vector<const ast::Expr*> sources;
    if (state.lower && below(value, *state.lower)) sources.push_back(state.lower_source);
    if (state.upper && above(value, *state.upper)) sources.push_back(state.upper_source);
    if (state.points_source && !contains(state.points, value)) {
      sources.push_back(state.points_source);
    }
    if (auto found = state.excluded.find(value); found != state.excluded.end()) {
      sources.push_back(found->second);
    }
    if (i == 0) {
      common = std::move(sources);
    } else {
      std::erase_if(common, [&](const ast::Expr* source) {
        return std::find(sources.begin(), sources.end(), source) == sources.end();
      });
    }
    if (common.empty()) return nullptr;
  }
  return common.empty() ? nullptr : common.front();
}

// An earlier condition that `constraint` contradicts, if any.
const ast::Expr* conflict(const FieldState& state, const Constraint& constraint) {
  if (constraint.kind == Kind::Missing) return state.present;
  if (state.missing != nullptr) return state.missing;  // everything else needs a value
  switch (constraint.kind) {
    case Kind::Interval:
      if (constraint.lower && state.upper && disjoint(*constraint.lower, *state.upper)) {
        return state.upper_source;
      }
      if (constraint.upper && state.lower && disjoint(*state.lower, *constraint.upper)) {
        return state.lower_source;
      }
      if (state.points_source && !any_within(state.points, constraint.lower, constraint.upper)) {
        return state.points_source;
      }
      return nullptr;
    case Kind::Points:
      return ruling_out(state, constraint.values);
    case Kind::Excluded: {
      // Costs at most the size of the new list, so a long chain stays linear.
      const auto& points = state.points;
      if (state.points_source == nullptr || points.size() > constraint.values.size()) {
        return nullptr;
      }
      const bool all_excluded = std::all_of(points.begin(), points.end(), [&](const Value& v) {
        return contains(constraint.values, v);
      });
      return all_excluded ? state.points_source : nullptr;
    }
    default:
      return nullptr;
  }
}

void remember(FieldState& state, Constraint& constraint, const ast::Expr* source) {
  if (constraint.kind == Kind::Missing) {
    if (state.missing == nullptr) state.missing = source;
    return;
  }
  if (state.present == nullptr) state.present = source;
  if (constraint.lower && (!state.lower || tighter_lower(*constraint.lower, *state.lower))) {
    state.lower = constraint.lower;
    state.lower_source = source;
  }
  if (constraint.upper && (!state.upper || tighter_upper(*constraint.upper, *state.upper))) {
    state.upper = constraint.upper;
    state.upper_source = source;
  }
  if (constraint.kind == Kind::Points &&
      (state.points_source == nullptr || constraint.values.size() < state.points.size())) {
    state.points = std::move(constraint.values);
    state.points_source = source;
  } else if (constraint.kind == Kind::Excluded) {
    for (Value& value : constraint.values) state.excluded.emplace(std::move(value), source);
  }
}

// Collects the conditions of an `and` chain, through parentheses and nested
// `and`s.
void flatten(const ast::Expr& expr, std::vector<const ast::Expr*>& conditions) {
  const ast::Expr& inner = ast::skip_parens(expr);
  const auto* logical = inner.as<ast::LogicalExpr>();
  if (logical == nullptr || logical->op != ast::LogicalOp::And) {
    conditions.push_back(&inner);
    return;
  }
  for (const auto& operand : logical->operands) flatten(*operand, conditions);
}

class ContradictionLint {
 public:
  ContradictionLint(const CheckedProgram& program, const SourceManager& sources,
                    DiagnosticList& warnings)
      : program_(program), sources_(sources), warnings_(warnings) {}

  void visit(const ast::Expr& expr) {
    const auto* logical = expr.as<ast::LogicalExpr>();
    if (logical == nullptr || logical->op != ast::LogicalOp::And) {
      for_each_child(expr, [&](const ast::Expr& child) { visit(child); });
      return;
    }
    std::vector<const ast::Expr*> conditions;
    flatten(expr, conditions);
    check_chain(conditions);
    // `and` chains inside an `or` or a `not` of this chain are chains of their own.
    for (const ast::Expr* condition : conditions) visit(*condition);
  }

 private:
  void check_chain(const std::vector<const ast::Expr*>& conditions) {
    std::unordered_map<size_t, FieldState> states;
    for (const ast::Expr* condition : conditions) {
      auto constrained = field_constraint(program_, *condition);
      if (!constrained) continue;
      FieldState& state = states[constrained->field];
      if (const ast::Expr* earlier = conflict(state, constrained->constraint)) {
        report(*condition, *earlier, constrained->field);
      }
      remember(state, constrained->constraint, condition);
    }
  }

  void report(const ast::Expr& later, const ast::Expr& earlier, size_t field) {
    const std::string& name = program_.schema.fields[field].name;
    const std::string snippet = source_snippet(sources_, earlier.range);
    const std::string what = snippet.empty()
                                 ? fmt::format("the condition on line {}", earlier.range.begin.line)
                                 : fmt::format("`{}`", snippet);
    warnings_
        .warning(codes::kContradiction, later.range,
                 fmt::format("this condition on '{}' contradicts {}: no customer matches both",
                             name, what),
                 "if either condition should be enough, join them with \"or\"; otherwise "
                 "check the values")
        .related.push_back(
            {earlier.range, fmt::format("the condition on '{}' it contradicts", name)});
  }

  const CheckedProgram& program_;
  const SourceManager& sources_;
  DiagnosticList& warnings_;
};

}  // namespace

void check_contradictions(const CheckedProgram& program, const SourceManager& sources,
                          DiagnosticList& warnings) {
  ContradictionLint lint(program, sources, warnings);
  for (const CheckedSegment& segment : program.segments) {
    if (segment.declaration != nullptr && segment.declaration->where) {
      lint.visit(*segment.declaration->where);
    }
  }
}

}  // namespace segc::lint
