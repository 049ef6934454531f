// `segc fmt`: the one canonical layout of a rule file (docs/formatting.md).
#pragma once

#include <string>

#include "source/source_file.h"
#include "syntax/ast.h"

namespace segc {

// Lines are at most this many code points wide where the layout can help it.
inline constexpr int kFormatLineWidth = 100;

// The canonical text of `module`, which must have been parsed from `file`
// without errors (a module with declarations left out would lose them). Keeps
// every comment; the result parses to the same AST (ranges aside), and
// formatting the result again gives the result back. An empty module with no
// comments formats as the empty string; anything else ends with one newline.
std::string format_module(const ast::Module& module, const SourceFile& file);

}  // namespace segc
