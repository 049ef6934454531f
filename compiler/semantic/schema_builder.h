// Turns the one visible `schema` declaration into a Schema: field types,
// the key, and the errors of section 3 (unknown types, bad arguments,
// duplicate fields, missing or repeated key, no schema or two schemas).
#pragma once

#include "diagnostics/diagnostic.h"
#include "semantic/checked_program.h"
#include "semantic/module_loader.h"

namespace segc {

// nullopt when no usable schema is visible (already reported).
std::optional<Schema> build_schema(const ParsedProgram& program, const SourceManager& sources,
                                   DiagnosticList& diagnostics);

}  // namespace segc
