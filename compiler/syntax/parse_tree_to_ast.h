// Converts ANTLR's parse tree into the AST. Internal to the parse stage.
#pragma once

#include <SegParser.h>

#include <set>

#include "diagnostics/diagnostic.h"
#include "syntax/ast.h"

namespace segc {

// Declarations whose first token index is in `broken_declarations` had syntax
// errors; they are left out, and only their names are kept.
ast::Module parse_tree_to_ast(grammar::SegParser::FileContext* tree, const SourceFile& file,
                              const std::set<size_t>& broken_declarations,
                              DiagnosticList& diagnostics, std::vector<ast::Comment> comments);

}  // namespace segc
