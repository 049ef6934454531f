// Reading rule files from disk (or stdin) into a SourceManager, with the size
// limit of LANGUAGE.md section 9 applied before anything is read.
#pragma once

#include <string>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "source/source_file.h"

namespace segc {

struct LoadedSource {
  const SourceFile* file = nullptr;  // null when the file could not be read
  std::string error;                 // why not, when file is null
};

// Reads `path`. display_path is what diagnostics will call the file. A file
// over 16 MiB is registered with empty text and an E0002 diagnostic, so that
// the diagnostic has a location; it is then not parsed.
LoadedSource load_source(SourceManager& sources, const std::string& path,
                         const std::string& display_path, DiagnosticList& diagnostics);

// Reads all of standard input as a rule file called display_path.
LoadedSource load_stdin(SourceManager& sources, const std::string& display_path,
                        DiagnosticList& diagnostics);

// Whether a diagnostic list says this file was too large to parse.
bool is_oversized(const SourceFile& file, const DiagnosticList& diagnostics);

}  // namespace segc
