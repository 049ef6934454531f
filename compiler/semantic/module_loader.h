// Loads the files named on the command line and everything they import
// (LANGUAGE.md section 3): relative imports, `std/` imports from the standard
// library, missing files and import cycles. Imports are read only from inside
// the rules' root, `std/` ones only from inside the standard library
// (docs/imports.md).
#pragma once

#include <llvm/Support/Error.h>

#include <filesystem>
#include <string>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "source/source_file.h"
#include "syntax/ast.h"

namespace segc {

struct ImportEdge {
  size_t from_module;
  const ast::ImportDecl* declaration;
  size_t to_module;
};

struct ParsedProgram {
  std::vector<ast::Module> modules;  // root files first, in command-line order
  std::vector<ImportEdge> imports;
  std::vector<std::string> broken_names;  // declared by declarations with syntax errors
  bool has_syntax_errors = false;
  bool has_failed_imports = false;  // an import was reported (E0302, E0313, E0314) and not read
};

struct LoaderOptions {
  std::string stdlib_directory;     // where `import "std/NAME.seg"` looks
  std::filesystem::path rules_root;  // canonical; see driver/rules_root.h
  size_t error_limit = 0;            // syntax errors kept per file (0: all), see parse_module
};

// Where the standard library is: $SEGC_STDLIB if set, else the stdlib folder
// of the source tree segc was built from.
std::string default_stdlib_directory();

// `root_files` were already read into `sources` (see driver/source_loader.h).
// Never fails: problems become diagnostics. An Error is a bug in segc.
llvm::Expected<ParsedProgram> load_program(const std::vector<const SourceFile*>& root_files,
                                           SourceManager& sources, DiagnosticList& diagnostics,
                                           const LoaderOptions& options);

}  // namespace segc
