// Which fields (and whether any segments) an expression depends on. The
// binder uses it to find the maximal sub-expressions that depend on one
// dictionary-encoded column only, or on nothing but constants: those are
// decided once at bind time instead of per row.
#pragma once

#include <cstddef>
#include <optional>
#include <unordered_map>
#include <vector>

#include "semantic/checked_program.h"

namespace segc::codegen {

struct Dependencies {
  std::vector<size_t> fields;  // ascending, distinct
  bool segments = false;       // names a segment
};

class DependencyMap {
 public:
  explicit DependencyMap(const CheckedProgram& program) : program_(program) {}

  const Dependencies& of(const ast::Expr& expr);

  // The one String or Enum field `expr` depends on, if that is all it
  // depends on and its value can be tabulated (a scalar or a string).
  std::optional<size_t> single_dictionary_field(const ast::Expr& expr);
  // Whether `expr` depends on no field and no segment and is a value (not a
  // list or a duration, which only exist as operands).
  bool is_constant(const ast::Expr& expr);

 private:
  const CheckedProgram& program_;
  std::unordered_map<const ast::Expr*, Dependencies> memo_;
};

// Whether values of `type` can be tabulated or passed back from the
// interpreter: bools, numbers, dates, enums and (for tables) strings.
bool is_tabulated_type(const Type& type);

}  // namespace segc::codegen
