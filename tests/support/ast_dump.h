// A readable, complete text form of the AST for tests: every node type and
// every field, one node per line, indented by depth. Ranges are included only
// when asked for, so that two parses of differently laid-out text compare
// equal exactly when they mean the same.
#pragma once

#include <string>

#include "syntax/ast.h"

namespace segc::testing {

struct AstDumpOptions {
  bool ranges = false;    // append `@line:col-line:col` to nodes that have a range
  bool comments = false;  // list the module's comments too
  // List segment properties in the order `segc fmt` prints them (description,
  // owner, tags, metas as written) rather than as written.
  bool canonical_property_order = false;
};

std::string dump_module(const ast::Module& module, const AstDumpOptions& options = {});
std::string dump_expr(const ast::Expr& expr, const AstDumpOptions& options = {});

}  // namespace segc::testing
