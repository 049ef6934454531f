// Partitions (LANGUAGE.md section 7) and test blocks (section 8): what they
// name must be segments, and test values must fit the schema's fields.
#pragma once

#include <set>
#include <string>
#include <unordered_map>

#include "diagnostics/diagnostic.h"
#include "semantic/checked_program.h"
#include "semantic/expression_checker.h"
#include "semantic/unreported_names.h"

namespace segc {

void check_partitions(CheckedProgram& program,
                      const std::unordered_map<std::string, size_t>& segments,
                      const UnreportedNames& unreported, DiagnosticList& diagnostics);

void check_tests(CheckedProgram& program, const std::unordered_map<std::string, size_t>& segments,
                 const UnreportedNames& unreported, ExpressionChecker& checker);

}  // namespace segc
