// Names and types inside expressions (LANGUAGE.md sections 5 and 6): resolves
// every name to a field or a segment, computes every expression's type, and
// reports what does not type-check.
#pragma once

#include <set>
#include <string>
#include <unordered_map>

#include "diagnostics/diagnostic.h"
#include "semantic/checked_program.h"
#include "semantic/unreported_names.h"

namespace segc {

class ExpressionChecker {
 public:
  struct Names {
    const Schema* schema = nullptr;  // null when no usable schema exists
    const std::unordered_map<std::string, size_t>* segments = nullptr;
    const std::set<std::string, std::less<>>* partitions = nullptr;
    const UnreportedNames* unreported = nullptr;  // not reported again
  };

  ExpressionChecker(Names names, CheckedProgram& program, const SourceManager& sources,
                    DiagnosticList& diagnostics)
      : names_(names), program_(program), sources_(sources), diagnostics_(diagnostics) {}

  // Checks a segment's `where` expression, which must be a condition.
  // Appends the segments it names to `references`.
  void check_condition(const ast::Expr& expr, const std::string& segment_name,
                       std::vector<size_t>& references);

  Type check(const ast::Expr& expr);

  // Reports when `value` (of `value_type`) cannot be compared with `other` by
  // `op`; enum-valued operands check string literals against their members.
  void check_comparable(const ast::Expr& value, const Type& value_type, const ast::Expr& other,
                        const Type& other_type, bool ordering);

  // `value in [...]`: every element must compare with `value` by `=`.
  void check_list_against(const ast::Expr& value, const Type& value_type,
                          const ast::ListLiteral& list);

  // Whether `literal` (a string literal) is a member of the enum; reports E0203.
  // The message names the field `enum_side` refers to, else `field_name`.
  bool check_enum_literal(const ast::Expr& enum_side, const Type& enum_type,
                          const ast::Expr& literal, std::string_view field_name = {});

  // 'age' (an int) / the string "x" / a decimal(2): for messages.
  std::string phrase(const ast::Expr& expr, const Type& type) const;

  const SourceManager& sources() const { return sources_; }
  DiagnosticList& diagnostics() { return diagnostics_; }

 private:
  Type record(const ast::Expr& expr, Type type);
  Type check_name(const ast::Expr& expr, const ast::NameRef& name);
  Type check_arithmetic(const ast::Expr& expr, const ast::ArithmeticExpr& arithmetic);
  Type check_contains(const ast::Expr& expr, const ast::ContainsExpr& contains);
  Type require_condition(const ast::Expr& operand, const char* context);

  Names names_;
  CheckedProgram& program_;
  const SourceManager& sources_;
  DiagnosticList& diagnostics_;
  std::vector<size_t>* references_ = nullptr;
};

// Built-in functions (section 6): arity, argument types, literal arguments,
// regex validity. Returns the call's type.
Type check_builtin_call(ExpressionChecker& checker, const ast::Expr& expr,
                        const ast::CallExpr& call, const std::vector<Type>& argument_types);

}  // namespace segc
