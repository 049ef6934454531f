// A condition on one field as a constraint on that field's values, for W0604
// (lint_contradictions.cpp): `age > 40` is an interval, `channel = "email"` and
// `age in [1, 2]` are sets of allowed values, `!=` and `not in` sets of
// excluded ones, and `is missing` / `is present` say whether there is a value.
//
// Values are exact: numbers as scaled 128-bit integers (ints at scale 0,
// decimal(S) fields at scale S, floats at scale 18, which holds every literal),
// dates as day numbers, enum members by declaration index, bools as 0 and 1,
// strings as their UTF-8 bytes (whose order is code point order). For fields
// whose values are whole steps of a grid (int, decimal, date, enum) strict
// bounds become inclusive ones on the grid, so `age > 3 and age < 4` is empty.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "semantic/checked_program.h"

namespace segc::lint {

using Value = std::variant<__int128, std::string>;

struct Bound {
  Value value;
  bool inclusive = true;
};

// What one condition allows for its field.
struct Constraint {
  enum class Kind { Interval, Points, Excluded, Missing, Present } kind = Kind::Interval;
  std::optional<Bound> lower, upper;  // Interval (for a field with a value)
  std::vector<Value> values;          // Points, Excluded: sorted, unique
};

struct FieldCondition {
  size_t field = 0;  // into Schema::fields
  Constraint constraint;
};

// The constraint `condition` puts on a field, when it is a comparison, a
// `between`, an `in` or an `is missing` test of a field against literals, or a
// bool field by itself or under `not`. Nullopt for anything else, for untyped
// expressions, and for a condition that no value satisfies by itself (W0602
// and W0603 report those).
std::optional<FieldCondition> field_constraint(const CheckedProgram& program,
                                               const ast::Expr& condition);

// `value` lies below `lower` / above `upper`.
bool below(const Value& value, const Bound& lower);
bool above(const Value& value, const Bound& upper);

// No value lies between `lower` and `upper`.
bool disjoint(const Bound& lower, const Bound& upper);

// Whether `a` allows fewer values than `b`, as a lower / an upper bound.
bool tighter_lower(const Bound& a, const Bound& b);
bool tighter_upper(const Bound& a, const Bound& b);

// Membership in a sorted vector.
bool contains(const std::vector<Value>& sorted, const Value& value);

// Whether some of the sorted `points` lies within the bounds.
bool any_within(const std::vector<Value>& points, const std::optional<Bound>& lower,
                const std::optional<Bound>& upper);

}  // namespace segc::lint
