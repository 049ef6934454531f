// Bind-time evaluation with the reference interpreter: a sub-expression that
// depends on one dictionary-encoded column only is evaluated once per
// dictionary entry (plus once for a missing value), and one that depends on
// nothing once; generated code then loads the result by dictionary code.
// This is how `city in [...]`, `lower(city) = "..."`, `matches(...)`, enum
// comparisons and constant sub-expressions (`today - 30 days`) cost a load.
#pragma once

#include <llvm/Support/Error.h>

#include <cstdint>
#include <string>
#include <vector>

#include "evaluate/reference_interpreter.h"

namespace segc::codegen {

// Entry i is the value for dictionary code i; the last entry is the value
// for a missing field.
struct Tabulated {
  Type type;
  // Bool: 0 false, 1 true, 2 unknown. Other types: 1 present, 0 missing.
  std::vector<uint8_t> state;
  std::vector<int64_t> bits;         // see encode_value (not for String)
  std::vector<std::string> strings;  // String results ("" when missing)
};

inline constexpr uint8_t kFalse = 0;
inline constexpr uint8_t kTrue = 1;
inline constexpr uint8_t kUnknown = 2;

llvm::Expected<Tabulated> tabulate_over_dictionary(const CheckedProgram& program,
                                                   const ast::Expr& expr, size_t field,
                                                   const runtime::Column& column,
                                                   const evaluate::EvaluationContext& context);

// A one-entry table: the value of an expression that depends on nothing.
llvm::Expected<Tabulated> fold_constant(const CheckedProgram& program, const ast::Expr& expr,
                                        const evaluate::EvaluationContext& context);

}  // namespace segc::codegen
