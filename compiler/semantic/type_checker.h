// The semantic stage: ParsedProgram -> CheckedProgram. Builds the schema,
// the one namespace of top-level names, checks every segment, partition and
// test, and orders segments so that each follows the segments it references.
#pragma once

#include "diagnostics/diagnostic.h"
#include "semantic/checked_program.h"
#include "semantic/module_loader.h"

namespace segc {

// Always returns a program; when errors were reported, parts of it (types of
// ill-typed expressions, the evaluation order) are incomplete.
CheckedProgram check_program(ParsedProgram parsed, const SourceManager& sources,
                             DiagnosticList& diagnostics);

}  // namespace segc
