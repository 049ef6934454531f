// Expands the inputs of a command into rule files: a folder stands for every
// *.seg file below it. Entries below a folder that cannot be rule files (a
// loop of symbolic links, a dangling link, a link out of the rules' root, a
// FIFO, a subfolder that cannot be listed) are reported as diagnostics naming
// their path, and the other files are still used: a pull request must not be
// able to stop the check, make it crash or read outside the rules by adding
// such an entry.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "source/source_file.h"

namespace segc {

// Fills `files` with "-" and the file names given, as given (the loader
// checks them against the root), and the *.seg files below the folders
// given that lie inside `root` (canonical), in sorted order. Fails (with a
// message for the user in `error`) when an input does not exist.
bool expand_inputs(const std::vector<std::string>& inputs, const std::filesystem::path& root,
                   std::vector<std::string>& files, SourceManager& sources,
                   DiagnosticList& diagnostics, std::string& error);

// Reports a problem with a whole file or folder: the path is registered
// (with no text) so that the diagnostic names it as its location.
void report_path_problem(SourceManager& sources, DiagnosticList& diagnostics,
                         std::string_view code, const std::string& path, std::string message,
                         std::string help);

}  // namespace segc
