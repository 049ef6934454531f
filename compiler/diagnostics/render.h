// Diagnostics as text for people and as JSON, SARIF, GitHub workflow commands
// and JUnit XML for machines (CLI.md, "Diagnostics").
#pragma once

#include <span>
#include <string>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "source/source_file.h"

namespace segc {

enum class DiagnosticFormat { Text, Json, Sarif, Github, Junit };

struct RenderOptions {
  bool color = false;  // ANSI colours (text only); the CLI decides from isatty/NO_COLOR
  // Folder that SARIF artifact URIs are made relative to (the repository root);
  // empty means the current directory.
  std::string base_directory;
  // Files named on the command line; JUnit writes one test case per file, so a
  // file without findings still appears as a passing case.
  std::vector<FileId> checked_files;
};

// Diagnostics must already be sorted; every range's file must be in `sources`
// (a diagnostic without a file is printed without a location).
std::string render_diagnostics(DiagnosticFormat format, const std::vector<Diagnostic>& diagnostics,
                               const SourceManager& sources, const RenderOptions& options);
// The same for a list the error limit was applied to: every format also says
// how many diagnostics of each file it leaves out.
std::string render_diagnostics(DiagnosticFormat format, const DiagnosticList& diagnostics,
                               const SourceManager& sources, const RenderOptions& options);

// A Markdown table of all findings, for $GITHUB_STEP_SUMMARY (and, for a
// limited list, how many it leaves out).
std::string render_github_step_summary(const std::vector<Diagnostic>& diagnostics,
                                       const SourceManager& sources);
std::string render_github_step_summary(const DiagnosticList& diagnostics,
                                       const SourceManager& sources);

}  // namespace segc
