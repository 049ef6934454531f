// What compile() checks of a table before specialising code to it: a column
// per schema field, of the field's kind, with arrays as long as the rows
// (generated code reads them without bounds checks).
#pragma once

#include <llvm/Support/Error.h>

#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc::codegen {

llvm::Error check_table(const CheckedProgram& program, const runtime::Table& table);

}  // namespace segc::codegen
