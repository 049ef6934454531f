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

std::string render_text(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        const RenderOptions& options);
std::string render_json(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources);
std::string render_sarif(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                         const RenderOptions& options);
std::string render_github(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                          const RenderOptions& options);
std::string render_junit(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                         const RenderOptions& options);

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
SeverityCounts count_severities(const std::vector<Diagnostic>& diagnostics);

}  // namespace segc::render_detail
