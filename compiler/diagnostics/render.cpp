// Chooses the renderer for --format, and holds the helpers several renderers
// share (see render_formats.h).
#include "diagnostics/render.h"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

#include "diagnostics/render_formats.h"

namespace segc {

namespace {

std::string render_with_omitted(DiagnosticFormat format, const std::vector<Diagnostic>& diagnostics,
                                render_detail::Omitted omitted, const SourceManager& sources,
                                const RenderOptions& options) {
  using namespace render_detail;
  switch (format) {
    case DiagnosticFormat::Text:
      return render_text(diagnostics, omitted, sources, options);
    case DiagnosticFormat::Json:
      return render_json(diagnostics, omitted, sources);
    case DiagnosticFormat::Sarif:
      return render_sarif(diagnostics, omitted, sources, options);
    case DiagnosticFormat::Github:
      return render_github(diagnostics, omitted, sources, options);
    case DiagnosticFormat::Junit:
      return render_junit(diagnostics, omitted, sources, options);
  }
  return {};  // unreachable: every enumerator is handled above
}

}  // namespace

std::string render_diagnostics(DiagnosticFormat format, const std::vector<Diagnostic>& diagnostics,
                               const SourceManager& sources, const RenderOptions& options) {
  return render_with_omitted(format, diagnostics, {}, sources, options);
}

std::string render_diagnostics(DiagnosticFormat format, const DiagnosticList& diagnostics,
                               const SourceManager& sources, const RenderOptions& options) {
  return render_with_omitted(format, diagnostics.items(), diagnostics.omitted(), sources, options);
}

namespace render_detail {
namespace fs = std::filesystem;

fs::path resolved_path(std::string_view path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path.empty() ? fs::path(".") : fs::path(path), error);
  if (error) return fs::path(path).lexically_normal();
  // Resolving links makes a file and a base folder reached through different
  // symlinks compare equal.
  fs::path canonical = fs::weakly_canonical(absolute, error);
  fs::path result = error ? absolute.lexically_normal() : canonical;
  // "/repo/" would count as a folder "/repo" plus an empty component.
  if (!result.has_filename() && result.has_relative_path()) result = result.parent_path();
  return result;
}

fs::path resolved_path(const SourceFile& file) {
  const fs::path path(file.absolute_path().empty() ? file.display_path() : file.absolute_path());
  // The file's folder is resolved, not the file: a diagnostic about a
  // symbolic link (one leading out of the rules) is located at the link and
  // must not name where it leads. Files that were read have canonical paths.
  if (!path.has_filename()) return resolved_path(path.string());
  return resolved_path(path.parent_path().string()) / path.filename();
}

std::optional<std::string> path_relative_to(const SourceFile& file,
                                            std::string_view base_directory) {
  fs::path target = resolved_path(file);
  fs::path base = resolved_path(base_directory);
  fs::path relative = target.lexically_relative(base);
  if (relative.empty() || relative == "." || *relative.begin() == "..") return std::nullopt;
  return relative.generic_string();
}

SeverityCounts count_omitted(Omitted omitted) {
  SeverityCounts counts;
  for (const OmittedDiagnostics& file : omitted) {
    counts.errors += file.errors;
    counts.warnings += file.warnings;
  }
  return counts;
}

SeverityCounts count_severities(const std::vector<Diagnostic>& diagnostics, Omitted omitted) {
  SeverityCounts counts = count_omitted(omitted);
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == Severity::Error) {
      ++counts.errors;
    } else {
      ++counts.warnings;
    }
  }
  return counts;
}

std::string omitted_text(const OmittedDiagnostics& omitted) {
  auto more = [](size_t count, std::string_view noun) {
    return fmt::format("{} more {}{}", count, noun, count == 1 ? "" : "s");
  };
  std::string text;
  if (omitted.errors > 0) text = more(omitted.errors, "error");
  if (omitted.warnings > 0) {
    text += (text.empty() ? "" : " and ") + more(omitted.warnings, "warning");
  }
  return text + " not shown (--error-limit 0 shows all)";
}

std::string omitted_file_name(const OmittedDiagnostics& omitted, const SourceManager& sources) {
  return omitted.file == kNoFile ? std::string("(no file)")
                                 : sources.file(omitted.file).display_path();
}

}  // namespace render_detail
}  // namespace segc
