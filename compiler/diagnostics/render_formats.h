// Internal to the diagnostic renderers: one entry point per output format
// (render.cpp dispatches to them) and the few helpers that several formats
// share. Not part of the compiler's interface; include render.h instead.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/render.h"

namespace segc::render_detail {

// `omitted` says how many diagnostics of each file the error limit left out.
using Omitted = std::span<const OmittedDiagnostics>;
std::string render_text(const std::vector<Diagnostic>& diagnostics, Omitted omitted,
                        const SourceManager& sources, const RenderOptions& options);
std::string render_json(const std::vector<Diagnostic>& diagnostics, Omitted omitted,
                        const SourceManager& sources);
std::string render_sarif(const std::vector<Diagnostic>& diagnostics, Omitted omitted,
                         const SourceManager& sources, const RenderOptions& options);
std::string render_github(const std::vector<Diagnostic>& diagnostics, Omitted omitted,
                          const SourceManager& sources, const RenderOptions& options);
std::string render_junit(const std::vector<Diagnostic>& diagnostics, Omitted omitted,
                         const SourceManager& sources, const RenderOptions& options);

// "6 more errors and 1 more warning not shown (--error-limit 0 shows all)".
std::string omitted_text(const OmittedDiagnostics& omitted);
// The file's display path, or "(no file)" for diagnostics without one.
std::string omitted_file_name(const OmittedDiagnostics& omitted, const SourceManager& sources);

// One diagnostic in the text format (header, excerpt, help, notes), each line
// ending in '\n'. JUnit embeds this, without colour, as a failure's text.
std::string render_text_diagnostic(const Diagnostic& diagnostic, const SourceManager& sources,
                                   bool color);

// An absolute path with symlinks resolved as far as they exist (a file may be
// stdin, a folder may not exist yet); "" means the current directory.
std::filesystem::path resolved_path(std::string_view path);
// Where the file is on disk (its display path when it has no absolute path),
// with the links of its folder resolved but not its own.
std::filesystem::path resolved_path(const SourceFile& file);

// The file's path relative to base_directory (the current directory when
// empty), with '/' separators; nullopt when the file lies outside that folder,
// so a relative path would need "..". CI systems (SARIF upload, GitHub
// annotations) want repository-relative paths whatever the user typed.
std::optional<std::string> path_relative_to(const SourceFile& file,
                                            std::string_view base_directory);

struct SeverityCounts {
  size_t errors = 0;
  size_t warnings = 0;
};
// Of the diagnostics shown and those left out.
SeverityCounts count_severities(const std::vector<Diagnostic>& diagnostics, Omitted omitted);
SeverityCounts count_omitted(Omitted omitted);

}  // namespace segc::render_detail
