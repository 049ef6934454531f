// The front-end pipeline as the commands use it: read the files, load
// imports, parse, check, lint; collect every diagnostic, sorted.
#pragma once

#include <llvm/Support/Error.h>

#include <memory>

#include <optional>
#include <string>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "semantic/checked_program.h"
#include "source/source_file.h"

namespace segc {

struct CheckSettings {
  bool warnings_as_errors = false;
  std::string stdlib_directory;     // empty: default_stdlib_directory()
  std::string stdin_display_name = "<stdin>";
  // --root: the folder rule files and their imports must lie in; empty: the
  // git work tree of the inputs, else their common folder (rules_root.h).
  std::string rules_root;
  // Errors, and separately warnings, kept per file; the rest are counted (0: all).
  size_t error_limit = kDefaultErrorLimit;
};

struct CheckOutcome {
  SourceManager sources;
  DiagnosticList diagnostics;          // sorted, error limit applied
  std::vector<FileId> root_files;      // the files named on the command line
  std::optional<CheckedProgram> program;  // absent when parsing failed outright
  std::string usage_error;  // set when an input could not be read (exit code 2)
};

// `inputs` are files, folders (every *.seg below) or "-" for stdin.
// Returns an Error only for a bug in segc.
llvm::Expected<std::unique_ptr<CheckOutcome>> run_check(const std::vector<std::string>& inputs,
                                                        const CheckSettings& settings);

}  // namespace segc
