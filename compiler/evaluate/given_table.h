// The customer table of a `test` block: one row per `given` clause, built
// exactly as runtime/table.h lays tables out, so that `segc test` can run the
// customers of a test through any engine.
#pragma once

#include <vector>

#include "evaluate/value.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc::evaluate {

// Row i is the i-th `given`. Fields a given omits are missing (a set field
// too: `[]` is the empty set); an omitted key is i + 1 (as text for string
// keys), so customers have distinct keys unless a given sets one that another
// row gets by default. Values are literals as the test checker allows them
// (an int or a shorter decimal for a decimal field, any number for a float);
// one that does not fit the field (an int too large for decimal(9)) is missing.
runtime::Table table_from_givens(const CheckedProgram& program, const ast::TestDecl& test);

// A column of `spec`'s kind holding `values` (one per row, Missing for absent
// ones) as runtime/table.h lays it out: presence, narrowest widths, sorted
// string dictionaries, set offsets and codes.
runtime::Column column_from_values(const runtime::ColumnSpec& spec,
                                   const std::vector<Value>& values);

}  // namespace segc::evaluate
