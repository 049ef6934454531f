// What compile() checks of a table before specialising code to it: a column
// per schema field, of the field's kind, with arrays as long as the rows
// (generated code reads them without bounds checks). And what evaluate()
// checks of the table it is given: that it has the shape the code was
// specialised to (widths, dictionaries).
#pragma once

#include <llvm/Support/Error.h>

#include <cstdint>
#include <vector>

#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc::codegen {

llvm::Error check_table(const CheckedProgram& program, const runtime::Table& table);

// What compiled code assumes of a table beyond the schema: the widths and
// dictionaries of the columns it reads (`fields`, ascending). Other columns
// may differ: the code never looks at them.
struct TableShape {
  std::vector<size_t> fields;
  std::vector<int> widths;
  std::vector<uint64_t> dictionary_hashes;  // runtime::Dictionary::fingerprint()
  friend bool operator==(const TableShape&, const TableShape&) = default;
};

TableShape shape_of(const runtime::Table& table, const std::vector<size_t>& fields);

}  // namespace segc::codegen
