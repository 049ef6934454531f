#include "driver/source_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "diagnostics/codes.h"
#include "syntax/parser.h"

namespace segc {
namespace {

namespace fs = std::filesystem;

std::string absolute_path(const std::string& path) {
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path, error), error);
  return error ? path : absolute.string();
}

LoadedSource register_text(SourceManager& sources, const std::string& display_path,
                           const std::string& absolute, std::string text,
                           DiagnosticList& diagnostics) {
  if (text.size() > kMaxFileBytes) {
    const SourceFile& file = sources.add(display_path, absolute, {});
    diagnostics.error(codes::kFileTooLarge, SourceRange{file.id(), {1, 1}, {1, 1}},
                      fmt::format("the file is {} bytes; rule files may be at most 16 MiB",
                                  text.size()),
                      "split the rules over several files that import each other");
    return {&file, {}};
  }
  return {&sources.add(display_path, absolute, std::move(text)), {}};
}

}  // namespace

LoadedSource load_source(SourceManager& sources, const std::string& path,
                         const std::string& display_path, DiagnosticList& diagnostics) {
  std::error_code error;
  if (fs::is_directory(path, error)) return {nullptr, fmt::format("{} is a folder", path)};
  const auto size = fs::file_size(path, error);
  if (error) return {nullptr, fmt::format("cannot read {}: {}", path, error.message())};
  const std::string absolute = absolute_path(path);
  if (const SourceFile* known = sources.find_by_absolute_path(absolute)) return {known, {}};
  if (size > kMaxFileBytes) {
    // Do not read a huge file only to reject it.
    const SourceFile& file = sources.add(display_path, absolute, {});
    diagnostics.error(codes::kFileTooLarge, SourceRange{file.id(), {1, 1}, {1, 1}},
                      fmt::format("the file is {} bytes; rule files may be at most 16 MiB", size),
                      "split the rules over several files that import each other");
    return {&file, {}};
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return {nullptr, fmt::format("cannot read {}", path)};
  std::string text((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  if (stream.bad()) return {nullptr, fmt::format("cannot read {}", path)};
  return register_text(sources, display_path, absolute, std::move(text), diagnostics);
}

LoadedSource load_stdin(SourceManager& sources, const std::string& display_path,
                        DiagnosticList& diagnostics) {
  std::ostringstream buffer;
  buffer << std::cin.rdbuf();
  return register_text(sources, display_path, absolute_path(display_path), buffer.str(),
                       diagnostics);
}

bool is_oversized(const SourceFile& file, const DiagnosticList& diagnostics) {
  return std::any_of(diagnostics.items().begin(), diagnostics.items().end(),
                     [&](const Diagnostic& d) {
                       return d.range.file == file.id() && d.code == codes::kFileTooLarge;
                     });
}

}  // namespace segc
