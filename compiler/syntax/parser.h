// The parse stage: source text -> AST and syntax diagnostics. ANTLR types never
// leave this stage.
#pragma once

#include <llvm/Support/Error.h>

#include <vector>

#include "diagnostics/diagnostic.h"
#include "source/source_file.h"
#include "syntax/ast.h"

namespace segc {

inline constexpr uint32_t kMaxNestingDepth = 256;
inline constexpr size_t kMaxListLength = 100'000;
inline constexpr size_t kMaxFileBytes = 16u << 20;

struct ParseResult {
  ast::Module module;
  std::vector<Diagnostic> diagnostics;
  bool has_syntax_errors = false;  // some declarations were left out of `module`
  // Lexical and syntax errors past the error limit: counted, not in `diagnostics`.
  size_t omitted_errors = 0;
};

// Never fails on bad input (that is a diagnostic); an Error means a bug in segc.
// Of the lexical errors and of the syntax errors, each kind keeps its first
// `error_limit` (0: all) and counts the rest, so that the first `error_limit`
// of the file are kept whichever kind they are.
llvm::Expected<ParseResult> parse_module(const SourceFile& file, size_t error_limit = 0);

}  // namespace segc
