// Reading rule files from disk (or stdin) into a SourceManager, with the size
// limit of LANGUAGE.md section 9 applied before anything is read, and only
// from regular files inside the rules' root (docs/imports.md).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "source/source_file.h"

namespace segc {

enum class LoadFailure {
  None,
  Missing,         // no such file
  OutsideRoot,     // the file, with symbolic links resolved, is not inside the root
  NotRegularFile,  // a folder, FIFO, socket or device: never opened
  Unreadable,      // a link loop, no permission, a read error
};

struct LoadedSource {
  const SourceFile* file = nullptr;  // null when the file could not be read
  LoadFailure failure = LoadFailure::None;
  std::string reason;  // why not, without the path: "Permission denied"
};

// Reads `path` if, with every symbolic link resolved, it is a regular file
// inside `root` (canonical). display_path is what diagnostics will call the
// file. A file over 16 MiB is registered with empty text and an E0002
// diagnostic, so that the diagnostic has a location; it is then not parsed.
// A file read before (by its canonical path) is not read again.
LoadedSource load_source(SourceManager& sources, const std::string& path,
                         const std::string& display_path, const std::filesystem::path& root,
                         DiagnosticList& diagnostics);

// Reads all of standard input as a rule file called display_path.
LoadedSource load_stdin(SourceManager& sources, const std::string& display_path,
                        DiagnosticList& diagnostics);

// "a FIFO (named pipe)", "a folder"...: what a file that is not a regular
// file is, for messages.
std::string describe_file_type(std::filesystem::file_type type);

// Why a file named on the command line could not be read, for a message of
// a command that cannot run: "rules/x.seg is a folder, not a regular file".
std::string describe_load_failure(const std::string& path, const LoadedSource& loaded,
                                  const std::filesystem::path& root);

// Whether a diagnostic list says this file was too large to parse.
bool is_oversized(const SourceFile& file, const DiagnosticList& diagnostics);

}  // namespace segc
