// Segments reference each other in any order (LANGUAGE.md section 4); this
// finds reference cycles and an order in which every segment comes after the
// segments it references.
#pragma once

#include <vector>

#include "diagnostics/diagnostic.h"
#include "semantic/checked_program.h"

namespace segc {

// Reports every cycle once (E0306, naming the segments in order) and returns
// the segments outside cycles in dependency order.
std::vector<size_t> order_segments(const CheckedProgram& program, DiagnosticList& diagnostics);

}  // namespace segc
